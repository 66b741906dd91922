import { Injectable } from '@nestjs/common';
import { randomInt } from 'crypto';
import { DataSource } from 'typeorm';
import { PersonEntity, StudentRegisterEntity, violatesUnique } from '@lr/database';
import { ConflictError, DomainError, ErrorCode } from '@lr/domain';
import { InstitutionRegistry } from './institution.registry';
import type { TuitionProof } from './student-information-system';
import { RegisteredStudent, registeredStudent } from './student-register';

/** What the administration records of a student; tuition left out keeps what the register holds. */
export interface StudentEntry {
  studentNumber: string;
  programmeCodes: string[];
  tuition?: TuitionProof[];
}

/** The unique constraint that gives each student number at an institution to one student (StudentRegisterEntity). */
const NUMBER_CONSTRAINT = 'uq_student_register_number';
export const STUDENT_NUMBER_TAKEN: ErrorCode = 'STUDENT_REGISTER.NUMBER_TAKEN';

/** How often a new number is drawn again when the one drawn is taken: with 9 million to choose from, rarely. */
const NUMBER_DRAWS = 5;

/**
 * The one place that writes the student register, for the institution's own administration (its admins, through
 * the API) and for the development issuer's stand-in for it. A person already recorded from their sign-in gets
 * the new student number and programmes in the same transaction, so that hosts, registrars and exam boards read
 * what the register now says. What the API acts on for a student who is signed in is what their sign-in found:
 * PeopleProvisioning remembers it until their token expires, in each API process, so a change reaches the
 * student themselves within one token lifetime.
 */
@Injectable()
export class StudentRegisterWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: InstitutionRegistry,
  ) {}

  /**
   * Records the student under their subject, replacing what the register held of them. Refuses (400) a programme
   * the institution does not have, and (409) a student number that is another student's here.
   */
  async register(
    institutionCode: string,
    subject: string,
    entry: StudentEntry,
  ): Promise<RegisteredStudent> {
    const institution = this.registry.get(institutionCode);
    entry.programmeCodes.forEach((code, i) => {
      if (!institution.programmes.some((p) => p.code === code)) {
        throw new DomainError(
          'STUDENT_REGISTER.UNKNOWN_PROGRAMME',
          `${institution.name} has no programme ${code}.`,
          { field: `programmeCodes.${i}` },
        );
      }
    });
    const tuition = entry.tuition === undefined ? null : JSON.stringify(entry.tuition);
    try {
      return await this.dataSource.transaction(async (em) => {
        const [row] = await em.query<StudentRegisterEntity[]>(
          `INSERT INTO student_register (institution_code, subject, student_number, programme_codes, tuition)
           VALUES ($1, $2, $3, $4, COALESCE($5::jsonb, '[]'))
           ON CONFLICT (institution_code, subject) DO UPDATE SET student_number = EXCLUDED.student_number,
             programme_codes = EXCLUDED.programme_codes,
             tuition = COALESCE($5::jsonb, student_register.tuition)
           RETURNING institution_code AS "institutionCode", subject, student_number AS "studentNumber",
             programme_codes AS "programmeCodes", tuition`,
          [institutionCode, subject, entry.studentNumber, entry.programmeCodes, tuition],
        );
        await em.update(
          PersonEntity,
          { institutionCode, id: subject, role: 'student' },
          { studentNumber: entry.studentNumber, programmeCodes: entry.programmeCodes },
        );
        return registeredStudent(row);
      });
    } catch (error) {
      if (violatesUnique(error, NUMBER_CONSTRAINT)) {
        throw new ConflictError(
          STUDENT_NUMBER_TAKEN,
          `Student number ${entry.studentNumber} is another student's at ${institution.name}.`,
          { field: 'studentNumber' },
        );
      }
      throw error;
    }
  }

  /**
   * Records a new student under a number the register does not hold yet, as an administration numbers those it
   * enrols: 'd' and seven digits, which no demo number looks like.
   */
  async registerNew(
    institutionCode: string,
    subject: string,
    programmeCodes: string[],
  ): Promise<RegisteredStudent> {
    for (let draw = 1; ; draw++) {
      const studentNumber = `d${randomInt(1_000_000, 10_000_000)}`;
      try {
        return await this.register(institutionCode, subject, { studentNumber, programmeCodes });
      } catch (error) {
        const taken = error instanceof ConflictError && error.code === STUDENT_NUMBER_TAKEN;
        if (!taken || draw === NUMBER_DRAWS) throw error;
      }
    }
  }
}
