import createClient, { Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Problem = {
  status: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: { field: string; messages: string[] }[];
};

const TOKEN_KEY = 'leerroutes.token';

/** The token lives for the browser tab only: closing it signs out. */
export const tokenStore = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

const bearer: Middleware = {
  onRequest({ request }) {
    const token = tokenStore.get();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
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
