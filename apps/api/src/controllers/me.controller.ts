import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lr/domain';
import { CurrentActor } from '../http/auth.guard';
import { ActorDto } from '../dto/responses.dto';
import { ApiProtected } from './api-docs.decorators';

@ApiTags('me')
@Controller('me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'Who the bearer token says I am' })
  @ApiOkResponse({ type: ActorDto })
  @ApiProtected()
  me(@CurrentActor() actor: Actor): ActorDto {
    return actor;
  }
}
