import { EntityManager } from 'typeorm';
import { OutboxMessageEntity } from '@lr/database';
import { JobName, JobOf, jobIdFor } from './job-catalogue';

/**
 * Records a job in the caller's transaction. It reaches BullMQ through the relay after the commit, so a state
 * change and the jobs it causes are stored together or not at all. `runAt` makes it a delayed job (a timer).
 */
export async function enqueueInTransaction<N extends JobName>(
  em: EntityManager,
  queueName: string,
  name: N,
  data: JobOf<N>,
  now: Date,
  runAt: Date | null = null,
): Promise<void> {
  await em.insert(OutboxMessageEntity, {
    queueName,
    jobName: name,
    jobId: jobIdFor(name, data),
    operation: 'add',
    runAt,
    payload: data,
    createdAt: now,
    sentAt: null,
  });
}

/** Records, in the caller's transaction, that a job (a timer made pointless by a decision) is to be removed. */
export async function dequeueInTransaction<N extends JobName>(
  em: EntityManager,
  queueName: string,
  name: N,
  data: JobOf<N>,
  now: Date,
): Promise<void> {
  await em.insert(OutboxMessageEntity, {
    queueName,
    jobName: name,
    jobId: jobIdFor(name, data),
    operation: 'remove',
    runAt: null,
    payload: data,
    createdAt: now,
    sentAt: null,
  });
}
