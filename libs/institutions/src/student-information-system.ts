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

export interface StudentInformationSystem {
  /** Registers the application with the host's system and returns the host's reference for it. */
  announceAdmission(announcement: AdmissionAnnouncement): Promise<{ reference: string }>;
}

/**
 * For institutions whose admissions office works in Leerroutes itself: the application lives here, and the
 * reference is derived from the component so that a retried job gets the same one.
 */
export class InAppStudentInformationSystem implements StudentInformationSystem {
  constructor(private readonly institutionCode: string) {}

  announceAdmission(announcement: AdmissionAnnouncement): Promise<{ reference: string }> {
    return Promise.resolve({
      reference: `${this.institutionCode}/${announcement.offeringCode}/${announcement.componentId.slice(0, 8)}`,
    });
  }
}
