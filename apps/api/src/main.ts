import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@lr/config';
import { closeOnSignals, preflight, startupFailure } from '@lr/core';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await preflight(config);
  const app = await NestFactory.create(AppModule.forRoot({ config }), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  configureApp(app);
  closeOnSignals(app, app.get(Logger), config.shutdownTimeoutMs);
  await app.listen(config.port, config.host);
  const url = `http://localhost:${config.port}`;
  app.get(Logger).log(`Leerroutes API on ${url} (docs ${url}/docs)`);
}

bootstrap().catch(startupFailure);
