import { EntityManager } from 'typeorm';
import { OfferingEntity } from '@lr/database';

const perTransaction = new WeakMap<object, Map<string, Promise<OfferingEntity>>>();

/**
 * The component's offering, read once per transaction: a transition's notifier, timers and use case each need
 * it, and every query is a round trip. Only for what a transaction does not change in the offering (title,
 * deadline, capacity, waiting list); places taken are changed and checked in SQL. Outside a transaction it is
 * simply read.
 */
export function offeringOf(em: EntityManager, offeringId: string): Promise<OfferingEntity> {
  const transaction = em.queryRunner;
  if (!transaction?.isTransactionActive) {
    return em.findOneByOrFail(OfferingEntity, { id: offeringId });
  }
  let cache = perTransaction.get(transaction);
  if (!cache) {
    cache = new Map<string, Promise<OfferingEntity>>();
    perTransaction.set(transaction, cache);
  }
  let offering = cache.get(offeringId);
  if (!offering) {
    offering = em.findOneByOrFail(OfferingEntity, { id: offeringId });
    cache.set(offeringId, offering);
  }
  return offering;
}
