import { Injectable } from '@nestjs/common';
import { CreditEntryEntity, PersonEntity } from '@lr/database';
import { Actor, PersonKey, authorizeObject } from '@lr/domain';
import { RequestStore } from '../writer/request-store';

/**
 * The credits registered for a student, with totals per unit. Not paginated: one student's record is a few
 * dozen lines at most, and the totals need all of them.
 */
@Injectable()
export class CreditRecordQuery {
  constructor(private readonly store: RequestStore) {}

  /**
   * The record of a student named by subject alone (in a path): one of the reader's own institution, the only
   * one whose records they may read (the student themselves, its registrars and admins).
   */
  get(actor: Actor, studentId: string) {
    return this.of(actor, { institutionCode: actor.institutionCode, id: studentId });
  }

  async of(actor: Actor, key: PersonKey) {
    const em = this.store.dataSource.manager;
    // 404 rather than 403 (the matrix sees a record through its read action): whether someone is a student
    // here is itself personal data.
    const student = authorizeObject(
      actor,
      'credit-record.read',
      await em.findOneBy(PersonEntity, {
        institutionCode: key.institutionCode,
        id: key.id,
        role: 'student',
      }),
      (s) => ({
        owner: s,
        home: { institutionCode: s.institutionCode, programmeCode: s.programmeCodes[0] ?? '' },
      }),
      { kind: 'student', id: key.id },
    );
    const entries = await em.find(CreditEntryEntity, {
      where: { institutionCode: key.institutionCode, studentId: key.id },
      order: { registeredAt: 'ASC', id: 'ASC' },
    });
    const totals: Record<string, number> = {};
    for (const e of entries)
      totals[e.creditUnit] = Math.round(((totals[e.creditUnit] ?? 0) + e.credits) * 100) / 100;
    return {
      student: {
        id: student.id,
        name: student.name,
        studentNumber: student.studentNumber,
        institutionCode: student.institutionCode,
      },
      entries,
      totals,
    };
  }
}
