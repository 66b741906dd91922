import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { TokenVerifier, actorOf } from '@lr/auth';

const COOKIE = 'lr_dashboard';
export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

function cookie(request: Request, name: string): string | undefined {
  const pair = (request.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name);
  return pair ? decodeURIComponent(pair[1] ?? '') : undefined;
}

/**
 * Guards the queue dashboard, which is a browser page outside the API's bearer guard. An admin opens it once
 * as /admin/queues?token=<token>; the token then travels in an HttpOnly cookie limited to the dashboard.
 */
@Injectable()
export class AdminOnlyMiddleware implements NestMiddleware {
  constructor(private readonly verifier: TokenVerifier) {}

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    const fromQuery = typeof request.query.token === 'string' ? request.query.token : undefined;
    const [scheme, fromHeader] = (request.headers.authorization ?? '').split(' ');
    const token =
      fromQuery ?? (scheme === 'Bearer' ? fromHeader : undefined) ?? cookie(request, COOKIE);
    const actor = token ? await actorOf(this.verifier.verify(token)) : undefined;
    if (!actor || actor.role !== 'admin') {
      const status = actor ? 403 : 401;
      response
        .status(status)
        .type('application/problem+json')
        .json({
          type: `urn:leerroutes:problem:HTTP.${status}`,
          title: actor ? 'forbidden' : 'unauthorized',
          status,
          code: `HTTP.${status}`,
          detail: 'The queue dashboard is for admins.',
          instance: request.originalUrl,
        });
      return;
    }
    if (fromQuery) {
      response.cookie(COOKIE, fromQuery, {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.secure,
        path: QUEUE_DASHBOARD_ROUTE,
      });
    }
    next();
  }
}
