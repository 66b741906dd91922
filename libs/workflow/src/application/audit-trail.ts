import { EntityManager } from 'typeorm';
import { AuditClientAddressEntity, AuditEntryEntity, RequestEntity } from '@lr/database';
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

/**
 * Appends to the audit log in the change's own transaction: the change and its record commit together. The
 * caller's address goes into a table of its own, which the retention empties (AuditAddressRetention).
 */
export async function recordAudit(em: EntityManager, change: AuditedChange): Promise<void> {
  const { identifiers } = await em.insert(AuditEntryEntity, {
    at: change.at,
    actorId: change.actor.id,
    actorRole: change.actor.role,
    actorInstitutionCode: change.actor.institutionCode,
    action: change.action,
    objectType: change.objectType,
    objectId: change.objectId,
    requestId: change.request.id,
    homeInstitutionCode: change.request.homeInstitutionCode,
    homeProgrammeCode: change.request.homeProgrammeCode,
    requestVersion: change.request.version,
    motivation: change.motivation ?? null,
  });
  if (change.actor.clientAddress) {
    await em.insert(AuditClientAddressEntity, {
      auditId: (identifiers[0] as { id: string }).id,
      clientAddress: change.actor.clientAddress,
      recordedAt: change.at,
    });
  }
}
