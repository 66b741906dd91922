import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { InstitutionRegistry } from '@lr/institutions';
import { DEFAULT_JOB_OPTIONS, NOTIFICATIONS_QUEUE } from './job-catalogue';
import { createRedisConnection } from './redis-connection';

/** One BullMQ queue per institution (from the registry) and one for notifications, on one shared connection. */
@Injectable()
export class QueuesService implements OnApplicationShutdown {
  readonly connection: Redis;
  private readonly queues = new Map<string, Queue>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    registry: InstitutionRegistry,
  ) {
    this.connection = createRedisConnection(config.redisUrl);
    for (const name of [...registry.queueNames(), NOTIFICATIONS_QUEUE]) {
      this.queues.set(
        name,
        new Queue(name, {
          connection: this.connection,
          prefix: config.queuePrefix,
          defaultJobOptions: {
            ...DEFAULT_JOB_OPTIONS,
            attempts: name === NOTIFICATIONS_QUEUE ? config.emailAttempts : config.jobAttempts,
          },
        }),
      );
    }
  }

  get prefix(): string {
    return this.config.queuePrefix;
  }

  get(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`No queue named ${name}`);
    return queue;
  }

  names(): string[] {
    return [...this.queues.keys()];
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close()));
    this.connection.disconnect();
  }
}
