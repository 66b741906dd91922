import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In, IsNull, LessThan, LessThanOrEqual, MoreThan, Not } from 'typeorm';
import {
  CatalogueSyncEntity,
  ComponentEntity,
  NotificationEntity,
  OutboxMessageEntity,
} from '@lr/database';
import { CLOCK, Clock, addDays, ENDS_THE_ASSOCIATION } from '@lr/domain';
import { JobName, JobOf, NOTIFICATIONS_QUEUE, QueuesService, jobIdFor, runKeyOf } from '@lr/queue';
import { InstitutionRegistry } from '@lr/institutions';
import { DeliveryFailuresUseCase } from '../commands/delivery-failures.use-case';
import { EmailNotificationsUseCase } from './email-notifications.use-case';
import { STATES_AWAITING_A_JOB, pendingJob } from '../writer/pending-job';
import { TimerPlanner } from '../writer/timers';
import { CatalogueSyncUseCase } from './catalogue-sync.use-case';

const BATCH = 500;
const OUTBOX_KEPT_DAYS = 7;
const NO_ID = '00000000-0000-0000-0000-000000000000';
/** States in which a component waits for a job or runs a timer. */
const STATES_TO_CHECK = [
  ...new Set([
    ...STATES_AWAITING_A_JOB,
    'awaiting_approval',
    'awaiting_admission',
    'waitlisted',
    'awaiting_recognition',
  ] as const),
];

export interface ReconcileCounts {
  /** Jobs and timers Redis did not have, added again from the database. */
  redriven: number;
  /** Components and e-mails whose job had failed for good without being marked (the worker died first). */
  markedFailed: number;
}

/**
 * PostgreSQL is the system of record; Redis is transport and may lose everything. This compares the two: every
 * component waiting for a job, or running a timer, and every e-mail still to send must have its job in Redis,
 * or it is added again. Safe to
 * run anywhere and often: job ids come from the data and every job checks state and version before it acts.
 * A delivery or an e-mail whose job failed for good is marked failed, never started again by itself.
 */
@Injectable()
export class DeliveryReconciler {
  private readonly logger = new Logger(DeliveryReconciler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: InstitutionRegistry,
    private readonly queues: QueuesService,
    private readonly failures: DeliveryFailuresUseCase,
    private readonly email: EmailNotificationsUseCase,
    private readonly timers: TimerPlanner,
    private readonly catalogueSync: CatalogueSyncUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Looks at components that have waited at least `settleMs`, so that fresh outbox rows are left to the relay. */
  async reconcileOnce({ settleMs = 5000 } = {}): Promise<ReconcileCounts> {
    const counts: ReconcileCounts = { redriven: 0, markedFailed: 0 };
    const settledBefore = new Date(this.clock.now().getTime() - settleMs);
    for (let after = NO_ID; ;) {
      const waiting = await this.dataSource.manager.find(ComponentEntity, {
        where: {
          state: In(STATES_TO_CHECK),
          updatedAt: LessThanOrEqual(settledBefore),
          id: MoreThan(after),
        },
        order: { id: 'ASC' },
        take: BATCH,
      });
      for (const component of waiting) await this.reconcile(component, counts);
      if (waiting.length < BATCH) break;
      after = waiting[waiting.length - 1].id;
    }
    await this.reconcileCancellations(settledBefore, counts);
    await this.reconcileCatalogueSyncs(settledBefore, counts);
    await this.reconcileEmails(settledBefore, counts);
    await this.purgeSentOutbox();
    if (counts.redriven + counts.markedFailed > 0) {
      this.logger.warn(
        `Reconciled: ${counts.redriven} jobs added again, ${counts.markedFailed} marked failed`,
      );
    }
    return counts;
  }

  /** Sent outbox rows are kept a week for inspection, then removed, so the table does not grow for ever. */
  private async purgeSentOutbox(): Promise<void> {
    await this.dataSource.manager.delete(OutboxMessageEntity, {
      sentAt: LessThan(addDays(this.clock.now(), -OUTBOX_KEPT_DAYS)),
    });
  }

  private async reconcile(component: ComponentEntity, counts: ReconcileCounts): Promise<void> {
    const job =
      component.deliveryFailedAt === null ? pendingJob(this.registry, component) : undefined;
    if (job) {
      await this.ensureJobOrMarkFailed(
        job.queue,
        job.name,
        job.data,
        counts,
        (failed) => this.failures.markFailed(job.data, failed.failedReason),
        true,
      );
    }
    for (const timer of await this.timers.timersFor(this.dataSource.manager, component)) {
      const delay = Math.max(0, timer.runAt.getTime() - this.clock.now().getTime());
      if (await this.ensureJob(timer.queue, timer.name, timer.data, delay)) counts.redriven += 1;
    }
  }

  /**
   * Associations a host's own system still holds for components that ended here (withdrawn, expired) whose
   * cancelling job Redis lost: added again. One that gave up (the host kept refusing) stays given up; its
   * failure is in the worker's log.
   */
  private async reconcileCancellations(
    settledBefore: Date,
    counts: ReconcileCounts,
  ): Promise<void> {
    const ended = await this.dataSource.manager.find(ComponentEntity, {
      where: [
        {
          associationId: Not(IsNull()),
          associationState: Not('canceled'),
          state: In(ENDS_THE_ASSOCIATION),
          updatedAt: LessThanOrEqual(settledBefore),
        },
        // Asked for, never answered: the host may hold one (the cancelling job asks again to learn it).
        {
          associationId: IsNull(),
          associationRequestedAt: Not(IsNull()),
          state: In(ENDS_THE_ASSOCIATION),
          updatedAt: LessThanOrEqual(settledBefore),
        },
      ],
      take: BATCH,
    });
    for (const component of ended) {
      const data = {
        requestId: component.requestId,
        componentId: component.id,
        expectedVersion: component.version,
      };
      const queue = this.queues.get(this.registry.get(component.hostInstitutionCode).queue);
      const jobId = jobIdFor('association.cancel', data);
      if (!(await queue.getJob(jobId))) {
        await queue.add('association.cancel', data, { jobId });
        counts.redriven += 1;
      }
    }
  }

  /**
   * Synchronisation runs not finished whose job Redis no longer has: one an admin asked for is added again (its
   * record is found by the job's id); one the schedule made is marked failed, as the schedule makes the next.
   * One whose job failed for good without being marked (the worker died first) is marked.
   */
  private async reconcileCatalogueSyncs(
    settledBefore: Date,
    counts: ReconcileCounts,
  ): Promise<void> {
    const open = await this.dataSource.manager.find(CatalogueSyncEntity, {
      where: { finishedAt: IsNull(), requestedAt: LessThanOrEqual(settledBefore) },
      order: { id: 'ASC' },
      take: BATCH,
    });
    for (const run of open) {
      const queue = this.queues.get(this.registry.get(run.institutionCode).queue);
      const job = await queue.getJob(run.jobId);
      if (job) {
        if (
          (await job.isFailed()) &&
          (await this.catalogueSync.failedForGood(run.jobId, job.failedReason))
        ) {
          counts.markedFailed += 1;
        }
      } else if (run.trigger === 'admin') {
        const data = { institutionCode: run.institutionCode, runKey: runKeyOf(run.jobId) };
        await queue.add('catalogue.sync', data, { jobId: run.jobId });
        counts.redriven += 1;
      } else if (
        await this.catalogueSync.failedForGood(
          run.jobId,
          'Its job was lost; the schedule runs the next synchronisation.',
        )
      ) {
        counts.markedFailed += 1;
      }
    }
  }

  /** E-mails still to send whose job Redis lost: added again. One whose job gave up stays given up. */
  private async reconcileEmails(settledBefore: Date, counts: ReconcileCounts): Promise<void> {
    for (let after = NO_ID; ;) {
      const pending = await this.dataSource.manager.find(NotificationEntity, {
        where: {
          emailStatus: 'pending',
          createdAt: LessThanOrEqual(settledBefore),
          id: MoreThan(after),
        },
        select: { id: true },
        order: { id: 'ASC' },
        take: BATCH,
      });
      for (const { id } of pending) {
        const data = { notificationId: id };
        await this.ensureJobOrMarkFailed(
          NOTIFICATIONS_QUEUE,
          'notification.send-email',
          data,
          counts,
          (failed) => this.email.retriesExhausted(data, failed.attemptsMade, failed.failedReason),
        );
      }
      if (pending.length < BATCH) break;
      after = pending[pending.length - 1].id;
    }
  }

  /**
   * Adds a job that Redis does not have (or, with `rerunCompleted`, has as completed). One that failed for good is not started again: its failure is written
   * to the database (`markFailed`, which does nothing when the worker already did), where an admin sees it.
   */
  private async ensureJobOrMarkFailed<N extends JobName>(
    queueName: string,
    name: N,
    data: JobOf<N>,
    counts: ReconcileCounts,
    markFailed: (failed: { failedReason: string; attemptsMade: number }) => Promise<boolean>,
    rerunCompleted = false,
  ): Promise<void> {
    const queue = this.queues.get(queueName);
    const jobId = jobIdFor(name, data);
    const existing = await queue.getJob(jobId);
    if (!existing) {
      await queue.add(name, data, { jobId });
      counts.redriven += 1;
    } else if (rerunCompleted && (await existing.isCompleted())) {
      // Done in Redis, yet the component still waits at the same version after the settling time (an attempt
      // that skipped while another, since dead, had the association half-recorded): run it again rather than
      // leave it waiting for ever. Harmless when the work did land meanwhile: the job skips.
      await existing.remove();
      await queue.add(name, data, { jobId });
      counts.redriven += 1;
    } else if ((await existing.isFailed()) && (await markFailed(existing))) {
      counts.markedFailed += 1;
    }
  }

  /**
   * Makes sure the job is in Redis and not given up on: added when missing, retried when it failed. For timers,
   * where there is no person to decide; a failed delivery goes to an admin instead.
   */
  private async ensureJob<N extends JobName>(
    queueName: string,
    name: N,
    data: JobOf<N>,
    delay: number,
  ) {
    const queue = this.queues.get(queueName);
    const jobId = jobIdFor(name, data);
    const existing = await queue.getJob(jobId);
    if (!existing) {
      await queue.add(name, data, { jobId, delay });
      return true;
    }
    if (await existing.isFailed()) {
      await existing.retry();
      return true;
    }
    return false;
  }
}
