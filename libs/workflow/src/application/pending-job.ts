import { EntityManager } from 'typeorm';
import { ComponentEntity } from '@lr/database';
import { ComponentState } from '@lr/domain';
import { InstitutionRegistry } from '@lr/institutions';
import { ComponentJob, JobName, enqueueInTransaction } from '@lr/queue';

export interface PendingJob {
  queue: string;
  name: JobName;
  data: ComponentJob;
}

/** The jobs that move a component on; when one fails for good, the component shows 'delivery failed'. */
export const DELIVERY_JOB_NAMES: readonly JobName[] = [
  'admission.deliver-request',
  'result.deliver-home',
];

/** The states in which the system, not a person, takes the next step: each waits for one job. */
export const STATES_AWAITING_A_JOB: readonly ComponentState[] = ['approved', 'result_recorded'];

/**
 * The job a component waits for in its current state and version, or undefined when a person acts next. The
 * one place that knows which job moves which state; producers, the admin's redelivery and the reconciler ask it.
 */
export function pendingJob(
  registry: InstitutionRegistry,
  component: ComponentEntity,
): PendingJob | undefined {
  const data = {
    requestId: component.requestId,
    componentId: component.id,
    expectedVersion: component.version,
  };
  switch (component.state) {
    case 'approved':
      return {
        queue: registry.get(component.hostInstitutionCode).queue,
        name: 'admission.deliver-request',
        data,
      };
    case 'result_recorded':
      return {
        queue: registry.get(component.homeInstitutionCode).queue,
        name: 'result.deliver-home',
        data,
      };
    case 'draft':
    case 'awaiting_approval':
    case 'awaiting_admission':
    case 'waitlisted':
    case 'enrolled':
    case 'awaiting_recognition':
    case 'recognised':
    case 'rejected_by_exam_board':
    case 'rejected_by_host':
    case 'not_recognised':
    case 'registered':
    case 'withdrawn':
    case 'expired':
      return undefined;
  }
}

/** Writes the component's pending job to the outbox, in the transaction that moved it. */
export async function enqueuePendingJob(
  em: EntityManager,
  registry: InstitutionRegistry,
  component: ComponentEntity,
  now: Date,
): Promise<void> {
  const job = pendingJob(registry, component);
  if (job) await enqueueInTransaction(em, job.queue, job.name, job.data, now);
}
