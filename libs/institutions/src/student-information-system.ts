/**
 * The port to an institution's own student information system (in production an OOAPI client). The workflow
 * calls it from jobs, so it may be slow or fail; the job retries.
 */
export interface AdmissionAnnouncement {
  componentId: string;
  offeringCode: string;
  studentName: string;
  homeInstitutionCode: string;
}

export interface TuitionQuery {
  /** The student number at this (the home) institution. */
  studentNumber: string;
  /** 'yyyy-yyyy': the academic year of the unit the student takes elsewhere. */
  academicYear: string;
}

/** The home institution's statement on a student's tuition for one academic year (bewijs betaald collegegeld). */
export interface TuitionProof {
  academicYear: string;
  paid: boolean;
  reference: string;
  /** ISO date (yyyy-mm-dd) the statement was issued. */
  issuedOn: string;
}

/** What a home institution's records say about one of its students. */
export interface StudentRecord {
  studentNumber: string;
  /** The programmes the student is enrolled in. */
  programmeCodes: string[];
}

export interface StudentInformationSystem {
  /** Registers the application with the host's system and returns the host's reference for it. */
  announceAdmission(announcement: AdmissionAnnouncement): Promise<{ reference: string }>;
  /**
   * As the home institution: its statement on whether the student paid tuition for the academic year, or null
   * when it holds no record of that. Only reads, so a retried job may ask again.
   */
  proofOfPaidTuition(query: TuitionQuery): Promise<TuitionProof | null>;
  /**
   * As the home institution: the student its records hold under the subject its identity provider gives them
   * (in OOAPI, persons/me), or null when it knows no such student. Asked when a student signs in.
   */
  studentRecord(subject: string): Promise<StudentRecord | null>;
}

/**
 * The records of institutions that keep their students in Leerroutes itself (the student_register table):
 * what the in-app system answers from. Kept by the institution's admins (StudentRegisterWriter), in development
 * also by the demo seed.
 */
export interface StudentRegister {
  student(institutionCode: string, subject: string): Promise<StudentRecord | null>;
  tuition(
    institutionCode: string,
    studentNumber: string,
    academicYear: string,
  ): Promise<TuitionProof | null>;
}

/** What this application hands an institution's adapter when it starts. */
export interface SystemContext {
  register: StudentRegister;
}

/** Makes an institution's adapter; an adapter that talks to a system elsewhere ignores what it is given. */
export type StudentInformationSystemFactory = (context: SystemContext) => StudentInformationSystem;

/**
 * For institutions whose admissions office works in Leerroutes itself: the application lives here, and the
 * reference is derived from the component so that a retried job gets the same one. Students and their tuition
 * are answered from the institution's student register; anyone else has no record here.
 */
export class InAppStudentInformationSystem implements StudentInformationSystem {
  constructor(
    private readonly institutionCode: string,
    private readonly register: StudentRegister,
  ) {}

  announceAdmission(announcement: AdmissionAnnouncement): Promise<{ reference: string }> {
    return Promise.resolve({
      reference: `${this.institutionCode}/${announcement.offeringCode}/${announcement.componentId.slice(0, 8)}`,
    });
  }

  proofOfPaidTuition({ studentNumber, academicYear }: TuitionQuery): Promise<TuitionProof | null> {
    return this.register.tuition(this.institutionCode, studentNumber, academicYear);
  }

  studentRecord(subject: string): Promise<StudentRecord | null> {
    return this.register.student(this.institutionCode, subject);
  }
}

/** The in-app system of one institution, for its definition. */
export function inAppStudentInformationSystem(
  institutionCode: string,
): StudentInformationSystemFactory {
  return ({ register }) => new InAppStudentInformationSystem(institutionCode, register);
}
