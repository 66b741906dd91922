import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AdmissionsService } from './admissions/admissions.service';
import { AuthorizationServer } from './authorization/authorization-server';
import { SystemTokenClient } from './authorization/system-token.client';
import { CallbackRelay } from './callbacks/callback-relay.service';
import { OfferingChangesService } from './catalogue/offering-changes.service';
import { HOST_CONFIG, HostConfig } from './config/host-config';
import { hostDataSourceOptions } from './database/host-data-source.options';
import { HostExceptionFilter } from './host-exception.filter';
import { CatalogueService } from './ooapi/catalogue.service';
import { OoapiGate } from './ooapi/ooapi-gate.middleware';
import { OoapiController } from './ooapi/ooapi.controller';
import { StaffController } from './staff/staff.controller';

/** The demo institution's system: its OOAPI, its authorization server, its staff screen and its callbacks. */
@Module({})
export class HostModule implements NestModule {
  static forRoot(config: HostConfig): DynamicModule {
    return {
      module: HostModule,
      imports: [
        TypeOrmModule.forRoot({
          ...hostDataSourceOptions(config.databaseUrl),
          // Fail at start-up with one line instead of retrying for half a minute.
          retryAttempts: 0,
        }),
      ],
      controllers: [OoapiController, StaffController],
      providers: [
        { provide: HOST_CONFIG, useValue: config },
        {
          provide: AdmissionsService,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new AdmissionsService(dataSource),
        },
        {
          provide: OfferingChangesService,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new OfferingChangesService(dataSource),
        },
        CatalogueService,
        AuthorizationServer,
        SystemTokenClient,
        CallbackRelay,
        OoapiGate,
        { provide: APP_FILTER, useClass: HostExceptionFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(OoapiGate).forRoutes(OoapiController);
  }
}
