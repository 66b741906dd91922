import createClient, { Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { tabSession } from '../sign-in/oidc';

export type Schemas = components['schemas'];
export type Problem = {
  status: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: { field: string; messages: string[] }[];
};

/** Dispatched on window when the API no longer accepts the tab's token (it expired, say). */
export const SESSION_ENDED = 'leerroutes:session-ended';

/**
 * Sends the tab's token with every call. A 401 for a call that carried one means the token is no longer good:
 * the session hears of it and asks the person to sign in again.
 */
const bearer: Middleware = {
  onRequest({ request }) {
    const token = tabSession.get()?.token;
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('Authorization')) {
      window.dispatchEvent(new Event(SESSION_ENDED));
    }
    return response;
  },
};

/** Typed from the API's OpenAPI document (schema.d.ts); same origin as the API that serves the portal. */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(bearer);

/** Thrown for every answer that is not 2xx; carries the problem+json body the API sends. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }

  /** The messages for one field (and its nested fields, e.g. components.0.motivation). */
  fieldError(field: string): string | undefined {
    const messages = (this.problem.errors ?? [])
      .filter((e) => e.field === field)
      .flatMap((e) => e.messages);
    return messages.length > 0 ? messages.join('; ') : undefined;
  }
}

/** Unwraps an openapi-fetch answer: the data, or an ApiProblem. */
export async function call<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) {
    const body = (error ?? {}) as Partial<Problem>;
    throw new ApiProblem({ ...body, status: response.status });
  }
  return data as T;
}
