import { DataSource } from 'typeorm';
import { StudentRegisterEntity } from '@lr/database';
import type { StudentRecord, StudentRegister, TuitionProof } from './student-information-system';

/** The student register in this application's database. */
export class DatabaseStudentRegister implements StudentRegister {
  constructor(private readonly dataSource: DataSource) {}

  async student(institutionCode: string, subject: string): Promise<StudentRecord | null> {
    const row = await this.dataSource.manager.findOne(StudentRegisterEntity, {
      where: { institutionCode, subject },
      select: { studentNumber: true, programmeCodes: true },
    });
    return row && { studentNumber: row.studentNumber, programmeCodes: row.programmeCodes };
  }

  async tuition(
    institutionCode: string,
    studentNumber: string,
    academicYear: string,
  ): Promise<TuitionProof | null> {
    const row = await this.dataSource.manager.findOne(StudentRegisterEntity, {
      where: { institutionCode, studentNumber },
      select: { tuition: true },
    });
    const record = row?.tuition.find((t) => t.academicYear === academicYear);
    return record
      ? {
          academicYear: record.academicYear,
          paid: record.paid,
          reference: record.reference,
          issuedOn: record.issuedOn,
        }
      : null;
  }
}

/** For a registry made without a database (unit tests of the definitions): no institution's records answer. */
export const NO_STUDENT_REGISTER: StudentRegister = {
  student: () => Promise.reject(new Error('This registry was made without a student register.')),
  tuition: () => Promise.reject(new Error('This registry was made without a student register.')),
};
