import { randomBytes } from 'crypto';
import * as Joi from 'joi';

/** The institution this demo system stands for (OOAPI-CONTRACT.md). */
export const HOST_INSTITUTION = {
  code: 'uni-eem',
  name: 'Universiteit aan de Eem',
} as const;

export const HOST_CONFIG = Symbol('HOST_CONFIG');

/** The client Leerroutes calls this system with, and this system's own client for calling Leerroutes back. */
export const LEERROUTES_CLIENT_ID = 'leerroutes';
export const SYSTEM_CLIENT_ID = 'uni-eem-system';

const LOOPBACK = ['127.0.0.1', '::1', 'localhost'];

const postgresUrl = Joi.string().uri({ scheme: ['postgres', 'postgresql'] });
const httpUrl = Joi.string().uri({ scheme: ['http', 'https'] });

const schema = Joi.object({
  OOAPI_HOST_PORT: Joi.number().port().default(3002),
  OOAPI_HOST_ADDRESS: Joi.string().default('127.0.0.1'),
  // Where callers reach this system; its issuer is <url>/oauth. Default: http://127.0.0.1:<port>.
  OOAPI_HOST_PUBLIC_URL: httpUrl.optional(),
  OOAPI_HOST_DATABASE_URL: postgresUrl.default('postgres://postgres@127.0.0.1:5432/leerroutes_eem'),
  OOAPI_HOST_LEERROUTES_SECRET: Joi.string().min(8).default('leerroutes-dev-secret'),
  // Only this process uses its own machine client, so a secret of its own making will do when none is given.
  OOAPI_HOST_SYSTEM_SECRET: Joi.string().min(8).optional(),
  OOAPI_HOST_TOKEN_TTL_SECONDS: Joi.number().integer().min(60).max(86400).default(3600),
  LEERROUTES_URL: httpUrl.default('http://127.0.0.1:3000'),
  LEERROUTES_OOAPI_AUDIENCE: Joi.string().default('leerroutes'),
  OOAPI_HOST_CALLBACK_POLL_MS: Joi.number().integer().min(10).max(600000).default(2000),
  OOAPI_HOST_CALLBACK_ATTEMPTS: Joi.number().integer().min(1).max(100).default(20),
  OOAPI_HOST_CALLBACK_TIMEOUT_MS: Joi.number().integer().min(100).max(120000).default(10000),
  OOAPI_HOST_STAFF_PASSWORD: Joi.string().min(8).optional(),
})
  .custom((env: { OOAPI_HOST_ADDRESS: string; OOAPI_HOST_STAFF_PASSWORD?: string }, helpers) =>
    LOOPBACK.includes(env.OOAPI_HOST_ADDRESS) || env.OOAPI_HOST_STAFF_PASSWORD
      ? env
      : helpers.message({
          custom: `"OOAPI_HOST_STAFF_PASSWORD" is needed when OOAPI_HOST_ADDRESS (${env.OOAPI_HOST_ADDRESS}) is not loopback: the staff screen admits and grades`,
        }),
  )
  .unknown(true);

export interface HostConfig {
  port: number;
  address: string;
  /** Where callers reach this system, without a trailing slash. */
  publicUrl: string;
  /** The authorization server's issuer identifier. */
  issuer: string;
  /** The resource the access tokens of client `leerroutes` are for, and their audience. */
  ooapiAudience: string;
  databaseUrl: string;
  leerroutesSecret: string;
  systemSecret: string;
  tokenTtlSeconds: number;
  /** Where the callbacks go: PATCH <leerroutesUrl>/ooapi/v5/associations/{id}. */
  leerroutesUrl: string;
  /** The audience Leerroutes checks in this system's tokens. */
  leerroutesAudience: string;
  callbackPollMs: number;
  callbackAttempts: number;
  callbackTimeoutMs: number;
  /** HTTP Basic password of the staff screen (user `staff`); none: open, on loopback only. */
  staffPassword: string | undefined;
}

interface ValidatedEnv {
  OOAPI_HOST_PORT: number;
  OOAPI_HOST_ADDRESS: string;
  OOAPI_HOST_PUBLIC_URL?: string;
  OOAPI_HOST_DATABASE_URL: string;
  OOAPI_HOST_LEERROUTES_SECRET: string;
  OOAPI_HOST_SYSTEM_SECRET?: string;
  OOAPI_HOST_TOKEN_TTL_SECONDS: number;
  LEERROUTES_URL: string;
  LEERROUTES_OOAPI_AUDIENCE: string;
  OOAPI_HOST_CALLBACK_POLL_MS: number;
  OOAPI_HOST_CALLBACK_ATTEMPTS: number;
  OOAPI_HOST_CALLBACK_TIMEOUT_MS: number;
  OOAPI_HOST_STAFF_PASSWORD?: string;
}

export class HostConfigError extends Error {}

/** Validates the environment once; every problem in one message. */
export function loadHostConfig(env: Record<string, string | undefined> = process.env): HostConfig {
  const result = schema.validate(env, { abortEarly: false });
  const { error } = result;
  if (error) {
    const problems = error.details.map((d) => d.message).join('; ');
    throw new HostConfigError(`Invalid configuration: ${problems}`);
  }
  const v = result.value as ValidatedEnv;
  const publicUrl = (v.OOAPI_HOST_PUBLIC_URL ?? `http://127.0.0.1:${v.OOAPI_HOST_PORT}`).replace(
    /\/+$/,
    '',
  );
  return {
    port: v.OOAPI_HOST_PORT,
    address: v.OOAPI_HOST_ADDRESS,
    publicUrl,
    issuer: `${publicUrl}/oauth`,
    ooapiAudience: `${publicUrl}/ooapi/v5`,
    databaseUrl: v.OOAPI_HOST_DATABASE_URL,
    leerroutesSecret: v.OOAPI_HOST_LEERROUTES_SECRET,
    systemSecret: v.OOAPI_HOST_SYSTEM_SECRET ?? randomBytes(24).toString('base64url'),
    tokenTtlSeconds: v.OOAPI_HOST_TOKEN_TTL_SECONDS,
    leerroutesUrl: v.LEERROUTES_URL.replace(/\/+$/, ''),
    leerroutesAudience: v.LEERROUTES_OOAPI_AUDIENCE,
    callbackPollMs: v.OOAPI_HOST_CALLBACK_POLL_MS,
    callbackAttempts: v.OOAPI_HOST_CALLBACK_ATTEMPTS,
    callbackTimeoutMs: v.OOAPI_HOST_CALLBACK_TIMEOUT_MS,
    staffPassword: v.OOAPI_HOST_STAFF_PASSWORD,
  };
}
