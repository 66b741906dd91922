import { EntityManager } from 'typeorm';
import { OutboxMessageEntity, OutboxOperation } from '@lr/database';
import { JobName, JobOf, jobIdFor } from './job-catalogue';

/**
 * One job to add to, remove from, or move in a queue once the transaction that records it has committed.
 * 'reschedule' moves a timer that waits to runAt, and adds it when Redis has none.
 */
export interface OutboxWrite<N extends JobName = JobName> {
  queueName: string;
  name: N;
  data: JobOf<N>;
  operation: OutboxOperation;
  /** A delayed job (a timer): when it is due. */
  runAt?: Date | null;
}

/**
 * Records jobs in the caller's transaction, in one statement. They reach BullMQ through the relay after the
 * commit, so a state change and the jobs it causes are stored together or not at all.
 */
export async function writeOutbox(
  em: EntityManager,
  writes: readonly OutboxWrite[],
  now: Date,
): Promise<void> {
  if (writes.length === 0) return;
  await em.insert(
    OutboxMessageEntity,
    writes.map((w) => ({
      queueName: w.queueName,
      jobName: w.name,
      jobId: jobIdFor(w.name, w.data),
      operation: w.operation,
      runAt: w.runAt ?? null,
      payload: w.data,
      createdAt: now,
      sentAt: null,
    })),
  );
}

/** Records a job in the caller's transaction; `runAt` makes it a delayed job (a timer). */
export function enqueueInTransaction<N extends JobName>(
  em: EntityManager,
  queueName: string,
  name: N,
  data: JobOf<N>,
  now: Date,
  runAt: Date | null = null,
): Promise<void> {
  return writeOutbox(em, [{ queueName, name, data, operation: 'add', runAt }], now);
}

/** Records, in the caller's transaction, that a job (a timer made pointless by a decision) is to be removed. */
export function dequeueInTransaction<N extends JobName>(
  em: EntityManager,
  queueName: string,
  name: N,
  data: JobOf<N>,
  now: Date,
): Promise<void> {
  return writeOutbox(em, [{ queueName, name, data, operation: 'remove' }], now);
}
