import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { DomainError } from '@lr/domain';
import {
  FailedForGoodError,
  JOB_NAMES,
  JobName,
  NotYetDueError,
  QueuesService,
  createRedisConnection,
  retryDelayMs,
} from '@lr/queue';
import {
  CatalogueSyncUseCase,
  DELIVERY_JOB_NAMES,
  DeliveryFailuresUseCase,
  EmailNotificationsUseCase,
} from '@lr/workflow';
import type { ComponentJob, NotificationJob } from '@lr/queue';
import { JobHandlers } from './job-handlers';

/** Runs a BullMQ worker for every queue (each institution's, and notifications) and dispatches jobs by name. */
@Injectable()
export class QueueWorkersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueWorkersService.name);
  /** Each worker with the connection it was given: BullMQ leaves that open, so shutdown closes it. */
  private workers: { worker: Worker; connection: Redis }[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueuesService,
    private readonly handlers: JobHandlers,
    private readonly failures: DeliveryFailuresUseCase,
    private readonly email: EmailNotificationsUseCase,
    private readonly catalogueSync: CatalogueSyncUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.workers = this.queues.names().map((name) => {
      const connection = createRedisConnection(this.config.redisUrl);
      const worker = new Worker(name, (job, token) => this.process(job, token), {
        connection,
        prefix: this.config.queuePrefix,
        concurrency: this.config.workerConcurrency,
        // A worker that dies holding a job loses its lock after this long; another worker then takes the job.
        lockDuration: this.config.workerLockMs,
        stalledInterval: this.config.workerLockMs,
        // A job whose worker was killed is taken over; only a job that stalls again and again is given up.
        maxStalledCount: 10,
        settings: {
          backoffStrategy: (attemptsMade: number) =>
            retryDelayMs(attemptsMade, this.config.jobBackoffMaxMs),
        },
      });
      worker.on('failed', (job, error) => job && this.onFailed(job, error));
      worker.on('error', (error) => this.logger.error(`Worker ${name}: ${error.message}`));
      return { worker, connection };
    });
  }

  async onApplicationShutdown(): Promise<void> {
    // close() lets running jobs finish; jobs not started stay in Redis for the next worker.
    await Promise.all(
      this.workers.map(async ({ worker, connection }) => {
        await worker.close();
        connection.disconnect();
      }),
    );
  }

  private async process(job: Job, token?: string): Promise<unknown> {
    const name = job.name as JobName;
    if (!JOB_NAMES.includes(name)) throw new UnrecoverableError(`No handler for job ${job.name}`);
    try {
      return await this.handlers.run(name, job.data as never, {
        id: job.id!,
        attempt: job.attemptsMade + 1,
        attempts: job.opts.attempts ?? 1,
      });
    } catch (error) {
      if (error instanceof NotYetDueError) {
        await job.moveToDelayed(Date.now() + error.remainingMs, token);
        throw new DelayedError();
      }
      // A domain error will not go away by retrying: fail the job for good, keep it for inspection.
      if (error instanceof DomainError)
        throw new UnrecoverableError(`${error.code}: ${error.message}`);
      if (error instanceof FailedForGoodError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }

  private onFailed(job: Job, error: Error): void {
    this.logger.warn(
      `Job ${job.name} ${job.id} failed (attempt ${job.attemptsMade}): ${error.message}`,
    );
    const final =
      error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    // If this process dies before the mark is written, the reconciler finds the failed job and writes it.
    if (final) {
      this.markFailed(job, error).catch((e: Error) =>
        this.logger.error(`Could not mark ${job.id} as failed: ${e.message}`),
      );
    }
  }

  /** Writes down what a job that failed for good leaves undone, where admins see it: in the database. */
  private async markFailed(job: Job, error: Error): Promise<void> {
    if (DELIVERY_JOB_NAMES.includes(job.name as JobName)) {
      await this.failures.markFailed(job.data as ComponentJob, error.message);
    } else if (job.name === 'notification.send-email') {
      await this.email.retriesExhausted(
        job.data as NotificationJob,
        job.attemptsMade,
        error.message,
      );
    } else if (job.name === 'catalogue.sync') {
      await this.catalogueSync.failedForGood(job.id!, error.message);
    }
  }
}
