import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { InstitutionDefinition } from './institution.definition';
import {
  INSTITUTION_DEFINITIONS,
  InstitutionRegistry,
  STUDENT_REGISTER,
} from './institution.registry';
import { OoapiHosts } from './ooapi-hosts';
import { REGISTERED_INSTITUTIONS } from './registered-institutions';
import { DatabaseStudentRegister } from './student-register';
import { StudentRegisterWriter } from './student-register.writer';

@Global()
@Module({})
export class InstitutionsModule {
  static forRoot(definitions: InstitutionDefinition[] = REGISTERED_INSTITUTIONS): DynamicModule {
    return {
      module: InstitutionsModule,
      providers: [
        { provide: INSTITUTION_DEFINITIONS, useValue: definitions },
        {
          provide: DatabaseStudentRegister,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new DatabaseStudentRegister(dataSource),
        },
        { provide: STUDENT_REGISTER, useExisting: DatabaseStudentRegister },
        InstitutionRegistry,
        OoapiHosts,
        StudentRegisterWriter,
      ],
      exports: [InstitutionRegistry, OoapiHosts, DatabaseStudentRegister, StudentRegisterWriter],
    };
  }
}
