import type { AppConfig } from '@lr/config';
import type { InstitutionDefinition } from './institution.definition';

/** How Leerroutes reaches an institution's own system over OOAPI v5, and how that system calls back. */
export interface OoapiConnection {
  /** The system's OOAPI root, e.g. https://ooapi.uni-eem.example/ooapi/v5. */
  baseUrl: string;
  /** Its authorization server's token endpoint, where Leerroutes gets access tokens (client credentials). */
  tokenEndpoint: string;
  /** The client id Leerroutes was given there; its secret comes from OOAPI_CLIENT_SECRETS. */
  clientId: string;
  scope?: string;
  /**
   * The programme the system's offerings belong to in Leerroutes. An OOAPI course names no programme of the
   * institution's that Leerroutes knows (GET /courses lists no programmes to match), and the programme matters
   * only within the institution (a unit of a student's own programme is no learning route): one programme for
   * the whole catalogue is enough, by default the institution's first.
   */
  programmeCode?: string;
  /** The system's own machine client, which calls Leerroutes back (PATCH an association). */
  callback: {
    /** The issuer of its access tokens (OpenID Connect discovery and JWKS). */
    issuer: string;
    /** Its client id there, as the token names it (client_id, azp or sub). */
    clientId: string;
  };
}

/** A connection as this deployment has it: the module's, changed by OOAPI_CONNECTIONS, with its secret. */
export interface ResolvedOoapiConnection extends OoapiConnection {
  institutionCode: string;
  clientSecret: string;
  programmeCode: string;
}

/**
 * The institution's OOAPI connection in this deployment: its module's, with what OOAPI_CONNECTIONS changes and
 * the secret from OOAPI_CLIENT_SECRETS; undefined when it takes part in Leerroutes itself. Throws, naming what
 * is missing, when the parts do not make a whole connection.
 */
export function resolveOoapiConnection(
  config: AppConfig,
  institution: InstitutionDefinition,
): ResolvedOoapiConnection | undefined {
  const own = institution.ooapi;
  const override = config.ooapiConnections[institution.code];
  if (!own && !override) return undefined;
  const merged = {
    ...own,
    ...override,
    callback: { ...own?.callback, ...override?.callback },
  };
  const clientSecret = config.ooapiClientSecrets[institution.code];
  const missing = [
    ...(['baseUrl', 'tokenEndpoint', 'clientId'] as const).filter((f) => !merged[f]),
    ...(['issuer', 'clientId'] as const)
      .filter((f) => !merged.callback[f])
      .map((f) => `callback.${f}`),
    ...(clientSecret ? [] : ['a secret in OOAPI_CLIENT_SECRETS']),
  ];
  if (missing.length > 0) {
    throw new Error(`The OOAPI connection of ${institution.code} lacks ${missing.join(', ')}`);
  }
  const programmeCode = merged.programmeCode ?? institution.programmes[0]?.code;
  if (!institution.programmes.some((p) => p.code === programmeCode)) {
    throw new Error(
      `The OOAPI connection of ${institution.code} files offerings under ${programmeCode ?? 'no programme'}, ` +
        'which is none of its programmes',
    );
  }
  const urls = {
    baseUrl: merged.baseUrl,
    tokenEndpoint: merged.tokenEndpoint,
    ...{ 'callback.issuer': merged.callback.issuer },
  };
  const insecure = Object.entries(urls).filter(([, url]) => !isSecureOrLoopback(url!));
  if (insecure.length > 0) {
    throw new Error(
      `The OOAPI connection of ${institution.code} has ${insecure.map(([f]) => f).join(', ')} not on https ` +
        '(plain http only on 127.0.0.1)',
    );
  }
  return {
    ...(merged as OoapiConnection),
    institutionCode: institution.code,
    clientSecret,
    programmeCode,
  };
}

/**
 * Every institution's connection, checked once at start: a deployment that names an institution it does not
 * have, or a connection that is not whole, does not start.
 */
export function resolveOoapiConnections(
  config: AppConfig,
  institutions: InstitutionDefinition[],
): Map<string, ResolvedOoapiConnection> {
  const codes = new Set(institutions.map((i) => i.code));
  const problems: string[] = [];
  for (const [variable, values] of [
    ['OOAPI_CONNECTIONS', config.ooapiConnections],
    ['OOAPI_CLIENT_SECRETS', config.ooapiClientSecrets],
  ] as const) {
    const unknown = Object.keys(values).filter((code) => !codes.has(code));
    if (unknown.length > 0) {
      problems.push(
        `${variable} names institutions this deployment does not have: ${unknown.join(', ')}`,
      );
    }
  }
  const connections = new Map<string, ResolvedOoapiConnection>();
  for (const institution of institutions) {
    try {
      const connection = resolveOoapiConnection(config, institution);
      if (connection) connections.set(institution.code, connection);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
  return connections;
}

/** Secrets and students' data travel only over TLS; plain http only on this machine's loopback (tests, demo). */
function isSecureOrLoopback(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      url.protocol === 'https:' ||
      (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    );
  } catch {
    return false;
  }
}
