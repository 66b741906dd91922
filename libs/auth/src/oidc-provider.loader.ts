import * as nodeModule from 'module';
import { runInThisContext } from 'vm';
import type * as OidcProvider from 'oidc-provider';

interface NodeModule {
  new (id: string): { filename: string; paths: string[]; require(id: string): unknown };
  _nodeModulePaths(directory: string): string[];
}

/**
 * oidc-provider is an ES module. Node 20.19 and later load it with require(), but Jest's CommonJS runtime
 * replaces `require` and cannot run ES modules, so it is loaded through Node's own loader
 * (Module.prototype.require), which Jest leaves alone. Outside Jest this is the same as require().
 */
export function loadOidcProvider(): typeof OidcProvider {
  const { Module } = nodeModule as unknown as { Module: NodeModule };
  const loader = new Module(__filename);
  loader.filename = __filename;
  loader.paths = Module._nodeModulePaths(__dirname);
  return loader.require('oidc-provider') as typeof OidcProvider;
}

const HostObject = runInThisContext('Object') as ObjectConstructor;

/**
 * A deep copy of plain objects and arrays made with the main context's Object. oidc-provider tells plain objects
 * by their prototype; under Jest this code runs in a context of its own whose objects would not pass. Outside
 * Jest both are the same Object and the copy changes nothing.
 */
export function hostRealm<T>(value: T): T {
  if (Array.isArray(value)) return value.map(hostRealm) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy = HostObject.create(HostObject.prototype) as Record<string, unknown>;
  for (const [key, member] of Object.entries(value)) copy[key] = hostRealm(member);
  return copy as T;
}
