import { isIP } from 'net';
import { resolve } from 'path';
import * as Joi from 'joi';

/** Browsers send an origin as scheme://host[:port], nothing more: anything else would never match. */
function isExactOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/**
 * An issuer must be https; plain http only on this machine's loopback, where nothing travels over a network (a
 * local stand-in for an identity provider).
 */
function isIssuerUrl(value: string): boolean {
  try {
    const url = new URL(value);
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
  } catch {
    return false;
  }
}

/** "uni-waal=https://connect.test.surfconext.nl, hs-delta=…" → { 'uni-waal': 'https://…', … } */
function institutionPairs(value: string): Record<string, string> {
  return Object.fromEntries(
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry) => {
        const at = entry.indexOf('=');
        return [entry.slice(0, at).trim(), entry.slice(at + 1).trim()];
      }),
  );
}

/** A Joi rule for a list of institution=value pairs whose values must pass `valid`. */
function institutionPairsOf(
  variable: string,
  what: string,
  valid: (value: string) => boolean,
  { secret = false } = {},
) {
  return Joi.string()
    .allow('')
    .default('')
    .custom((value: string, helpers) => {
      const wrong = value
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '')
        .filter((entry) => {
          const at = entry.indexOf('=');
          return (
            at < 0 ||
            !/^[a-z0-9-]+$/.test(entry.slice(0, at).trim()) ||
            !valid(entry.slice(at + 1).trim())
          );
        });
      // A secret is never repeated in a message (it would end up in a log): only where it stands is.
      const shown = secret
        ? wrong.map((entry) =>
            entry.includes('=')
              ? `the entry of ${entry.split('=')[0].trim()}`
              : 'an entry without =',
          )
        : wrong;
      return wrong.length === 0
        ? value
        : helpers.message({
            custom: `"${variable}" must list institution=${what}, not ${shown.join(', ')}`,
          });
    });
}

/** Where the development sign-in may listen: nothing outside this machine can ask it for a token. */
const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'];

/**
 * The development sign-in signs a token for anyone who asks, so it must never be on by accident: only in a
 * NODE_ENV set to development or test (unset means production), and only on a loopback address unless a
 * container that publishes its port to 127.0.0.1 alone says so with DEV_TOKENS_ALLOW_NON_LOOPBACK.
 */
function devSignInProblem(env: ValidatedEnv): string | undefined {
  if (!env.DEV_TOKENS_ENABLED) return undefined;
  if (env.NODE_ENV === 'production') {
    return '"DEV_TOKENS_ENABLED" must be false in production: the development issuer signs a token for anyone who asks (it needs NODE_ENV=development or test; unset means production)';
  }
  if (!LOOPBACK_HOSTS.includes(env.HOST) && !env.DEV_TOKENS_ALLOW_NON_LOOPBACK) {
    return `"DEV_TOKENS_ENABLED" needs HOST on loopback (127.0.0.1, ::1 or localhost), not ${env.HOST}: the development issuer signs a token for anyone who can reach the API`;
  }
  return undefined;
}

/** TRUST_PROXY as Express's "trust proxy": false, a number of hops, or addresses and subnets. */
function trustProxy(value: string): false | number | string[] {
  if (value === '' || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** An address, a subnet (address/prefix), or one of proxy-addr's names for the private ranges. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return (
    prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128))
  );
}

/** What a deployment may say about an institution's OOAPI connection (OOAPI_CONNECTIONS); the rest is its module's. */
export interface OoapiConnectionOverride {
  baseUrl?: string;
  tokenEndpoint?: string;
  clientId?: string;
  scope?: string;
  programmeCode?: string;
  callback?: { issuer?: string; clientId?: string };
}

const ooapiUrl = Joi.string().custom((value: string, helpers) =>
  isIssuerUrl(value) ? value : helpers.error('string.ooapiUrl'),
);
const ooapiConnectionOverride = Joi.object({
  baseUrl: ooapiUrl,
  tokenEndpoint: ooapiUrl,
  clientId: Joi.string().pattern(/^[\x21-\x7e]+$/),
  scope: Joi.string().pattern(/^[\x20-\x7e]+$/),
  programmeCode: Joi.string().pattern(/^[\x21-\x7e]+$/),
  callback: Joi.object({ issuer: ooapiUrl, clientId: Joi.string().pattern(/^[\x21-\x7e]+$/) }),
})
  .unknown(false)
  .messages({ 'string.ooapiUrl': '{{#label}} must be an https URL (http only on 127.0.0.1)' });

/** OOAPI_CONNECTIONS: a JSON object of institution code → the parts of its connection this deployment changes. */
function ooapiConnections(value: string): Record<string, OoapiConnectionOverride> {
  return value.trim() === '' ? {} : (JSON.parse(value) as Record<string, OoapiConnectionOverride>);
}

function originList(value: string): string[] {
  return value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/**
 * The one schema for the environment. Everything else reads the typed AppConfig, never process.env.
 * Defaults suit a developer's machine, except NODE_ENV: unset means production, so that a bare
 * `node dist/apps/api/src/main.js` never has the development sign-in or demo people; production must set
 * what has no safe default.
 */
export const configSchema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('production'),
  HOST: Joi.string().default('127.0.0.1'),
  PORT: Joi.number().port().default(3000),
  DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .default('postgres://postgres@127.0.0.1:5432/leerroutes'),
  // The owner of the schema, for migrations and seeding; the API and workers connect as DATABASE_URL's role.
  MIGRATION_DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .default(Joi.ref('DATABASE_URL')),
  REDIS_URL: Joi.string()
    .uri({ scheme: ['redis', 'rediss'] })
    .default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: Joi.string()
    .pattern(/^[a-z0-9-]+$/)
    .default('leerroutes'),
  OIDC_AUDIENCE: Joi.string().default('leerroutes'),
  OIDC_ISSUERS: institutionPairsOf(
    'OIDC_ISSUERS',
    'issuer pairs with an https issuer',
    isIssuerUrl,
  ),
  // The portal's client id at an institution's provider, where it is not OIDC_AUDIENCE.
  OIDC_CLIENT_IDS: institutionPairsOf('OIDC_CLIENT_IDS', 'client id pairs', (id) =>
    /^[\x21-\x7e]+$/.test(id),
  ),
  // The secrets Leerroutes was given at each institution's OOAPI token endpoint: never in code.
  OOAPI_CLIENT_SECRETS: institutionPairsOf(
    'OOAPI_CLIENT_SECRETS',
    'secret pairs',
    (secret) => /^[\x21-\x7e]+$/.test(secret),
    { secret: true },
  ),
  OOAPI_CONNECTIONS: Joi.string()
    .allow('')
    .default('')
    .custom((value: string, helpers) => {
      let parsed: unknown;
      try {
        parsed = ooapiConnections(value);
      } catch {
        return helpers.message({ custom: '"OOAPI_CONNECTIONS" must be a JSON object' });
      }
      const { error } = Joi.object()
        .pattern(/^[a-z0-9-]+$/, ooapiConnectionOverride)
        .label('OOAPI_CONNECTIONS')
        .validate(parsed, { abortEarly: false });
      return error
        ? helpers.message({
            custom: `"OOAPI_CONNECTIONS" is not valid: ${error.details.map((d) => d.message).join(', ')}`,
          })
        : value;
    }),
  // The aud of the access tokens institutions' systems present when they call Leerroutes' OOAPI endpoints.
  OOAPI_AUDIENCE: Joi.string().default('leerroutes'),
  OOAPI_POLL_INTERVAL_MS: Joi.number().integer().min(100).max(3600000).default(60000),
  // How often each institution's catalogue is read from its own system: a second at the least (tests), a day
  // at the most (a catalogue a day behind still takes requests for offerings that are gone).
  CATALOGUE_SYNC_INTERVAL_MS: Joi.number().integer().min(1000).max(86400000).default(900000),
  OIDC_CLOCK_SKEW_SECONDS: Joi.number().integer().min(0).max(300).default(30),
  OIDC_JWKS_TIMEOUT_MS: Joi.number().integer().min(100).max(60000).default(5000),
  OIDC_JWKS_COOLDOWN_MS: Joi.number().integer().min(0).max(3600000).default(30000),
  DEV_TOKENS_ENABLED: Joi.boolean().default(false),
  DEV_TOKENS_ALLOW_NON_LOOPBACK: Joi.boolean().default(false),
  DEV_ISSUER_PORT: Joi.number().port().default(3001),
  DEV_ISSUER_TOKEN_TTL_SECONDS: Joi.number().integer().min(1).max(86400).default(3600),
  WORKER_CONCURRENCY: Joi.number().integer().min(1).max(100).default(10),
  JOB_ATTEMPTS: Joi.number().integer().min(1).max(30).default(15),
  JOB_BACKOFF_MAX_MS: Joi.number().integer().min(1000).default(16_384_000),
  EMAIL_ATTEMPTS: Joi.number().integer().min(1).max(30).default(12),
  WORKER_LOCK_MS: Joi.number().integer().min(1000).max(600000).default(30000),
  RECONCILE_INTERVAL_MS: Joi.number().integer().min(100).max(3600000).default(15000),
  SHUTDOWN_DRAIN_MS: Joi.number().integer().min(0).max(60000).default(2000),
  DECISION_REMINDER_DAYS: Joi.number().integer().min(1).max(56).default(7),
  AUDIT_ADDRESS_RETENTION_DAYS: Joi.number().integer().min(1).max(3650).default(180),
  HOST_SYSTEM_TIMEOUT_MS: Joi.number().integer().min(100).max(600000).default(30000),
  SHUTDOWN_TIMEOUT_MS: Joi.number().integer().min(1000).max(600000).default(30000),
  SMTP_URL: Joi.string()
    .uri({ scheme: ['smtp', 'smtps'] })
    .optional(),
  MAIL_FROM: Joi.string().default('Leerroutes <no-reply@leerroutes.invalid>'),
  OUTBOX_POLL_MS: Joi.number().integer().min(10).max(60000).default(250),
  LOG_LEVEL: Joi.string()
    .valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent')
    .default('info'),
  CORS_ORIGINS: Joi.string()
    .allow('')
    .default('')
    .custom((value: string, helpers) => {
      const wrong = originList(value).filter((origin) => !isExactOrigin(origin));
      return wrong.length === 0
        ? value
        : helpers.message({
            custom: `"CORS_ORIGINS" must list exact origins such as https://portal.example.nl, not ${wrong.join(', ')}`,
          });
    }),
  BODY_LIMIT: Joi.string()
    .pattern(/^\d+(b|kb|mb)$/i)
    .default('100kb'),
  RATE_LIMIT_PER_MINUTE: Joi.number().integer().min(0).max(1000000).default(600),
  PORTAL_DIR: Joi.string().default('dist/portal'),
  TRUST_PROXY: Joi.string()
    .allow('')
    .default('')
    .custom((value: string, helpers) => {
      const trusted = trustProxy(value);
      const wrong = Array.isArray(trusted) ? trusted.filter((entry) => !isProxyAddress(entry)) : [];
      return wrong.length === 0
        ? value
        : helpers.message({
            custom: `"TRUST_PROXY" must be a number of proxies or a list of addresses and subnets (10.0.0.0/8, loopback), not ${wrong.join(', ')}`,
          });
    }),
  // Who answers for Leerroutes as an OOAPI provider (its public catalogue), and where its terms are: what GET
  // /ooapi/v5/ tells the platforms that read it.
  OOAPI_CONTACT_EMAIL: Joi.string().email({ tlds: false }).default('ooapi@leerroutes.invalid'),
  OOAPI_DOCUMENTATION_URL: Joi.string()
    .uri({ scheme: ['https', 'http'] })
    .default('https://openonderwijsapi.nl/'),
}).custom((env: ValidatedEnv, helpers) => {
  const problem = devSignInProblem(env);
  return problem ? helpers.message({ custom: problem }) : env;
});

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** The application's role: may read and write the workflow's tables, and only read and append the audit log. */
  databaseUrl: string;
  /** The schema's owner, used by `cli setup` and `cli migrate` only; DATABASE_URL unless set. */
  migrationDatabaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  /**
   * The client id the portal is registered under at the identity providers, unless an institution's module or
   * OIDC_CLIENT_IDS names another: the audience of the ID tokens the API accepts.
   */
  oidcAudience: string;
  /** Per institution code, an issuer other than the one its module names (e.g. SURFconext's test environment). */
  oidcIssuers: Record<string, string>;
  /** Per institution code, a client id other than its module's or OIDC_AUDIENCE. */
  oidcClientIds: Record<string, string>;
  /** Per institution code, the client secret Leerroutes uses at its OOAPI token endpoint. */
  ooapiClientSecrets: Record<string, string>;
  /** Per institution code, the parts of its OOAPI connection this deployment has otherwise than its module. */
  ooapiConnections: Record<string, OoapiConnectionOverride>;
  /** The audience institutions' systems' access tokens must name when they call back (PATCH an association). */
  ooapiAudience: string;
  /** How often a worker looks for associations whose host is due to be asked (GET) for changes. */
  ooapiPollIntervalMs: number;
  /** How often the catalogue of each institution with its own system is read from that system. */
  catalogueSyncIntervalMs: number;
  /** How far the clocks of an identity provider and ours may differ when exp, nbf and iat are checked. */
  oidcClockSkewSeconds: number;
  /** How long fetching an issuer's discovery document or keys may take. */
  oidcJwksTimeoutMs: number;
  /** After fetching an issuer's keys, how long a token naming an unknown key is refused without asking again. */
  oidcJwksCooldownMs: number;
  /** Development sign-in: the bundled issuer stands in for every institution's, and POST /dev/tokens signs. */
  devTokensEnabled: boolean;
  /** NODE_ENV is development or test, said explicitly: demo people may be seeded. */
  developmentMode: boolean;
  /** Where the development issuer listens on 127.0.0.1; 0 picks a free port (tests). */
  devIssuerPort: number;
  /** How long the development issuer's ID tokens are valid (a test of expiry makes it short). */
  devIssuerTokenTtlSeconds: number;
  workerConcurrency: number;
  jobAttempts: number;
  /** The longest wait between two attempts of a job. */
  jobBackoffMaxMs: number;
  /** Attempts per e-mail when the mail server defers it or cannot be reached; then it is marked failed. */
  emailAttempts: number;
  workerLockMs: number;
  reconcileIntervalMs: number;
  shutdownDrainMs: number;
  decisionReminderDays: number;
  /** How long the audit log keeps the address a call came from; the entry itself is kept for good. */
  auditAddressRetentionDays: number;
  hostSystemTimeoutMs: number;
  shutdownTimeoutMs: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  outboxPollMs: number;
  logLevel: string;
  /** Origins whose pages may call the API from a browser; empty: none. */
  corsOrigins: string[];
  /** Largest JSON body the API reads, in body-parser's notation (100kb). */
  bodyLimit: string;
  /** Requests one client may make per minute; 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  /** The built web portal the API serves under /portal/ (absolute, or relative to the working directory). */
  portalDir: string;
  /** Express's "trust proxy": which proxies' X-Forwarded-For and X-Forwarded-Proto to believe; false: none. */
  trustProxy: false | number | string[];
  /** The contact address GET /ooapi/v5/ gives the platforms that read the catalogue over OOAPI. */
  ooapiContactEmail: string;
  /** The documentation, terms and privacy statement of Leerroutes as an OOAPI provider. */
  ooapiDocumentationUrl: string;
}

export class ConfigValidationError extends Error {}

/** The environment after validation: defaults applied, numbers and booleans converted. */
interface ValidatedEnv {
  NODE_ENV: AppConfig['nodeEnv'];
  HOST: string;
  PORT: number;
  DATABASE_URL: string;
  MIGRATION_DATABASE_URL: string;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  OIDC_AUDIENCE: string;
  OIDC_ISSUERS: string;
  OIDC_CLIENT_IDS: string;
  OOAPI_CLIENT_SECRETS: string;
  OOAPI_CONNECTIONS: string;
  OOAPI_AUDIENCE: string;
  OOAPI_POLL_INTERVAL_MS: number;
  CATALOGUE_SYNC_INTERVAL_MS: number;
  OIDC_CLOCK_SKEW_SECONDS: number;
  OIDC_JWKS_TIMEOUT_MS: number;
  OIDC_JWKS_COOLDOWN_MS: number;
  DEV_TOKENS_ENABLED: boolean;
  DEV_TOKENS_ALLOW_NON_LOOPBACK: boolean;
  DEV_ISSUER_PORT: number;
  DEV_ISSUER_TOKEN_TTL_SECONDS: number;
  WORKER_CONCURRENCY: number;
  JOB_ATTEMPTS: number;
  JOB_BACKOFF_MAX_MS: number;
  EMAIL_ATTEMPTS: number;
  WORKER_LOCK_MS: number;
  RECONCILE_INTERVAL_MS: number;
  SHUTDOWN_DRAIN_MS: number;
  DECISION_REMINDER_DAYS: number;
  AUDIT_ADDRESS_RETENTION_DAYS: number;
  HOST_SYSTEM_TIMEOUT_MS: number;
  SHUTDOWN_TIMEOUT_MS: number;
  SMTP_URL?: string;
  MAIL_FROM: string;
  OUTBOX_POLL_MS: number;
  LOG_LEVEL: string;
  CORS_ORIGINS: string;
  BODY_LIMIT: string;
  RATE_LIMIT_PER_MINUTE: number;
  PORTAL_DIR: string;
  TRUST_PROXY: string;
  OOAPI_CONTACT_EMAIL: string;
  OOAPI_DOCUMENTATION_URL: string;
}

/** Validates the environment once and returns the typed config; lists every problem in one message. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const result = configSchema.validate(env, { allowUnknown: true, abortEarly: false });
  const { error } = result;
  const value = result.value as ValidatedEnv;
  if (error) {
    const problems = error.details.map((d) => d.message).join('; ');
    throw new ConfigValidationError(`Invalid configuration: ${problems}`);
  }
  return {
    nodeEnv: value.NODE_ENV,
    host: value.HOST,
    port: value.PORT,
    databaseUrl: value.DATABASE_URL,
    migrationDatabaseUrl: value.MIGRATION_DATABASE_URL,
    redisUrl: value.REDIS_URL,
    queuePrefix: value.QUEUE_PREFIX,
    oidcAudience: value.OIDC_AUDIENCE,
    oidcIssuers: institutionPairs(value.OIDC_ISSUERS),
    oidcClientIds: institutionPairs(value.OIDC_CLIENT_IDS),
    ooapiClientSecrets: institutionPairs(value.OOAPI_CLIENT_SECRETS),
    ooapiConnections: ooapiConnections(value.OOAPI_CONNECTIONS),
    ooapiAudience: value.OOAPI_AUDIENCE,
    ooapiPollIntervalMs: value.OOAPI_POLL_INTERVAL_MS,
    catalogueSyncIntervalMs: value.CATALOGUE_SYNC_INTERVAL_MS,
    oidcClockSkewSeconds: value.OIDC_CLOCK_SKEW_SECONDS,
    oidcJwksTimeoutMs: value.OIDC_JWKS_TIMEOUT_MS,
    oidcJwksCooldownMs: value.OIDC_JWKS_COOLDOWN_MS,
    devTokensEnabled: value.DEV_TOKENS_ENABLED,
    developmentMode: value.NODE_ENV !== 'production',
    devIssuerPort: value.DEV_ISSUER_PORT,
    devIssuerTokenTtlSeconds: value.DEV_ISSUER_TOKEN_TTL_SECONDS,
    workerConcurrency: value.WORKER_CONCURRENCY,
    jobAttempts: value.JOB_ATTEMPTS,
    jobBackoffMaxMs: value.JOB_BACKOFF_MAX_MS,
    emailAttempts: value.EMAIL_ATTEMPTS,
    workerLockMs: value.WORKER_LOCK_MS,
    reconcileIntervalMs: value.RECONCILE_INTERVAL_MS,
    shutdownDrainMs: value.SHUTDOWN_DRAIN_MS,
    decisionReminderDays: value.DECISION_REMINDER_DAYS,
    auditAddressRetentionDays: value.AUDIT_ADDRESS_RETENTION_DAYS,
    hostSystemTimeoutMs: value.HOST_SYSTEM_TIMEOUT_MS,
    shutdownTimeoutMs: value.SHUTDOWN_TIMEOUT_MS,
    smtpUrl: value.SMTP_URL,
    mailFrom: value.MAIL_FROM,
    outboxPollMs: value.OUTBOX_POLL_MS,
    logLevel: value.LOG_LEVEL,
    corsOrigins: originList(value.CORS_ORIGINS),
    bodyLimit: value.BODY_LIMIT,
    rateLimitPerMinute: value.RATE_LIMIT_PER_MINUTE,
    portalDir: resolve(value.PORTAL_DIR),
    trustProxy: trustProxy(value.TRUST_PROXY),
    ooapiContactEmail: value.OOAPI_CONTACT_EMAIL,
    ooapiDocumentationUrl: value.OOAPI_DOCUMENTATION_URL,
  };
}
