import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lr/workflow/domain';
import { CurrentActor } from '../http/auth.guard';
import { ApiProtected } from './api-docs.decorators';

@ApiTags('me')
@Controller('me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'Who the bearer token says I am' })
  @ApiProtected()
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
