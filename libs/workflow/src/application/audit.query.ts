import { Injectable } from '@nestjs/common';
import { AuditEntryEntity } from '@lr/database';
import { Actor, ForbiddenError } from '@lr/domain';
import { Page, PageQuery, offsetOf } from './pagination';
import { RequestStore } from './request-store';

export interface AuditFilter extends PageQuery {
  requestId?: string;
}

/**
 * The audit log as far as an actor's scope reaches, newest first. An exam board reads what concerns the requests
 * of its programmes; an admin what concerns their institution's students and what their institution's people
 * did. Nobody else reads it.
 */
@Injectable()
export class AuditQuery {
  constructor(private readonly store: RequestStore) {}

  async list(actor: Actor, filter: AuditFilter): Promise<Page<AuditEntryEntity>> {
    const query = this.store.dataSource.createQueryBuilder(AuditEntryEntity, 'a');
    if (actor.role === 'exam-board') {
      query
        .where('a.home_institution_code = :institution', { institution: actor.institutionCode })
        .andWhere('a.home_programme_code IN (:...programmes)', {
          programmes: [...actor.programmeCodes, ''],
        });
    } else if (actor.role === 'admin') {
      query.where(
        '(a.home_institution_code = :institution OR a.actor_institution_code = :institution)',
        { institution: actor.institutionCode },
      );
    } else {
      throw new ForbiddenError('The audit log is for exam boards and admins.');
    }
    if (filter.requestId)
      query.andWhere('a.request_id = :requestId', { requestId: filter.requestId });
    const [items, total] = await query
      .orderBy('a.id', 'DESC')
      .skip(offsetOf(filter))
      .take(filter.pageSize)
      .getManyAndCount();
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }
}
