import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { existsSync } from 'fs';
import type { NextFunction, Request, Response } from 'express';
import { json, static as serveStatic } from 'express';
import { SignInSettings } from '@lr/auth';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { ERROR_CODES } from '@lr/domain';
import { OOAPI_ROUTE } from './http/machine-auth.guard';
import { ProblemDetailsFilter, STATUS_OF } from './http/problem-details.filter';
import { QUEUE_DASHBOARD_ROUTE, QueueDashboard } from './http/queue-dashboard';
import { PORTAL_ROUTE, corsOptions, securityHeaders } from './http/security';
import { strictValidationPipe } from './http/validation';

/** Everything main.ts and the end-to-end tests share, so tests exercise the app as it runs. */
export function configureApp(app: INestApplication): INestApplication {
  const config = app.get<AppConfig>(APP_CONFIG);
  // Behind a load balancer or TLS proxy the socket's address is the proxy's: with TRUST_PROXY, request.ip
  // (the rate limit's key, the audit's client address) and request.secure (the dashboard cookie's Secure)
  // come from the X-Forwarded-* headers the trusted proxies set. Off by default, since a client could
  // otherwise name any address it likes.
  (app as NestExpressApplication).set('trust proxy', config.trustProxy);
  // Headers first, so that every answer carries them, a preflight or a 413 included.
  const signIn = app.get(SignInSettings);
  app.use(securityHeaders(() => signIn.issuerOrigins()));
  app.enableCors(corsOptions(config));
  // A body over the limit is refused (413, problem+json) without reading past the limit. Institutions' systems
  // PATCH the OOAPI endpoints with JSON Merge Patch, which is JSON too.
  app.use(OOAPI_ROUTE, json({ limit: config.bodyLimit, type: 'application/merge-patch+json' }));
  app.use(json({ limit: config.bodyLimit }));
  app.use(QUEUE_DASHBOARD_ROUTE, app.get(QueueDashboard).router());
  servePortal(app, config);
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Leerroutes API')
      .setDescription(
        'Cross-institution enrolment for learning routes 4–6: requests, exam-board approval, host admission, ' +
          'results, recognition and credit registration. Errors are application/problem+json (RFC 9457); ' +
          'a client over its rate limit gets 429 with Retry-After.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  document.components ??= {};
  document.components.schemas = {
    ...document.components.schemas,
    Problem: {
      type: 'object',
      required: ['type', 'title', 'status', 'code', 'detail'],
      properties: {
        type: { type: 'string', example: 'urn:leerroutes:problem:COMPONENT.ILLEGAL_TRANSITION' },
        title: { type: 'string' },
        status: { type: 'integer' },
        code: {
          type: 'string',
          description:
            'Stable, for programs to act on. `REQUEST.VALIDATION_FAILED` (400, with `errors`), `HTTP.<status>` ' +
            '(refused by the HTTP layer: unknown route, body too large, rate limit), `INTERNAL` (500), and ' +
            'the domain codes, each with its status: ' +
            Object.entries(ERROR_CODES)
              .map(([code, kind]) => `\`${code}\` ${STATUS_OF[kind]}`)
              .join(', '),
        },
        detail: { type: 'string' },
        instance: { type: 'string' },
        errors: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              field: { type: 'string' },
              messages: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
    },
  };
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}

/**
 * The built web portal (npm run build:portal) as static files under /portal/, and / sends a browser there. The
 * portal routes in the URL's hash, so every page is its one index.html; the one other path is where identity
 * providers send a person back after sign-in, which the same page handles.
 */
function servePortal(app: INestApplication, config: AppConfig): void {
  if (!existsSync(config.portalDir)) return;
  app.use(`${PORTAL_ROUTE}/callback`, (request: Request, response: Response, next: NextFunction) =>
    request.method === 'GET' && request.path === '/'
      ? response.sendFile('index.html', { root: config.portalDir, maxAge: 0 })
      : next(),
  );
  app.use(PORTAL_ROUTE, serveStatic(config.portalDir, { index: 'index.html', maxAge: '1h' }));
  app.use((request: Request, response: Response, next: NextFunction) =>
    request.method === 'GET' && request.path === '/'
      ? response.redirect(`${PORTAL_ROUTE}/`)
      : next(),
  );
}
