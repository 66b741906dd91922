import { EntityManager } from 'typeorm';
import { ComponentEntity } from '@lr/database';
import { InstitutionRegistry } from '@lr/institutions';
import { enqueueInTransaction } from '@lr/queue';

/**
 * The job that cancels the component's association at the host, written to the outbox: for an association that
 * turns up after the component ended (a transition's own cancellation is part of its decision).
 */
export function enqueueCancellation(
  em: EntityManager,
  registry: InstitutionRegistry,
  component: ComponentEntity,
  now: Date,
): Promise<void> {
  return enqueueInTransaction(
    em,
    registry.get(component.hostInstitutionCode).queue,
    'association.cancel',
    {
      requestId: component.requestId,
      componentId: component.id,
      expectedVersion: component.version,
    },
    now,
  );
}
