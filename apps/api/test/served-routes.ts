import { TestApp } from './test-app';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Where Leerroutes serves OOAPI v5 to institutions' own systems: described by the OOAPI document, not ours. */
export const OOAPI_PREFIX = '/ooapi/v5';

/**
 * The routes of Leerroutes' own API that Nest registered with Express, as `method /path/{param}` (the OpenAPI
 * document's notation), sorted. Nest's catch-all (404), Swagger UI's own routes and the OOAPI provider's routes
 * (ooapiRoutes) are not part of it.
 */
export function servedRoutes(t: TestApp): string[] {
  return allRoutes(t).filter((r) => !r.split(' ')[1].startsWith(`${OOAPI_PREFIX}/`));
}

/** The OOAPI v5 operations Leerroutes serves as a provider, as `method /path/{param}` below OOAPI_PREFIX. */
export function ooapiRoutes(t: TestApp): string[] {
  return allRoutes(t)
    .filter((r) => r.split(' ')[1].startsWith(`${OOAPI_PREFIX}/`))
    .map((r) => r.replace(` ${OOAPI_PREFIX}`, ' '));
}

function allRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router?: { stack: Layer[] };
    _router?: { stack: Layer[] };
  };
  const stack = (express.router ?? express._router)!.stack;
  return stack
    .filter((l) => l.route && !l.route.path.startsWith('/docs') && !l.route.path.includes('*'))
    .flatMap((l) =>
      Object.keys(l.route!.methods).map((m) => `${m} ${l.route!.path.replace(/:(\w+)/g, '{$1}')}`),
    )
    .sort();
}
