import { Client } from 'pg';
import Redis from 'ioredis';
import type { AppConfig } from '@lr/config';

const TIMEOUT_MS = 3000;

/** Checks that PostgreSQL and Redis answer before anything starts, so a missing service is one clear line. */
export async function preflight(config: AppConfig): Promise<void> {
  const pg = new Client({
    connectionString: config.databaseUrl,
    connectionTimeoutMillis: TIMEOUT_MS,
  });
  try {
    await pg.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL at ${redact(config.databaseUrl)} does not answer: ${(error as Error).message}`,
    );
  } finally {
    await pg.end().catch(() => undefined);
  }
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let cause: Error | undefined;
  redis.on('error', (error: Error) => (cause = error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    const reason = (cause ?? (error as Error)).message;
    throw new Error(`Redis at ${redact(config.redisUrl)} does not answer: ${reason}`);
  } finally {
    redis.disconnect();
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
