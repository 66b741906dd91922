import { DynamicModule, Global, Module } from '@nestjs/common';
import type { InstitutionDefinition } from './institution.definition';
import { INSTITUTION_DEFINITIONS, InstitutionRegistry } from './institution.registry';
import { REGISTERED_INSTITUTIONS } from './registered-institutions';

@Global()
@Module({})
export class InstitutionsModule {
  static forRoot(definitions: InstitutionDefinition[] = REGISTERED_INSTITUTIONS): DynamicModule {
    return {
      module: InstitutionsModule,
      providers: [{ provide: INSTITUTION_DEFINITIONS, useValue: definitions }, InstitutionRegistry],
      exports: [InstitutionRegistry],
    };
  }
}
