import { DataSource } from 'typeorm';
import { StudentRegisterEntity } from '@lr/database';
import type { StudentRecord, StudentRegister, TuitionProof } from './student-information-system';

/** Everything an institution's register holds of one student: their record and their tuition, year by year. */
export interface RegisteredStudent extends StudentRecord {
  institutionCode: string;
  subject: string;
  tuition: TuitionProof[];
}

/** The student register in this application's database. StudentRegisterWriter is the one place that writes it. */
export class DatabaseStudentRegister implements StudentRegister {
  constructor(private readonly dataSource: DataSource) {}

  /** The whole entry, as the institution's administration reads back what it keeps. */
  async entry(institutionCode: string, subject: string): Promise<RegisteredStudent | null> {
    const row = await this.dataSource.manager.findOneBy(StudentRegisterEntity, {
      institutionCode,
      subject,
    });
    return row && registeredStudent(row);
  }

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
    return record ? tuitionProof(record) : null;
  }
}

/** A row as the register's entry: only the fields the interfaces name, whatever the jsonb holds besides. */
export function registeredStudent(row: StudentRegisterEntity): RegisteredStudent {
  return {
    institutionCode: row.institutionCode,
    subject: row.subject,
    studentNumber: row.studentNumber,
    programmeCodes: row.programmeCodes,
    tuition: row.tuition.map(tuitionProof),
  };
}

function tuitionProof(record: TuitionProof): TuitionProof {
  return {
    academicYear: record.academicYear,
    paid: record.paid,
    reference: record.reference,
    issuedOn: record.issuedOn,
  };
}

/** For a registry made without a database (unit tests of the definitions): no institution's records answer. */
export const NO_STUDENT_REGISTER: StudentRegister = {
  student: () => Promise.reject(new Error('This registry was made without a student register.')),
  tuition: () => Promise.reject(new Error('This registry was made without a student register.')),
};
