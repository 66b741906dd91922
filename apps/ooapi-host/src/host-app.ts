import type { IncomingMessage, ServerResponse } from 'http';
import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { json, urlencoded } from 'express';
import { AuthorizationServer } from './authorization/authorization-server';
import { CallbackRelay } from './callbacks/callback-relay.service';
import { HostConfig } from './config/host-config';
import { prepareHostDatabase } from './database/prepare-database';
import { HostModule } from './host.module';
import { sendProblem } from './ooapi/ooapi-gate.middleware';

/**
 * The demo institution's system, ready to listen: its database created, migrated and seeded, the authorization
 * server under /oauth (which reads its own form bodies), JSON and merge-patch bodies for the OOAPI, form
 * bodies for the staff screen. main.ts and the tests share it.
 */
export async function createHostApp(
  config: HostConfig,
  logger: LogLevel[] = ['warn', 'error'],
): Promise<INestApplication> {
  await prepareHostDatabase(config.databaseUrl);
  const app = await NestFactory.create(HostModule.forRoot(config), { bodyParser: false, logger });
  const authorization = app.get(AuthorizationServer);
  app.use('/oauth', (req: IncomingMessage, res: ServerResponse) => authorization.handle(req, res));
  const parseJson = json({
    limit: '100kb',
    type: ['application/json', 'application/merge-patch+json'],
  });
  // A body that is no JSON gets an OOAPI Problem, as everything else under /ooapi does.
  app.use('/ooapi', (req: Request, res: Response, next: NextFunction) =>
    parseJson(req, res, (error?: unknown) =>
      error ? sendProblem(res, 400, 'The body is not JSON.') : next(),
    ),
  );
  app.use('/staff', urlencoded({ extended: false, limit: '20kb' }));
  return app;
}

/** Listens, then starts telling callers of changes (the callbacks' tokens come from this server itself). */
export async function startHostApp(app: INestApplication, config: HostConfig): Promise<void> {
  await app.listen(config.port, config.address);
  app.get(CallbackRelay).start();
}
