import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { OutboxMessageEntity } from '@lr/database';
import { CLOCK, Clock } from '@lr/domain';
import { OutboxListener } from './outbox-listener';
import { PeriodicTask } from './periodic-task';
import { QueuesService } from './queues.service';

const BATCH_SIZE = 200;
/**
 * After a notice, the relay waits this long before it reads: under load every commit announces rows, and each
 * relay of each worker would otherwise run once per commit.
 */
const WAKE_DELAY_MS = 20;

/**
 * Moves committed outbox rows into BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED so several relays can
 * run; a row is marked sent only after BullMQ has it. If the process dies in between, the row is sent again
 * and the deterministic job id makes the second add a no-op.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private readonly task: PeriodicTask;
  private readonly listener: OutboxListener;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueuesService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.task = new PeriodicTask(
      () => this.drain(),
      config.outboxPollMs,
      (error) =>
        this.logger.error(`Outbox relay failed; retrying on the next tick: ${error.message}`),
      WAKE_DELAY_MS,
    );
    // Committed rows are announced, so they go at once; the poll remains for when a notice is missed.
    this.listener = new OutboxListener(
      config.databaseUrl,
      () => this.task.wake(),
      (error) =>
        this.logger.warn(`Outbox notices lost (${error.message}); polling until reconnected`),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    this.task.start();
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
    await this.task.stop();
  }

  /** Sends one batch; returns how many rows were sent. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows = await em
        .createQueryBuilder(OutboxMessageEntity, 'o')
        .where('o.sent_at IS NULL')
        // Only queues this process serves: a row for an institution it does not know yet (during a rollout)
        // waits for a worker that does, instead of failing every batch.
        .andWhere('o.queue_name IN (:...queues)', { queues: this.queues.names() })
        .orderBy('o.id')
        .limit(BATCH_SIZE)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length === 0) return 0;
      const byQueue = new Map<string, OutboxMessageEntity[]>();
      for (const row of rows)
        byQueue.set(row.queueName, [...(byQueue.get(row.queueName) ?? []), row]);
      const now = this.clock.now().getTime();
      for (const [queueName, messages] of byQueue) {
        const queue = this.queues.get(queueName);
        const adds = messages.filter((m) => m.operation === 'add');
        if (adds.length > 0) {
          await queue.addBulk(
            adds.map((m) => ({
              name: m.jobName,
              data: m.payload,
              // A timer waits in Redis until its time on the workflow's clock.
              opts: {
                jobId: m.jobId,
                ...(m.runAt ? { delay: Math.max(0, m.runAt.getTime() - now) } : {}),
              },
            })),
          );
        }
        for (const m of messages.filter((message) => message.operation === 'remove')) {
          // A timer that is running right now cannot be removed; it finds the version moved and does nothing.
          await queue.remove(m.jobId).catch(() => 0);
        }
        for (const m of messages.filter((message) => message.operation === 'reschedule')) {
          const delay = Math.max(0, (m.runAt?.getTime() ?? now) - now);
          const job = await queue.getJob(m.jobId);
          // Only a timer that still waits moves. One that started meanwhile reads the deadline itself when it
          // runs, and waits again when it came early; one that is done has nothing left to move.
          if (!job) await queue.add(m.jobName, m.payload, { jobId: m.jobId, delay });
          else if (await job.isDelayed()) await job.changeDelay(delay).catch(() => undefined);
        }
      }
      await em.update(
        OutboxMessageEntity,
        rows.map((r) => r.id),
        { sentAt: this.clock.now() },
      );
      return rows.length;
    });
  }

  private async drain(): Promise<void> {
    while (!this.task.isStopped && (await this.relayOnce()) === BATCH_SIZE) {
      // A full batch means more may be waiting: go on without sleeping.
    }
  }
}
