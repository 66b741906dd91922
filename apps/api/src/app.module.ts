import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthModule } from '@lr/auth';
import { loadConfig } from '@lr/config';
import { CoreModule, CoreOptions } from '@lr/core';
import { AdminController } from './controllers/admin.controller';
import { AuditController } from './controllers/audit.controller';
import { CatalogueController } from './controllers/catalogue.controller';
import { CatalogueSyncsController } from './controllers/catalogue-syncs.controller';
import { CreditRecordsController } from './controllers/credit-records.controller';
import { DevTokensController } from './controllers/dev-tokens.controller';
import { HealthController } from './controllers/health.controller';
import { SignInController } from './controllers/sign-in.controller';
import { InboxController } from './controllers/inbox.controller';
import { MeController } from './controllers/me.controller';
import { NotificationsController } from './controllers/notifications.controller';
import { OfferingsAdminController } from './controllers/offerings-admin.controller';
import { OoapiController } from './controllers/ooapi.controller';
import { OoapiCatalogueController } from './controllers/ooapi-catalogue.controller';
import { RequestsController } from './controllers/requests.controller';
import { BearerAuthGuard } from './http/auth.guard';
import { DeclaredFieldsInterceptor } from './http/declared-fields.interceptor';
import { AuthorizationGuard } from './http/authorization.guard';
import { DashboardSessions } from './http/dashboard-sessions';
import { DrainingService } from './http/draining.service';
import { QueueDashboard } from './http/queue-dashboard';
import { RateLimitModule } from './http/rate-limit';

@Module({})
export class AppModule {
  static forRoot(options: CoreOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig();
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ ...options, config }),
        // Sign-in is the API's alone: the worker acts as the system, never on a token.
        AuthModule,
        TerminusModule,
        // For DeclaredFieldsInterceptor, which plans every route's response at start.
        DiscoveryModule,
        RateLimitModule,
      ],
      controllers: [
        HealthController,
        SignInController,
        MeController,
        CatalogueController,
        RequestsController,
        InboxController,
        CreditRecordsController,
        AdminController,
        OfferingsAdminController,
        CatalogueSyncsController,
        NotificationsController,
        AuditController,
        OoapiController,
        OoapiCatalogueController,
        ...(config.devTokensEnabled ? [DevTokensController] : []),
      ],
      providers: [
        // Rate limiting first, so that requests without a valid token are limited too.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        // Then the authorization matrix: a role with no scope for the route's action is refused here.
        { provide: APP_GUARD, useClass: AuthorizationGuard },
        // Every answer carries only the fields its declared response DTO names.
        DeclaredFieldsInterceptor,
        { provide: APP_INTERCEPTOR, useExisting: DeclaredFieldsInterceptor },
        DrainingService,
        // The queue dashboard, mounted by configureApp.
        DashboardSessions,
        QueueDashboard,
      ],
    };
  }
}
