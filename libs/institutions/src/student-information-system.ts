import type { PersonDefinition } from './institution.definition';

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

export interface StudentInformationSystem {
  /** Registers the application with the host's system and returns the host's reference for it. */
  announceAdmission(announcement: AdmissionAnnouncement): Promise<{ reference: string }>;
  /**
   * As the home institution: its statement on whether the student paid tuition for the academic year, or null
   * when it holds no record of that. Only reads, so a retried job may ask again.
   */
  proofOfPaidTuition(query: TuitionQuery): Promise<TuitionProof | null>;
}

/**
 * For institutions whose admissions office works in Leerroutes itself: the application lives here, and the
 * reference is derived from the component so that a retried job gets the same one. Tuition is answered from the
 * people it is given (the seeded demo students); anyone else has no record here.
 */
export class InAppStudentInformationSystem implements StudentInformationSystem {
  constructor(
    private readonly institutionCode: string,
    private readonly people: readonly PersonDefinition[] = [],
  ) {}

  announceAdmission(announcement: AdmissionAnnouncement): Promise<{ reference: string }> {
    return Promise.resolve({
      reference: `${this.institutionCode}/${announcement.offeringCode}/${announcement.componentId.slice(0, 8)}`,
    });
  }

  proofOfPaidTuition({ studentNumber, academicYear }: TuitionQuery): Promise<TuitionProof | null> {
    const record = this.people
      .find((p) => p.role === 'student' && p.studentNumber === studentNumber)
      ?.tuition?.find((r) => r.academicYear === academicYear);
    return Promise.resolve(record ? { ...record } : null);
  }
}
