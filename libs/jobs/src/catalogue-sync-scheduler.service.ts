import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { InstitutionRegistry, OoapiHosts } from '@lr/institutions';
import { DEFAULT_JOB_OPTIONS, QueuesService, catalogueSyncSchedulerId } from '@lr/queue';

/**
 * Makes each institution whose own system keeps its catalogue synchronise it every CATALOGUE_SYNC_INTERVAL_MS,
 * through a BullMQ job scheduler on its queue: one schedule however many workers start, kept in Redis, and
 * replaced (not doubled) at each start. A new schedule, on a fresh install or after a new interval, runs at
 * once, so the catalogue is there before the first interval has passed. An institution that no longer takes
 * part through its own system loses its schedule.
 */
@Injectable()
export class CatalogueSyncSchedulerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CatalogueSyncSchedulerService.name);

  constructor(
    private readonly queues: QueuesService,
    private readonly registry: InstitutionRegistry,
    private readonly ooapiHosts: OoapiHosts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const { code, queue: queueName } of this.registry.all()) {
      // A queue of its own, closed when done: a Queue does not close the job scheduler it makes, whose
      // handle would keep the process from ending (BullMQ 5.81).
      const queue = new Queue(queueName, {
        connection: this.queues.connection,
        prefix: this.queues.prefix,
      });
      try {
        await this.schedule(queue, code);
      } finally {
        await (await queue.jobScheduler).close();
        await queue.close();
      }
    }
  }

  private async schedule(queue: Queue, institutionCode: string): Promise<void> {
    const schedulerId = catalogueSyncSchedulerId(institutionCode);
    if (!this.ooapiHosts.takesPart(institutionCode)) {
      await queue.removeJobScheduler(schedulerId);
      return;
    }
    await queue.upsertJobScheduler(
      schedulerId,
      { every: this.config.catalogueSyncIntervalMs },
      {
        name: 'catalogue.sync',
        data: { institutionCode },
        // As every job on the institution's queue (QueuesService): retried, then kept for inspection.
        opts: { ...DEFAULT_JOB_OPTIONS, attempts: this.config.jobAttempts },
      },
    );
    this.logger.log(
      `Synchronising the catalogue of ${institutionCode} every ${this.config.catalogueSyncIntervalMs} ms`,
    );
  }
}
