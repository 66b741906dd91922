import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  AuditClientAddressEntity,
  AuditEntryEntity,
  ComponentEntity,
  RequestEntity,
} from '@lr/database';
import { Actor, ForbiddenError, Scope, authorize, grantedScopes } from '@lr/domain';
import { Page, PageQuery, offsetOf } from './pagination';
import { RequestStore, requestScopes } from '../writer/request-store';

export interface AuditFilter extends PageQuery {
  requestId?: string;
}

/** An entry as a reader gets it: with the caller's address where the reader may have it, null otherwise. */
export interface AuditEntry extends AuditEntryEntity {
  clientAddress: string | null;
}

/**
 * Where someone called from is personal data that only a security investigation of their own institution
 * needs: only an admin of the institution the actor belongs to reads it (the system's own jobs have none).
 */
export function mayReadClientAddress(reader: Actor, entry: AuditEntryEntity): boolean {
  return reader.role === 'admin' && reader.institutionCode === entry.actorInstitutionCode;
}

/**
 * A draft is the student's alone until they submit it: nothing of a request that was never submitted (its
 * creation, a draft withdrawn) is in anyone's view of the log. The log stays append-only, so this is decided on
 * reading, by the request's primary key; submitted_at, once set, is never cleared. An offering's entries name
 * no request.
 */
const SUBMITTED_REQUESTS_ONLY =
  '(a.request_id IS NULL OR EXISTS (SELECT 1 FROM requests r WHERE r.id = a.request_id AND r.submitted_at IS NOT NULL))';

/**
 * Which audit rows a scope of 'audit.read' reaches. The log records the request's home side and who acted, not
 * the host: a host's rows are those its people, and the system acting for it, wrote. An offering's entries are
 * its institution's (home_institution_code), with no programme: its admins read them, no exam board does.
 */
const ROWS_IN_SCOPE: Partial<Record<Scope, string>> = {
  'own-programme':
    'a.home_institution_code = :institution AND a.home_programme_code IN (:...programmes)',
  'own-institution': 'a.home_institution_code = :institution',
  'host-institution': 'a.actor_institution_code = :institution',
};

/**
 * The audit log as far as an actor's scope reaches, newest first (the scopes of 'audit.read' in the
 * authorization matrix). A request named in the filter is checked like any object: 404 when the actor may not
 * see it.
 */
@Injectable()
export class AuditQuery {
  constructor(private readonly store: RequestStore) {}

  async list(actor: Actor, filter: AuditFilter): Promise<Page<AuditEntry>> {
    const conditions = grantedScopes('audit.read', actor.role).map((s) => ROWS_IN_SCOPE[s]);
    if (conditions.length === 0 || conditions.includes(undefined)) {
      throw new ForbiddenError('The audit log is for exam boards and admins, in their scope.');
    }
    if (filter.requestId) await this.authorizeRequest(actor, filter.requestId);
    const query = this.store.dataSource
      .createQueryBuilder(AuditEntryEntity, 'a')
      .where(`(${conditions.map((c) => `(${c})`).join(' OR ')})`, {
        institution: actor.institutionCode,
        programmes: [...actor.programmeCodes, ''],
      })
      .andWhere(SUBMITTED_REQUESTS_ONLY);
    if (filter.requestId)
      query.andWhere('a.request_id = :requestId', { requestId: filter.requestId });
    const [items, total] = await query
      .orderBy('a.id', 'DESC')
      .skip(offsetOf(filter))
      .take(filter.pageSize)
      .getManyAndCount();
    return {
      items: await this.withAddresses(actor, items),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  private async withAddresses(actor: Actor, entries: AuditEntryEntity[]): Promise<AuditEntry[]> {
    const readable = entries.filter((e) => mayReadClientAddress(actor, e)).map((e) => e.id);
    const addresses = readable.length
      ? await this.store.dataSource.manager.findBy(AuditClientAddressEntity, {
          auditId: In(readable),
        })
      : [];
    const byEntry = new Map(addresses.map((a) => [a.auditId, a.clientAddress]));
    return entries.map((e) => ({ ...e, clientAddress: byEntry.get(e.id) ?? null }));
  }

  private async authorizeRequest(actor: Actor, requestId: string): Promise<void> {
    const em = this.store.dataSource.manager;
    const [request, components] = await Promise.all([
      em.findOneBy(RequestEntity, { id: requestId }),
      em.findBy(ComponentEntity, { requestId }),
    ]);
    const scopes = request ? requestScopes(actor, request, components) : [];
    authorize(actor, 'audit.read', scopes, { kind: 'request', id: requestId });
  }
}
