import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import {
  ThrottlerModule,
  ThrottlerModuleOptions,
  ThrottlerStorage,
  normalizeIp,
} from '@nestjs/throttler';
import { createHash } from 'crypto';
import type { Request } from 'express';
import Redis from 'ioredis';
import { MachineTokenVerifier, TokenVerifier } from '@lr/auth';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { bearerActor } from './auth.guard';
import { OOAPI_ROUTE, bearerMachine } from './machine-auth.guard';

type StorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Counts requests in Redis, so that every API process behind a load balancer enforces one limit per client,
 * under the configured key prefix beside the queues. Redis is transport here, as for the queues: when it does
 * not answer within a second, the request is let through (and this logged once) rather than the API refusing
 * everyone while PostgreSQL, the system of record, is fine.
 */
export class RedisRateLimitStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(RedisRateLimitStorage.name);
  readonly redis: Redis;
  private readonly counter: ThrottlerStorageRedisService;
  private failing = false;

  constructor(config: AppConfig) {
    this.redis = new Redis(config.redisUrl, {
      keyPrefix: `${config.queuePrefix}:rate-limit:`,
      // Bounded, so that a Redis that is away delays a request by a second at most.
      commandTimeout: 1000,
      maxRetriesPerRequest: 1,
    });
    this.counter = new ThrottlerStorageRedisService(this.redis);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<StorageRecord> {
    try {
      const record = await this.counter.increment(key, ttl, limit, blockDuration, throttlerName);
      if (this.failing) this.logger.log('Rate limiting works again');
      this.failing = false;
      return record;
    } catch (error) {
      if (!this.failing) {
        this.logger.warn(
          `Rate limiting is off while Redis does not answer: ${(error as Error).message}`,
        );
      }
      this.failing = true;
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  /** After the HTTP server has closed: requests still served while draining are counted. */
  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/**
 * RATE_LIMIT_PER_MINUTE requests per client per minute, over all routes together (/health is exempt, see
 * HealthController); a client over it gets 429 with Retry-After until the minute has passed.
 *
 * A request with a valid bearer token counts for its actor, any other for its IP address. By actor, because
 * the people of one institution often share one address (a campus network, eduroam, a load balancer in
 * front of the API), where one busy colleague would otherwise use up everyone's limit. By address otherwise,
 * so that someone without a valid token (trying tokens, say) is limited as well. An institution's own system
 * calling the OOAPI endpoints counts as itself (its machine client), not as the people it reports on.
 */
export const RateLimitModule = ThrottlerModule.forRootAsync({
  inject: [APP_CONFIG, TokenVerifier, MachineTokenVerifier],
  useFactory: (
    config: AppConfig,
    verifier: TokenVerifier,
    machines: MachineTokenVerifier,
  ): ThrottlerModuleOptions => ({
    throttlers: [{ name: 'default', ttl: 60_000, limit: config.rateLimitPerMinute }],
    storage: new RedisRateLimitStorage(config),
    skipIf: () => config.rateLimitPerMinute === 0,
    getTracker: async (request) => {
      const address = `ip:${normalizeIp((request as Request).ip ?? '')}`;
      if ((request as Request).path.startsWith(`${OOAPI_ROUTE}/`)) {
        const machine = await bearerMachine(request as Request, machines);
        return machine ? `machine:${machine.institutionCode}` : address;
      }
      const actor = await bearerActor(request as Request, verifier);
      return actor ? `actor:${actor.institutionCode}:${actor.id}` : address;
    },
    // One count per client across all routes (the default counts per route), and no person's id or
    // address in plain text in Redis.
    generateKey: (_context, tracker) => createHash('sha256').update(tracker).digest('base64url'),
    errorMessage: (_context, { limit, timeToBlockExpire }) =>
      `Too many requests: at most ${limit} a minute. Try again in ${timeToBlockExpire} s.`,
  }),
});
