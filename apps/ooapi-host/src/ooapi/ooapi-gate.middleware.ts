import { STATUS_CODES } from 'http';
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { HttpMethod, OoapiValidator } from '@lr/ooapi';
import { AuthorizationServer } from '../authorization/authorization-server';
import { problem } from './ooapi-representation';

/** Where the OOAPI is mounted; the standard's paths are relative to it. */
export const OOAPI_ROOT = '/ooapi/v5';

/**
 * In front of every OOAPI operation: a valid access token of client `leerroutes` (401 otherwise), then a request
 * the standard allows (400 with the violations otherwise). The controller sees only what passed both.
 */
@Injectable()
export class OoapiGate implements NestMiddleware {
  constructor(private readonly authorization: AuthorizationServer) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) {
      sendProblem(res, 401, 'Send an access token of client leerroutes as a bearer token.', {
        'www-authenticate': 'Bearer',
      });
      return;
    }
    const verdict = await this.authorization.verifyCaller(token);
    if ('refused' in verdict) {
      sendProblem(res, 401, `The access token is refused: ${verdict.refused}.`, {
        'www-authenticate': 'Bearer error="invalid_token"',
      });
      return;
    }
    res.locals.clientId = verdict.clientId;
    const url = new URL(req.originalUrl, 'http://ooapi.invalid');
    const violations = (await OoapiValidator.v5()).request({
      method: req.method.toLowerCase() as HttpMethod,
      path: url.pathname.slice(OOAPI_ROOT.length) || '/',
      query: queryOf(url.searchParams),
      headers: req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {},
      body: req.body as unknown,
    });
    if (violations.length > 0) {
      sendProblem(res, 400, `The request breaks OOAPI v5: ${violations.join('; ')}`);
      return;
    }
    next();
  }
}

/** The client the gate let through, for the controller. */
export function callerOf(res: Response): string {
  return String(res.locals.clientId);
}

/** Sends an OOAPI Problem (application/problem+json). */
export function sendProblem(
  res: Response,
  status: number,
  detail: string,
  headers: Record<string, string> = {},
): void {
  res
    .status(status)
    .set(headers)
    .type('application/problem+json')
    .send(JSON.stringify(problem(status, STATUS_CODES[status] ?? 'Error', detail)));
}

/** Query parameters as the validator takes them: a name given twice is a list. */
function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    query[name] = values.length === 1 ? values[0] : values;
  }
  return query;
}
