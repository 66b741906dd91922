import * as nodeModule from 'module';
import { runInThisContext } from 'vm';
import type * as OidcProvider from 'oidc-provider';

interface NodeModule {
  new (id: string): { filename: string; paths: string[]; require(id: string): unknown };
  _nodeModulePaths(directory: string): string[];
}

/** What the development issuer takes from oidc-provider: the provider, and its in-memory storage. */
export interface LoadedOidcProvider {
  provider: typeof OidcProvider;
  /** oidc-provider's own in-memory storage, asked for by name rather than left as a default it warns about. */
  createMemoryAdapter: () => OidcProvider.AdapterConstructor;
}

/**
 * oidc-provider is an ES module. Node 20.19 and later load it with require(), but Jest's CommonJS runtime
 * replaces `require` and cannot run ES modules, so it is loaded through Node's own loader
 * (Module.prototype.require), which Jest leaves alone. Outside Jest this is the same as require().
 */
export function loadOidcProvider(): LoadedOidcProvider {
  const { Module } = nodeModule as unknown as { Module: NodeModule };
  const loader = new Module(__filename);
  loader.filename = __filename;
  loader.paths = Module._nodeModulePaths(__dirname);
  const provider = withoutRuntimeWarning(() => loader.require('oidc-provider') as typeof OidcProvider);
  const { createMemoryAdapter } = loader.require(
    'oidc-provider/lib/adapters/memory_adapter.js',
  ) as { createMemoryAdapter: () => OidcProvider.AdapterConstructor };
  return { provider, createMemoryAdapter };
}

/**
 * oidc-provider warns on import that Node 20 is not a runtime it supports. This product runs on Node 20 and 24
 * (README), its tests pass on both, and the provider serves only development sign-in: the warning would only
 * bury the test output, so that one line is left out.
 */
function withoutRuntimeWarning<T>(load: () => T): T {
  // The console of the main context, which oidc-provider writes to (under Jest, not the test's console).
  const hostConsole = runInThisContext('console') as Console;
  const warn = hostConsole.warn;
  hostConsole.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('oidc-provider WARNING: Unsupported runtime')) warn(...args);
  };
  try {
    return load();
  } finally {
    hostConsole.warn = warn;
  }
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
