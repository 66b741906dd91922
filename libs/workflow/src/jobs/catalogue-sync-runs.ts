import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { CatalogueSyncEntity } from '@lr/database';
import { CatalogueSyncCounts, CatalogueSyncProblem } from '@lr/domain';
import type { JobContext } from '@lr/queue';
import { RequestStore } from '../writer/request-store';

/** How a run of the synchronisation went, as its institution's admins see it. */
export interface CatalogueSyncView {
  id: string;
  institutionCode: string;
  trigger: CatalogueSyncEntity['trigger'];
  /** The admin who asked for it; null for the schedule. */
  requestedBy: { id: string; name: string } | null;
  status: CatalogueSyncEntity['status'];
  attempts: number;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  counts: CatalogueSyncCounts;
  errors: CatalogueSyncProblem[];
}

export function catalogueSyncView(run: CatalogueSyncEntity): CatalogueSyncView {
  return {
    id: run.id,
    institutionCode: run.institutionCode,
    trigger: run.trigger,
    requestedBy: run.requestedById
      ? { id: run.requestedById, name: run.requestedByName ?? run.requestedById }
      : null,
    status: run.status,
    attempts: run.attempts,
    requestedAt: run.requestedAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    counts: {
      created: run.created,
      changed: run.changed,
      closed: run.closed,
      reopened: run.reopened,
      unchanged: run.unchanged,
    },
    errors: run.errors,
  };
}

/**
 * The record of each run, kept as it goes: queued (an admin asked), running, retrying after a failed attempt,
 * then completed or failed. Each attempt finds its run by the job that carries it out; a run that has finished
 * is never started again (a job BullMQ hands out twice).
 */
@Injectable()
export class CatalogueSyncRuns {
  constructor(private readonly store: RequestStore) {}

  private get repository() {
    return this.store.dataSource.getRepository(CatalogueSyncEntity);
  }

  /**
   * The run this attempt of the job carries out, now running; recorded first when the schedule made the job.
   * Undefined when the run has finished already.
   */
  async begin(institutionCode: string, job: JobContext): Promise<CatalogueSyncEntity | undefined> {
    const now = this.store.now();
    await this.repository
      .createQueryBuilder()
      .insert()
      .values({
        institutionCode,
        trigger: 'schedule',
        jobId: job.id,
        status: 'queued',
        requestedAt: now,
      })
      .orIgnore()
      .execute();
    const run = await this.repository.findOneByOrFail({ jobId: job.id });
    if (run.finishedAt) return undefined;
    Object.assign(run, {
      status: 'running',
      attempts: job.attempt,
      startedAt: run.startedAt ?? now,
    });
    await this.repository.update(
      { id: run.id, finishedAt: IsNull() },
      { status: run.status, attempts: run.attempts, startedAt: run.startedAt },
    );
    return run;
  }

  /** The run did its work: what it did, and what it could not (with what earlier attempts met). */
  async complete(
    run: CatalogueSyncEntity,
    counts: CatalogueSyncCounts,
    problems: CatalogueSyncProblem[],
  ): Promise<void> {
    await this.repository.update(run.id, {
      status: 'completed',
      finishedAt: this.store.now(),
      ...counts,
      errors: [...run.errors, ...problems],
    });
  }

  /**
   * An attempt failed as a whole, having changed nothing: the run tries again, or after its last attempt it has
   * failed. Either way the admins see why.
   */
  async attemptFailed(run: CatalogueSyncEntity, job: JobContext, reason: string): Promise<void> {
    const last = job.attempt >= job.attempts;
    run.errors = [...run.errors, attemptProblem(job, reason)];
    await this.repository.update(run.id, {
      status: last ? 'failed' : 'retrying',
      finishedAt: last ? this.store.now() : null,
      errors: run.errors,
    });
  }

  /**
   * The job failed for good without its run saying so (it stalled too often, or failed before its attempt
   * began): the run has failed, with the job's reason.
   */
  /** Returns whether it marked the run (false when it had finished already). */
  async failedForGood(jobId: string, reason: string): Promise<boolean> {
    const run = await this.repository.findOneBy({ jobId, finishedAt: IsNull() });
    if (!run) return false;
    const marked = await this.repository.update(
      { id: run.id, finishedAt: IsNull() },
      {
        status: 'failed',
        finishedAt: this.store.now(),
        errors: [...run.errors, { offering: null, code: 'CATALOGUE.FAILED', message: reason }],
      },
    );
    return marked.affected === 1;
  }
}

function attemptProblem(job: JobContext, reason: string): CatalogueSyncProblem {
  return {
    offering: null,
    code: 'CATALOGUE.ATTEMPT_FAILED',
    message: `Attempt ${job.attempt} of ${job.attempts}: ${reason}`,
  };
}
