import { AppConfig, loadConfig } from '@lr/config';
import { ownSystemsOutOfReach } from '@lr/testing';

/** Where one benchmark run keeps its data: its own database, and its own key prefix on the shared Redis. */
export interface BenchTarget {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  /** OIDC_ISSUERS: where the institutions' people sign in for this run (see BenchSignIn). */
  issuers?: string;
}

/**
 * The environment of the API and worker processes of a run, as production would set it: production mode,
 * quiet logs (a line per request would measure the logger), and no drain pause on SIGTERM since the load has
 * stopped by then. Everything else keeps the product's defaults (pool size, worker concurrency, outbox poll), so
 * the benchmark measures the configuration that ships.
 */
export function benchEnvironment(target: BenchTarget, port?: number): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: target.databaseUrl,
    REDIS_URL: target.redisUrl,
    QUEUE_PREFIX: target.queuePrefix,
    ...(target.issuers ? { OIDC_ISSUERS: target.issuers } : {}),
    LOG_LEVEL: 'warn',
    SHUTDOWN_DRAIN_MS: '0',
    // The simulated staff act at machine speed, far above a person's rate limit; the limiter still counts
    // every request (its cost is in the figures), it just never refuses one.
    RATE_LIMIT_PER_MINUTE: '1000000',
    HOST: '127.0.0.1',
    ...(port === undefined ? {} : { PORT: String(port) }),
    // The scenarios measure the institutions that work in Leerroutes itself.
    ...ownSystemsOutOfReach(),
  };
}

/** The configuration the processes of a run read, for the parts of the benchmark that must match it. */
export function benchConfig(target: BenchTarget): AppConfig {
  return loadConfig(benchEnvironment(target));
}

/** A queue prefix from a bench database's name: the config allows lower case, digits and dashes. */
export function queuePrefixFor(databaseName: string): string {
  return databaseName.replace(/_/g, '-');
}
