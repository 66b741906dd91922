import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { loadConfig } from '@lr/config';
import { CoreModule, CoreOptions } from '@lr/core';
import { WorkerModule } from '../../worker/src/worker.module';
import { CatalogueController } from './controllers/catalogue.controller';
import { CreditRecordsController } from './controllers/credit-records.controller';
import { DevTokensController } from './controllers/dev-tokens.controller';
import { HealthController } from './controllers/health.controller';
import { InboxController } from './controllers/inbox.controller';
import { MeController } from './controllers/me.controller';
import { RequestsController } from './controllers/requests.controller';
import { BearerAuthGuard } from './http/auth.guard';

export interface AppOptions extends CoreOptions {
  /** Run the job side in this process too (npm start, tests); production runs workers separately. */
  withWorker?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig();
    const withWorker = options.withWorker ?? config.runWorker;
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ ...options, config }),
        TerminusModule,
        ...(withWorker ? [WorkerModule] : []),
      ],
      controllers: [
        HealthController,
        MeController,
        CatalogueController,
        RequestsController,
        InboxController,
        CreditRecordsController,
        ...(config.devTokensEnabled ? [DevTokensController] : []),
      ],
      providers: [{ provide: APP_GUARD, useClass: BearerAuthGuard }],
    };
  }
}
