import { Injectable } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router, urlencoded } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { decodeJwt } from 'jose';
import { TokenVerifier, actorOf } from '@lr/auth';
import { InstitutionRegistry } from '@lr/institutions';
import { QueuesService } from '@lr/queue';
import { bearerToken } from './auth.guard';
import { DashboardSessions, DashboardUser } from './dashboard-sessions';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';
const COOKIE = 'lr_dashboard';
/**
 * A dashboard session lasts at most this long (and never beyond the token it was opened with), so that an
 * admin whose role is withdrawn at the identity provider loses the dashboard soon after as well.
 */
const SESSION_MS = 15 * 60_000;

/** Without JavaScript: the token goes in the body of a POST, never into an address that logs or history keep. */
const SIGN_IN_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Leerroutes queue dashboard</title></head>
<body>
<h1>Queue dashboard</h1>
<p>For admins: your institution's queue. Paste your bearer token to open a session of at most 15 minutes.</p>
<form method="post" action="${QUEUE_DASHBOARD_ROUTE}/session">
<label>Bearer token <input type="password" name="token" autocomplete="off" required></label>
<button type="submit">Open</button>
</form>
</body>
</html>
`;

function cookie(request: Request, name: string): string | undefined {
  const pair = (request.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name);
  return pair ? decodeURIComponent(pair[1] ?? '') : undefined;
}

/** The dashboard lives outside Nest's guards and error filter, so it answers problem+json itself. */
function refuse(request: Request, response: Response, status: 401 | 403, detail: string): void {
  response
    .status(status)
    .type('application/problem+json')
    .json({
      type: `urn:leerroutes:problem:HTTP.${status}`,
      title: status === 401 ? 'unauthorized' : 'forbidden',
      status,
      code: `HTTP.${status}`,
      detail,
      instance: request.originalUrl,
    });
}

/** An async step as Express middleware, its rejection handed to Express's error handler. */
function handler(
  step: (request: Request, response: Response, next: NextFunction) => Promise<void>,
): RequestHandler {
  return (request, response, next) => {
    step(request, response, next).catch(next);
  };
}

/**
 * The queue dashboard (bull-board), read-only: jobs carry ids only, and no one pauses or empties a queue from
 * here. One board per institution, at /admin/queues/<code>, showing that institution's queue alone and open to
 * its admins alone, bull-board's API routes (retry, clean, promote) included: a queue of another institution is
 * neither listed nor reachable. The notifications queue, shared by all institutions, is on no board.
 *
 * An admin opens a session with their bearer token (POST /admin/queues/session, from a script or the sign-in
 * form at /admin/queues); the browser then carries an opaque session id in an HttpOnly, SameSite=Strict cookie
 * limited to the dashboard, Secure when the request came over TLS (see TRUST_PROXY). A bearer header works
 * on every dashboard route as well; a token in the URL does not.
 */
@Injectable()
export class QueueDashboard {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly sessions: DashboardSessions,
    private readonly queues: QueuesService,
    private readonly registry: InstitutionRegistry,
  ) {}

  /** Mounted at QUEUE_DASHBOARD_ROUTE by configureApp. */
  router(): Router {
    const router = Router();
    router.get('/', (_request, response) => {
      response.type('html').send(SIGN_IN_PAGE);
    });
    router.post(
      '/session',
      urlencoded({ extended: false, limit: '20kb' }),
      handler((request, response) => this.open(request, response)),
    );
    for (const { code, queue } of this.registry.all()) {
      const board = new ExpressAdapter().setBasePath(`${QUEUE_DASHBOARD_ROUTE}/${code}`);
      createBullBoard({
        queues: [new BullMQAdapter(this.queues.get(queue), { readOnlyMode: true })],
        serverAdapter: board,
      });
      router.use(
        `/${code}`,
        handler((request, response, next) => this.admit(code, request, response, next)),
        board.getRouter() as RequestHandler,
      );
    }
    return router;
  }

  private async open(request: Request, response: Response): Promise<void> {
    const fromForm = (request.body as { token?: unknown } | undefined)?.token;
    const token = bearerToken(request) ?? (typeof fromForm === 'string' ? fromForm : undefined);
    const actor = token ? await actorOf(this.verifier.verify(token)) : undefined;
    const lifetimeMs =
      token && Math.min(SESSION_MS, (decodeJwt(token).exp ?? 0) * 1000 - Date.now());
    if (!actor || !lifetimeMs || lifetimeMs <= 0) {
      return refuse(request, response, 401, 'Send a valid bearer token of an admin.');
    }
    if (actor.role !== 'admin') {
      return refuse(request, response, 403, 'The queue dashboard is for admins.');
    }
    const id = await this.sessions.open(actor, lifetimeMs);
    response.cookie(COOKIE, id, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: QUEUE_DASHBOARD_ROUTE,
      maxAge: lifetimeMs,
    });
    response.redirect(303, `${QUEUE_DASHBOARD_ROUTE}/${actor.institutionCode}/`);
  }

  private async admit(
    code: string,
    request: Request,
    response: Response,
    next: NextFunction,
  ): Promise<void> {
    const user = await this.userOf(request);
    if (!user) {
      return refuse(
        request,
        response,
        401,
        `No dashboard session, or it has expired: open one at ${QUEUE_DASHBOARD_ROUTE}.`,
      );
    }
    if (user.role !== 'admin') {
      return refuse(request, response, 403, 'The queue dashboard is for admins.');
    }
    if (user.institutionCode !== code) {
      return refuse(request, response, 403, 'An admin sees their own institution’s queue only.');
    }
    next();
  }

  private async userOf(request: Request): Promise<DashboardUser | undefined> {
    const token = bearerToken(request);
    if (token) return actorOf(this.verifier.verify(token));
    const session = cookie(request, COOKIE);
    return session ? this.sessions.find(session) : undefined;
  }
}
