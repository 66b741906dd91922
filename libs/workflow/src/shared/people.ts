import { EntityManager } from 'typeorm';
import { NotificationEntity, PersonEntity, RequestEntity } from '@lr/database';
import { PersonKey } from '@lr/domain';

/** A person's row, found by institution and subject together: a subject alone may name people of two issuers. */
export function findPerson(em: EntityManager, key: PersonKey): Promise<PersonEntity | null> {
  return em.findOneBy(PersonEntity, { institutionCode: key.institutionCode, id: key.id });
}

/** The student of a request: always one of its home institution. */
export function studentOf(request: RequestEntity): PersonKey {
  return { institutionCode: request.homeInstitutionCode, id: request.studentId };
}

export function recipientOf(notification: NotificationEntity): PersonKey {
  return { institutionCode: notification.recipientInstitutionCode, id: notification.recipientId };
}

/** The where clause for a person's requests. */
export function requestsOf(student: PersonKey) {
  return { homeInstitutionCode: student.institutionCode, studentId: student.id };
}

/** The where clause for a person's notifications. */
export function notificationsOf(recipient: PersonKey) {
  return { recipientInstitutionCode: recipient.institutionCode, recipientId: recipient.id };
}
