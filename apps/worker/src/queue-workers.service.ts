import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { InstitutionRegistry } from '@lr/institutions';
import { JOB_NAMES, JobName, JobOf, createRedisConnection } from '@lr/queue';
import { DomainError } from '@lr/domain';
import { DeliveryFailuresUseCase } from '@lr/workflow';
import { JobHandlers } from './job-handlers';

/** Runs a BullMQ worker for every institution's queue and dispatches each job to its handler. */
@Injectable()
export class QueueWorkersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueWorkersService.name);
  private workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: InstitutionRegistry,
    private readonly handlers: JobHandlers,
    private readonly failures: DeliveryFailuresUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.workers = this.registry.queueNames().map((name) => {
      const worker = new Worker<JobOf<JobName>>(name, (job) => this.process(job), {
        connection: createRedisConnection(this.config.redisUrl),
        prefix: this.config.queuePrefix,
        concurrency: this.config.workerConcurrency,
      });
      worker.on('failed', (job, error) => {
        if (!job) return;
        this.logger.warn(
          `Job ${job.name} ${job.id} failed (attempt ${job.attemptsMade}): ${error.message}`,
        );
        const final =
          error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
        // If this process dies before the mark is written, the reconciler finds the failed job and writes it.
        if (final) {
          this.failures
            .markFailed(job.data, error.message)
            .catch((e: Error) =>
              this.logger.error(`Could not mark ${job.id} as failed: ${e.message}`),
            );
        }
      });
      worker.on('error', (error) => this.logger.error(`Worker ${name}: ${error.message}`));
      return worker;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    // close() lets running jobs finish; jobs not started stay in Redis for the next worker. BullMQ leaves a
    // connection it was given open, so each worker's own connection is closed here.
    await Promise.all(
      this.workers.map(async (w) => {
        await w.close();
        (await w.client).disconnect();
      }),
    );
  }

  private async process(job: Job<JobOf<JobName>>): Promise<unknown> {
    const name = job.name as JobName;
    if (!JOB_NAMES.includes(name)) {
      throw new UnrecoverableError(`No handler for job ${job.name}`);
    }
    const handler = this.handlers.byName[name];
    try {
      return await handler(job.data);
    } catch (error) {
      // A domain error will not go away by retrying: fail the job for good, keep it for inspection.
      if (error instanceof DomainError)
        throw new UnrecoverableError(`${error.code}: ${error.message}`);
      throw error;
    }
  }
}
