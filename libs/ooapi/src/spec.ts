import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

/** Where the published OOAPI v5 document lies in this repository, from the source tree and from dist alike. */
const SPEC = join('libs', 'ooapi', 'spec', 'ooapi-v5.json');

/**
 * The SHA-256 of the published, bundled OOAPI 5.0.0 document (open-education-api/specification, release/5.0,
 * v5/ooapi.json), which libs/ooapi/spec holds unchanged: a test compares it, so the copy cannot drift.
 */
export const OOAPI_V5_SHA256 = '2fe4419f34870002eed746bad6784468c8f2cd8567ace01506b8a65fc850e30b';

export function ooapiV5SpecPath(): string {
  for (let directory = __dirname; ; directory = dirname(directory)) {
    const candidate = join(directory, SPEC);
    if (existsSync(candidate)) return candidate;
    if (dirname(directory) === directory) {
      throw new Error(`The OOAPI v5 document (${SPEC}) is not in any folder above ${__dirname}.`);
    }
  }
}

/** The OOAPI v5 OpenAPI document, parsed afresh (the validator dereferences its own copy). */
export function loadOoapiV5Spec(): Record<string, unknown> {
  return JSON.parse(readFileSync(ooapiV5SpecPath(), 'utf8')) as Record<string, unknown>;
}
