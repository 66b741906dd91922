import { OfferingEntity } from '@lr/database';
import { DomainError, ErrorCode, OfferingLanguage, isPeriod } from '@lr/domain';
import type { InstitutionDefinition } from './institution.definition';

/**
 * An offering as it comes in, from an institution's admin, its own system or the demo seed: what the institution
 * decides about a unit it offers. The places taken are the workflow's, never part of it.
 */
export interface OfferingDraft {
  /** The institution's own code, unique within it. */
  code: string;
  /** The institution's programme that offers it. */
  programmeCode: string;
  title: string;
  description: string;
  /** In the institution's credit unit. */
  credits: number;
  /** Starts with its academic year: '2026-2027 P3'. */
  period: string;
  language: OfferingLanguage;
  capacity: number;
  /** When full, students go on a waiting list instead of being refused. */
  waitingList?: boolean;
  /** ISO date (yyyy-mm-dd): the last day the host admits students. */
  enrolmentDeadline: string;
  prerequisites: string[];
}

/** What is wrong with a draft for this institution, each with the field it is about. */
export function offeringProblems(
  institution: InstitutionDefinition,
  draft: Pick<OfferingDraft, 'programmeCode' | 'period'>,
): { field: keyof OfferingDraft; code: ErrorCode; message: string }[] {
  const problems: { field: keyof OfferingDraft; code: ErrorCode; message: string }[] = [];
  if (!institution.programmes.some((p) => p.code === draft.programmeCode)) {
    problems.push({
      field: 'programmeCode',
      code: 'OFFERING.UNKNOWN_PROGRAMME',
      message: `${institution.name} has no programme ${draft.programmeCode}.`,
    });
  }
  // Proof of paid tuition is asked for the academic year the unit runs in.
  if (!isPeriod(draft.period)) {
    problems.push({
      field: 'period',
      code: 'OFFERING.INVALID_PERIOD',
      message: `Period '${draft.period}' does not start with an academic year, as in '2026-2027 P3'.`,
    });
  }
  return problems;
}

/** Refuses (400, naming the field) a draft the institution cannot offer. */
export function refuseInvalidOffering(
  institution: InstitutionDefinition,
  draft: Pick<OfferingDraft, 'programmeCode' | 'period'>,
): void {
  const [problem] = offeringProblems(institution, draft);
  if (problem) {
    throw new DomainError(problem.code, problem.message, { field: problem.field });
  }
}

/** The row of a new, open offering with no places taken, in the institution's credit unit. */
export function newOfferingRow(
  institution: InstitutionDefinition,
  draft: OfferingDraft,
): OfferingEntity {
  return Object.assign(new OfferingEntity(), {
    institutionCode: institution.code,
    programmeCode: draft.programmeCode,
    code: draft.code,
    title: draft.title,
    description: draft.description,
    credits: draft.credits,
    creditUnit: institution.creditUnit,
    period: draft.period,
    language: draft.language,
    capacity: draft.capacity,
    waitingList: draft.waitingList ?? false,
    enrolledCount: 0,
    enrolmentDeadline: draft.enrolmentDeadline,
    prerequisites: draft.prerequisites,
    version: 1,
    closedAt: null,
  });
}
