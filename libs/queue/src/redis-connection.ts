import Redis, { RedisOptions } from 'ioredis';

/** BullMQ workers block on Redis and need maxRetriesPerRequest: null; producers share the same settings. */
export function createRedisConnection(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...extra });
}
