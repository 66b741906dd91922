import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DevTokensService } from '@lr/auth';
import { Public } from '../http/auth.guard';
import { DevTokenRequestDto } from '../dto/decisions.dto';
import { DevTokenDto, PersonDto } from '../dto/responses.dto';
import { Action } from '../http/authorization.guard';

/** Development sign-in for the seeded people. Only mounted when DEV_TOKENS_ENABLED=true (never in production). */
@ApiTags('development')
@Public()
@Controller('dev')
export class DevTokensController {
  constructor(private readonly devTokens: DevTokensService) {}

  @Get('people')
  @Action('dev.people')
  @ApiOperation({ summary: 'The seeded people a development token can be issued for' })
  @ApiOkResponse({ type: [PersonDto] })
  people(): Promise<PersonDto[]> {
    return this.devTokens.people();
  }

  @Post('tokens')
  @Action('dev.token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue a signed development token for a seeded person' })
  @ApiOkResponse({ type: DevTokenDto })
  token(@Body() body: DevTokenRequestDto): Promise<DevTokenDto> {
    return this.devTokens.issue(body.personId);
  }
}
