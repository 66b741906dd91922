import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditEntryEntity, NotificationEntity, RequestEntity } from '@lr/database';
import { Actor, NotFoundError, authorizeOwn } from '@lr/domain';
import { CreditRecordQuery } from './credit-record.query';
import { findPerson, notificationsOf, requestsOf } from '../shared/people';
import { RequestStore } from '../writer/request-store';
import { RequestViewsQuery } from './request-views.query';

/**
 * Everything Leerroutes holds about a student, in one JSON document (the AVG/GDPR right of access, art. 15):
 * their person record, every request with its components, results, recognitions and timeline, their credit
 * record, their notifications, and the audit log's entries on their requests (without client addresses).
 */
@Injectable()
export class PersonalDataExportQuery {
  constructor(
    private readonly store: RequestStore,
    private readonly views: RequestViewsQuery,
    private readonly credits: CreditRecordQuery,
  ) {}

  async export(actor: Actor) {
    authorizeOwn(actor, 'me.export');
    const em = this.store.dataSource.manager;
    const person = await findPerson(em, actor);
    if (!person) throw new NotFoundError('student', actor.id);
    const requests = await em.find(RequestEntity, {
      where: requestsOf(actor),
      order: { createdAt: 'ASC', id: 'ASC' },
      select: { id: true },
    });
    const ids = requests.map((r) => r.id);
    const [views, creditRecord, notifications, audit] = await Promise.all([
      Promise.all(ids.map((id) => this.views.get(actor, id))),
      this.credits.of(actor, actor),
      em.find(NotificationEntity, {
        where: notificationsOf(actor),
        order: { createdAt: 'ASC' },
      }),
      ids.length
        ? em.find(AuditEntryEntity, { where: { requestId: In(ids) }, order: { id: 'ASC' } })
        : [],
    ]);
    return {
      exportedAt: this.store.now(),
      person: {
        id: person.id,
        name: person.name,
        email: person.email,
        studentNumber: person.studentNumber,
        institutionCode: person.institutionCode,
        programmeCodes: person.programmeCodes,
      },
      requests: views,
      creditRecord,
      notifications,
      // Where a call came from is for the caller's own institution's admins, not in a student's export: the
      // entries on a student's request hold the addresses of their exam board and the host's staff too.
      audit: audit.map((entry) => ({ ...entry, clientAddress: null })),
    };
  }
}
