import { EntityManager } from 'typeorm';
import { ComponentEntity } from '@lr/database';
import { ComponentEvent, ComponentState } from '@lr/domain';
import { InstitutionRegistry } from '@lr/institutions';
import { enqueueInTransaction } from '@lr/queue';

/** Where a component ends that the host's system still holds an association for: it is canceled there. */
export const ENDS_THE_ASSOCIATION: readonly ComponentState[] = ['withdrawn', 'expired'];

/**
 * In the transaction of a transition: a component withdrawn by the student, or expired, whose host's own system
 * made an association (or was asked for one), gets a job that cancels it there (PATCH remoteState canceled). Not when the host's
 * system itself canceled it.
 */
export async function cancelAtTheHost(
  em: EntityManager,
  registry: InstitutionRegistry,
  change: { before: ComponentEntity; after: ComponentEntity; event: ComponentEvent; now: Date },
): Promise<void> {
  const { before, after, event, now } = change;
  // Asked for but never answered: the host may hold one all the same (AssociationRequests.recover finds it).
  const mayHaveOne = after.associationId !== null || after.associationRequestedAt !== null;
  if (!mayHaveOne || after.associationState === 'canceled' || event === 'cancel') return;
  if (before.state === after.state || !ENDS_THE_ASSOCIATION.includes(after.state)) return;
  await enqueueCancellation(em, registry, after, now);
}

/** The job that cancels the component's association at the host, written to the outbox. */
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
    { requestId: component.requestId, componentId: component.id, expectedVersion: component.version },
    now,
  );
}
