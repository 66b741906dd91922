import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { TestApp } from './test-app';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Where Leerroutes serves OOAPI v5 as a provider: described by the OOAPI document, not ours. */
export const OOAPI_PREFIX = '/ooapi/v5';

const isOoapi = (route: string) => {
  const path = route.split(' ')[1];
  return path === OOAPI_PREFIX || path.startsWith(`${OOAPI_PREFIX}/`);
};

/**
 * The routes of Leerroutes' own API that Nest registered with Express, as `method /path/{param}` (the OpenAPI
 * document's notation), sorted. Nest's catch-all (404), Swagger UI's own routes and the OOAPI provider's routes
 * (ooapiRoutes) are not part of it.
 */
export function servedRoutes(t: TestApp): string[] {
  return allRoutes(t).filter((r) => !isOoapi(r));
}

/** The OOAPI v5 operations Leerroutes serves as a provider, as `method /path/{param}` below OOAPI_PREFIX. */
export function ooapiRoutes(t: TestApp): string[] {
  return allRoutes(t)
    .filter(isOoapi)
    .map((r) => {
      const [method, path] = r.split(' ');
      return `${method} ${path.slice(OOAPI_PREFIX.length) || '/'}`;
    });
}

/** An OOAPI route (`get /courses/{courseId}`) as the URL template it is served at. */
export function ooapiUrl(route: string): string {
  const [method, path] = route.split(' ');
  return `${method} ${OOAPI_PREFIX}${path === '/' ? '' : path}`;
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

/**
 * The routes of one controller class, as servedRoutes writes them, each with its handler: for what a route
 * declares on its handler where no OpenAPI document of ours shows it (the OOAPI provider's routes).
 */
export function routesOfController(
  controller: abstract new (...args: never[]) => unknown,
): Map<string, object> {
  const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
  const prototype = controller.prototype as Record<string, object>;
  const routes = new Map<string, object>();
  for (const name of Object.getOwnPropertyNames(prototype)) {
    // The class itself carries the controller's path.
    if (name === 'constructor') continue;
    const handler = prototype[name];
    if (typeof handler !== 'function' || !Reflect.hasMetadata(PATH_METADATA, handler)) continue;
    const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
    const path = [base, String(Reflect.getMetadata(PATH_METADATA, handler))]
      .map((p) => p.replace(/^\/|\/$/g, ''))
      .filter(Boolean)
      .join('/');
    routes.set(`${method.toLowerCase()} /${path.replace(/:(\w+)/g, '{$1}')}`, handler);
  }
  return routes;
}
