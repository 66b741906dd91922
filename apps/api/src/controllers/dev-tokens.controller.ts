import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DevTokensService } from '@lr/auth';
import { Public } from '../http/auth.guard';
import { DevTokenRequestDto } from '../dto/decisions.dto';

/** Development sign-in for the seeded people. Only mounted when DEV_TOKENS_ENABLED=true (never in production). */
@ApiTags('development')
@Public()
@Controller('dev')
export class DevTokensController {
  constructor(private readonly devTokens: DevTokensService) {}

  @Get('people')
  @ApiOperation({ summary: 'The seeded people a development token can be issued for' })
  async people() {
    return (await this.devTokens.people()).map(({ institution: _i, ...p }) => p);
  }

  @Post('tokens')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue a signed development token for a seeded person' })
  token(@Body() body: DevTokenRequestDto) {
    return this.devTokens.issue(body.personId);
  }
}
