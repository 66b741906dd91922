import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@lr/config';
import { closeOnSignals, preflight, startupFailure } from '@lr/core';
import { WorkerAppModule } from './worker-app.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await preflight(config);
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot({ config }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  closeOnSignals(app, app.get(Logger), config.shutdownTimeoutMs);
  app.get(Logger).log('Worker started: processing every institution queue and relaying the outbox');
}

bootstrap().catch(startupFailure);
