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

function originList(value: string): string[] {
  return value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/**
 * The one schema for the environment. Everything else reads the typed AppConfig, never process.env.
 * Defaults suit a developer's machine; production must set what has no safe default.
 */
export const configSchema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  HOST: Joi.string().default('127.0.0.1'),
  PORT: Joi.number().port().default(3000),
  DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .default('postgres://postgres@127.0.0.1:5432/leerroutes'),
  REDIS_URL: Joi.string()
    .uri({ scheme: ['redis', 'rediss'] })
    .default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: Joi.string()
    .pattern(/^[a-z0-9-]+$/)
    .default('leerroutes'),
  JWT_SECRET: Joi.when('NODE_ENV', {
    is: 'production',
    then: Joi.string().min(32).required(),
    otherwise: Joi.string().min(32).default('development-only-secret-change-me-in-production'),
  }),
  JWT_ISSUER: Joi.string().default('leerroutes-dev'),
  DEV_TOKENS_ENABLED: Joi.boolean()
    .default(false)
    .when('NODE_ENV', { is: 'production', then: Joi.valid(false) }),
  WORKER_CONCURRENCY: Joi.number().integer().min(1).max(100).default(10),
  JOB_ATTEMPTS: Joi.number().integer().min(1).max(30).default(15),
  WORKER_LOCK_MS: Joi.number().integer().min(1000).max(600000).default(30000),
  RECONCILE_INTERVAL_MS: Joi.number().integer().min(100).max(3600000).default(15000),
  SHUTDOWN_DRAIN_MS: Joi.number().integer().min(0).max(60000).default(2000),
  DECISION_REMINDER_DAYS: Joi.number().integer().min(1).max(56).default(7),
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
});

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  jwtSecret: string;
  jwtIssuer: string;
  devTokensEnabled: boolean;
  workerConcurrency: number;
  jobAttempts: number;
  workerLockMs: number;
  reconcileIntervalMs: number;
  shutdownDrainMs: number;
  decisionReminderDays: number;
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
}

export class ConfigValidationError extends Error {}

/** The environment after validation: defaults applied, numbers and booleans converted. */
interface ValidatedEnv {
  NODE_ENV: AppConfig['nodeEnv'];
  HOST: string;
  PORT: number;
  DATABASE_URL: string;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  JWT_SECRET: string;
  JWT_ISSUER: string;
  DEV_TOKENS_ENABLED: boolean;
  WORKER_CONCURRENCY: number;
  JOB_ATTEMPTS: number;
  WORKER_LOCK_MS: number;
  RECONCILE_INTERVAL_MS: number;
  SHUTDOWN_DRAIN_MS: number;
  DECISION_REMINDER_DAYS: number;
  HOST_SYSTEM_TIMEOUT_MS: number;
  SHUTDOWN_TIMEOUT_MS: number;
  SMTP_URL?: string;
  MAIL_FROM: string;
  OUTBOX_POLL_MS: number;
  LOG_LEVEL: string;
  CORS_ORIGINS: string;
  BODY_LIMIT: string;
  RATE_LIMIT_PER_MINUTE: number;
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
    redisUrl: value.REDIS_URL,
    queuePrefix: value.QUEUE_PREFIX,
    jwtSecret: value.JWT_SECRET,
    jwtIssuer: value.JWT_ISSUER,
    devTokensEnabled: value.DEV_TOKENS_ENABLED,
    workerConcurrency: value.WORKER_CONCURRENCY,
    jobAttempts: value.JOB_ATTEMPTS,
    workerLockMs: value.WORKER_LOCK_MS,
    reconcileIntervalMs: value.RECONCILE_INTERVAL_MS,
    shutdownDrainMs: value.SHUTDOWN_DRAIN_MS,
    decisionReminderDays: value.DECISION_REMINDER_DAYS,
    hostSystemTimeoutMs: value.HOST_SYSTEM_TIMEOUT_MS,
    shutdownTimeoutMs: value.SHUTDOWN_TIMEOUT_MS,
    smtpUrl: value.SMTP_URL,
    mailFrom: value.MAIL_FROM,
    outboxPollMs: value.OUTBOX_POLL_MS,
    logLevel: value.LOG_LEVEL,
    corsOrigins: originList(value.CORS_ORIGINS),
    bodyLimit: value.BODY_LIMIT,
    rateLimitPerMinute: value.RATE_LIMIT_PER_MINUTE,
  };
}
