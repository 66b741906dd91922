import { EntityManager } from 'typeorm';
import {
  AuditClientAddressEntity,
  AuditEntryEntity,
  AuditedFieldChange,
  OfferingEntity,
  RequestEntity,
} from '@lr/database';
import type { Actor } from '@lr/domain';

export interface AuditedChange {
  actor: Actor;
  /** A state-table event, or 'create'. */
  action: string;
  objectType: 'request' | 'component';
  objectId: string;
  /** The request as it is after the change (its version included). */
  request: RequestEntity;
  motivation?: string | null;
  at: Date;
}

export interface AuditedOfferingChange {
  actor: Actor;
  action: 'create' | 'change' | 'close' | 'reopen';
  /** The offering as it is after the change. */
  offering: OfferingEntity;
  /** What changed, field by field (for a new offering: what it was created with). */
  changes?: AuditedFieldChange[];
  /** Why, where the change says: a synchronisation names its run. */
  motivation?: string | null;
  at: Date;
}

/**
 * Appends to the audit log in the change's own transaction: the change and its record commit together. The
 * caller's address goes into a table of its own, which the retention empties (AuditAddressRetention).
 */
export function recordAudit(em: EntityManager, change: AuditedChange): Promise<void> {
  return append(em, change.actor, {
    at: change.at,
    action: change.action,
    objectType: change.objectType,
    objectId: change.objectId,
    requestId: change.request.id,
    homeInstitutionCode: change.request.homeInstitutionCode,
    homeProgrammeCode: change.request.homeProgrammeCode,
    requestVersion: change.request.version,
    motivation: change.motivation ?? null,
    changes: null,
  });
}

/**
 * An offering's change, by its institution's admin or by a synchronisation from its own system: read by that
 * institution's admins, never by an exam board (no programme is named), and part of no request.
 */
export function recordOfferingAudit(
  em: EntityManager,
  change: AuditedOfferingChange,
): Promise<void> {
  return append(em, change.actor, {
    at: change.at,
    action: change.action,
    objectType: 'offering',
    objectId: change.offering.id,
    requestId: null,
    homeInstitutionCode: change.offering.institutionCode,
    homeProgrammeCode: null,
    requestVersion: null,
    motivation: change.motivation ?? null,
    changes: change.changes ?? null,
  });
}

type Entry = Omit<AuditEntryEntity, 'id' | 'actorId' | 'actorRole' | 'actorInstitutionCode'>;

async function append(em: EntityManager, actor: Actor, entry: Entry): Promise<void> {
  const { identifiers } = await em.insert(AuditEntryEntity, {
    ...entry,
    actorId: actor.id,
    actorRole: actor.role,
    actorInstitutionCode: actor.institutionCode,
  });
  if (actor.clientAddress) {
    await em.insert(AuditClientAddressEntity, {
      auditId: (identifiers[0] as { id: string }).id,
      clientAddress: actor.clientAddress,
      recordedAt: entry.at,
    });
  }
}
