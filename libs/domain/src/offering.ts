import { academicYearOf } from './tuition';

/** The languages an offering is taught in, as the catalogue filters them. */
export const OFFERING_LANGUAGES = ['nl', 'en'] as const;
export type OfferingLanguage = (typeof OFFERING_LANGUAGES)[number];

/**
 * An open offering is in the catalogue and can be requested; a closed one is neither, yet stays: requests made
 * for it go on, and their timelines and credit records name it.
 */
export const OFFERING_STATUSES = ['open', 'closed'] as const;
export type OfferingStatus = (typeof OFFERING_STATUSES)[number];

/** An institution's own code for a unit: letters and digits, with dots, hyphens or underscores between. */
export const OFFERING_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/**
 * A teaching period: its academic year, then the institution's own name for the part of it ('2026-2027 P3',
 * '2026-2027 semester 2', '2026-2027 blok 3-4'). Proof of paid tuition is asked for that academic year.
 */
const PERIOD = /^\d{4}-\d{4} [\p{L}\p{N}][\p{L}\p{N} ./-]{0,29}$/u;

export function isPeriod(period: string): boolean {
  return PERIOD.test(period) && academicYearOf(period) !== undefined;
}

export function offeringStatus({ closedAt }: { closedAt: Date | null }): OfferingStatus {
  return closedAt ? 'closed' : 'open';
}
