import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, ConfigModule } from '@lr/config';
import { DatabaseModule } from '@lr/database';
import { InstitutionDefinition, InstitutionsModule } from '@lr/institutions';
import { QueueModule } from '@lr/queue';
import { WorkflowModule } from '@lr/workflow';

export interface CoreOptions {
  /** Overrides the environment (tests). */
  config?: AppConfig;
  /** Overrides the registered institutions (tests that stand in for a host's system). */
  institutions?: InstitutionDefinition[];
}

/** What both the API and the worker process are built on: config, logs, database, institutions, queues, workflow. */
@Module({})
export class CoreModule {
  static forRoot(options: CoreOptions = {}): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(options.config),
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.logLevel,
              redact: [
                'req.headers.authorization',
                'req.headers.cookie',
                'req.query.token',
                'res.headers["set-cookie"]',
              ],
              serializers: {
                // The queue dashboard once took a token in its URL; one still sent there by habit (an old
                // bookmark) is not written to the logs.
                req: (req: { url?: string }) => ({
                  ...req,
                  url: req.url?.replace(/([?&]token=)[^&]*/, '$1[Redacted]'),
                }),
              },
              transport: undefined,
            },
          }),
        }),
        DatabaseModule,
        InstitutionsModule.forRoot(options.institutions),
        QueueModule,
        WorkflowModule,
      ],
    };
  }
}
