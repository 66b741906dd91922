import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { loadConfig } from '@lr/config';
import { CoreModule, CoreOptions } from '@lr/core';
import { AdminController } from './controllers/admin.controller';
import { CatalogueController } from './controllers/catalogue.controller';
import { CreditRecordsController } from './controllers/credit-records.controller';
import { DevTokensController } from './controllers/dev-tokens.controller';
import { HealthController } from './controllers/health.controller';
import { InboxController } from './controllers/inbox.controller';
import { MeController } from './controllers/me.controller';
import { RequestsController } from './controllers/requests.controller';
import { BearerAuthGuard } from './http/auth.guard';

@Module({})
export class AppModule {
  static forRoot(options: CoreOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig();
    return {
      module: AppModule,
      imports: [CoreModule.forRoot({ ...options, config }), TerminusModule],
      controllers: [
        HealthController,
        MeController,
        CatalogueController,
        RequestsController,
        InboxController,
        CreditRecordsController,
        AdminController,
        ...(config.devTokensEnabled ? [DevTokensController] : []),
      ],
      providers: [{ provide: APP_GUARD, useClass: BearerAuthGuard }],
    };
  }
}
