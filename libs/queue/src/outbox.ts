import { EntityManager } from 'typeorm';
import { OutboxMessageEntity } from '@lr/database';
import { JobName, JobOf, jobIdFor } from './job-catalogue';

/**
 * Records a job in the caller's transaction. It reaches BullMQ through the relay after the commit, so a state
 * change and the jobs it causes are stored together or not at all.
 */
export async function enqueueInTransaction<N extends JobName>(
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
    payload: data,
    createdAt: now,
    sentAt: null,
  });
}
