import { EntityManager } from 'typeorm';
import { OfferingEntity } from '@lr/database';

const perRunner = new WeakMap<object, Map<string, Promise<OfferingEntity>>>();

function cacheOf(em: EntityManager): Map<string, Promise<OfferingEntity>> | undefined {
  const runner = em.queryRunner;
  if (!runner) return undefined;
  let cache = perRunner.get(runner);
  if (!cache) {
    cache = new Map<string, Promise<OfferingEntity>>();
    perRunner.set(runner, cache);
  }
  return cache;
}

/**
 * The component's offering, read once per transaction: a transition's notifier, timers and use case each need
 * it, and every query is a round trip. Only for what a transaction does not change in the offering (title,
 * deadline, capacity, waiting list); places taken are changed and checked in SQL. Kept per connection taken
 * for a unit of work (a transaction, or a decision taken at once); through the shared manager it is simply read.
 */
export function offeringOf(em: EntityManager, offeringId: string): Promise<OfferingEntity> {
  const cache = cacheOf(em);
  let offering = cache?.get(offeringId);
  if (!offering) {
    offering = em.findOneByOrFail(OfferingEntity, { id: offeringId });
    cache?.set(offeringId, offering);
  }
  return offering;
}

/** An offering read with the request (RequestStore.decideAtOnce), kept for the decision's connection. */
export function rememberOffering(em: EntityManager, offering: OfferingEntity): void {
  cacheOf(em)?.set(offering.id, Promise.resolve(offering));
}
