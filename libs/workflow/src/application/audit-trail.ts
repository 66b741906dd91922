import { EntityManager } from 'typeorm';
import { AuditEntryEntity, RequestEntity } from '@lr/database';
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

/** Appends to the audit log in the change's own transaction: the change and its record commit together. */
export async function recordAudit(em: EntityManager, change: AuditedChange): Promise<void> {
  await em.insert(AuditEntryEntity, {
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
    clientAddress: change.actor.clientAddress ?? null,
  });
}
