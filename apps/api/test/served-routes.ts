import { TestApp } from './test-app';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * The routes Nest registered with Express, as `method /path/{param}` (the OpenAPI document's notation), sorted.
 * Nest's catch-all (404) and Swagger UI's own routes are not part of the API.
 */
export function servedRoutes(t: TestApp): string[] {
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
