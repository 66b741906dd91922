import { Injectable } from '@nestjs/common';
import { CreditEntryEntity, PersonEntity } from '@lr/database';
import { Actor, authorizeObject } from '@lr/domain';
import { RequestStore } from './request-store';

/**
 * The credits registered for a student, with totals per unit. Not paginated: one student's record is a few
 * dozen lines at most, and the totals need all of them.
 */
@Injectable()
export class CreditRecordQuery {
  constructor(private readonly store: RequestStore) {}

  async get(actor: Actor, studentId: string) {
    const em = this.store.dataSource.manager;
    // 404 rather than 403 (the matrix sees a record through its read action): whether someone is a student
    // here is itself personal data.
    const student = authorizeObject(
      actor,
      'credit-record.read',
      await em.findOneBy(PersonEntity, { id: studentId, role: 'student' }),
      (s) => ({
        ownerId: s.id,
        home: { institutionCode: s.institutionCode, programmeCode: s.programmeCodes[0] ?? '' },
      }),
      { kind: 'student', id: studentId },
    );
    const entries = await em.find(CreditEntryEntity, {
      where: { studentId },
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
