import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '@lr/config';
import { QUEUE_DASHBOARD_ROUTE } from './admin-only.middleware';

/** The only HTML the API serves: the OpenAPI documentation and the queue dashboard. */
const PAGE_ROUTES = ['/docs', QUEUE_DASHBOARD_ROUTE];

function isPage(path: string): boolean {
  return PAGE_ROUTES.some((route) => path === route || path.startsWith(`${route}/`));
}

/**
 * Helmet's headers on every response. API responses are JSON that no browser should render, embed or run
 * anything from, so their policy allows nothing at all. The two pages load their own scripts and styles
 * (Swagger UI and the dashboard use inline styles, the dashboard a web font) and keep helmet's default
 * policy, which allows exactly that, without upgrade-insecure-requests: on plain HTTP (a developer's
 * machine, a host reached by IP) it would send their assets to an https:// that is not there.
 */
export function securityHeaders(): (
  request: Request,
  response: Response,
  next: NextFunction,
) => void {
  const api = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  const pages = helmet({
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  });
  return (request, response, next) => (isPage(request.path) ? pages : api)(request, response, next);
}

/**
 * Cross-origin browser access for the configured origins only: an allowed origin is echoed in
 * Access-Control-Allow-Origin, any other gets no CORS headers and the browser keeps the answer from its page.
 * Bearer tokens travel in a header, never in cookies, so credentials stay off.
 */
export function corsOptions(config: AppConfig): CorsOptions {
  return {
    origin: config.corsOrigins,
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    // A client that is told to slow down can read when to try again.
    exposedHeaders: [
      'Retry-After',
      'X-RateLimit-Limit',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
    ],
    credentials: false,
    maxAge: 600,
  };
}
