import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lr/domain';
import { PersonalDataExportQuery } from '@lr/workflow';
import { CurrentActor } from '../http/auth.guard';
import { ActorDto, PersonalDataExportDto } from '../dto/responses.dto';
import { ApiProtected } from './api-docs.decorators';
import { Action } from '../http/authorization.guard';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly exports: PersonalDataExportQuery) {}

  @Get()
  @Action('me.read')
  @ApiOperation({ summary: 'Who the bearer token says I am' })
  @ApiOkResponse({ type: ActorDto })
  @ApiProtected()
  me(@CurrentActor() actor: Actor): ActorDto {
    const { clientAddress: _address, ...me } = actor;
    return me;
  }

  @Get('export')
  @Action('me.export')
  @Header('Content-Disposition', 'attachment; filename="leerroutes-my-data.json"')
  @ApiOperation({
    summary:
      'Students: everything Leerroutes holds about me (person, requests with their timelines, credits, ' +
      'notifications, audit entries), as one JSON document',
  })
  @ApiOkResponse({ type: PersonalDataExportDto })
  @ApiProtected(403)
  export(@CurrentActor() actor: Actor): Promise<PersonalDataExportDto> {
    return this.exports.export(actor);
  }
}
