import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignInSettings } from '@lr/auth';
import { InstitutionRegistry } from '@lr/institutions';
import { Public } from '../http/auth.guard';
import { Action } from '../http/authorization.guard';
import { SignInInstitutionDto } from '../dto/responses.dto';

/** The "where are you from" list: public, since it is what a person chooses before they can sign in. */
@ApiTags('sign-in')
@Public()
@Controller('sign-in')
export class SignInController {
  constructor(
    private readonly registry: InstitutionRegistry,
    private readonly settings: SignInSettings,
  ) {}

  @Get('institutions')
  @Action('sign-in.institutions')
  @ApiOperation({ summary: 'Each institution with the identity provider its people sign in at' })
  @ApiOkResponse({ type: [SignInInstitutionDto] })
  institutions(): SignInInstitutionDto[] {
    return this.registry.all().map((institution) => ({
      code: institution.code,
      name: institution.name,
      sector: institution.sector,
      ...this.settings.of(institution),
    }));
  }
}
