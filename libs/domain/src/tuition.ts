import type { LearningRoute } from './route';

/**
 * What the home institution says about the student's tuition for the academic year of a unit elsewhere:
 * paid, not paid, or unknown (its system holds no record, e.g. an mbo student, who pays no collegegeld).
 */
export type TuitionProofStatus = 'paid' | 'not-paid' | 'unknown';
export const TUITION_PROOF_STATUSES: readonly TuitionProofStatus[] = [
  'paid',
  'not-paid',
  'unknown',
];

/**
 * Between institutions a student pays tuition once: a host that would otherwise charge it asks the home
 * institution for proof (bewijs betaald collegegeld). Within one institution (route 4) the student already
 * pays the host, so there is nothing to prove and nothing to send.
 */
export function needsProofOfPaidTuition(route: LearningRoute, hostAsks: boolean): boolean {
  return hostAsks && route !== 4;
}

/**
 * The academic year a teaching period falls in: periods are written from it ('2026-2027 P3'). Undefined for a
 * period that does not start with one; the institution registry refuses such offerings at start.
 */
export function academicYearOf(period: string): string | undefined {
  const match = /^(\d{4})-(\d{4})(\s|$)/.exec(period);
  return match && Number(match[2]) === Number(match[1]) + 1 ? `${match[1]}-${match[2]}` : undefined;
}
