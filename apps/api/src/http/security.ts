import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '@lr/config';
import { QUEUE_DASHBOARD_ROUTE } from './queue-dashboard';

/** HTML pages the API serves besides the portal: the OpenAPI documentation and the queue dashboard. */
const PAGE_ROUTES = ['/docs', QUEUE_DASHBOARD_ROUTE];
export const PORTAL_ROUTE = '/portal';

function under(path: string, route: string): boolean {
  return path === route || path.startsWith(`${route}/`);
}

/**
 * Helmet's headers on every response. API responses are JSON that no browser should render, embed or run
 * anything from, so their policy allows nothing at all. The two pages load their own scripts and styles
 * (Swagger UI and the dashboard use inline styles, the dashboard a web font) and keep helmet's default
 * policy, which allows exactly that, without upgrade-insecure-requests: on plain HTTP (a developer's
 * machine, a host reached by IP) it would send their assets to an https:// that is not there.
 */
export function securityHeaders(
  issuerOrigins: () => string[],
): (request: Request, response: Response, next: NextFunction) => void {
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
  // The portal loads only its own files and talks only to this API and, to sign in, to the institutions'
  // identity providers (discovery and the code exchange; the sign-in pages themselves are navigations). Those
  // are known once the development issuer has started, hence read on first use. Its component library sets
  // CSS variables in a style element and positions some elements with style attributes, hence inline styles;
  // scripts stay 'self' only.
  let issuers: string | undefined;
  const portal = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", () => (issuers ??= issuerOrigins().join(' '))],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
  });
  return (request, response, next) => {
    const policy = under(request.path, PORTAL_ROUTE)
      ? portal
      : PAGE_ROUTES.some((route) => under(request.path, route))
        ? pages
        : api;
    policy(request, response, next);
  };
}

/**
 * Cross-origin browser access for the configured origins only: an allowed origin is echoed in
 * Access-Control-Allow-Origin, any other gets no CORS headers and the browser keeps the answer from its page.
 * Bearer tokens travel in a header, never in cookies, so credentials stay off.
 */
export function corsOptions(config: AppConfig): CorsOptions {
  return {
    origin: config.corsOrigins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH'],
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
