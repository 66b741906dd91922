import { ComponentEntity } from '@lr/database';
import { ComponentState, SYSTEM_STEP_OF_STATE, systemStepOf } from '@lr/domain';
import { InstitutionRegistry } from '@lr/institutions';
import { ComponentJob, JobName } from '@lr/queue';

export interface PendingJob {
  queue: string;
  name: JobName;
  data: ComponentJob;
}

/** The jobs that move a component on; when one fails for good, the component shows 'delivery failed'. */
export const DELIVERY_JOB_NAMES: readonly JobName[] = Object.values(SYSTEM_STEP_OF_STATE);

/** The states in which the system, not a person, takes the next step: each waits for one job. */
export const STATES_AWAITING_A_JOB = Object.keys(SYSTEM_STEP_OF_STATE) as ComponentState[];

/**
 * The job a component waits for in its current state and version (the domain's systemStepOf), or undefined when
 * a person acts next: for the admin's list of failed deliveries and the reconciler, which adds it again when
 * Redis lost it. A transition's own next step is part of its decision.
 */
export function pendingJob(
  registry: InstitutionRegistry,
  component: ComponentEntity,
): PendingJob | undefined {
  const step = systemStepOf(component.state, component.version);
  if (!step) return undefined;
  const institution =
    step.side === 'home' ? component.homeInstitutionCode : component.hostInstitutionCode;
  return {
    queue: registry.get(institution).queue,
    name: step.name,
    data: {
      requestId: component.requestId,
      componentId: component.id,
      expectedVersion: component.version,
    },
  };
}
