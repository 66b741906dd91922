import { DomainError } from './errors';

export type CreditUnit = 'EC' | 'hours';
export const CREDIT_UNITS: readonly CreditUnit[] = ['EC', 'hours'];

/** One EC stands for 28 hours of study (ECTS as applied in the Netherlands; mbo counts study-load hours). */
export const HOURS_PER_EC = 28;

export interface Conversion {
  credits: number;
  unit: CreditUnit;
  /** How the figure was reached, kept with the recognition so it can be explained on appeal. */
  rule: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function convertCredits(credits: number, from: CreditUnit, to: CreditUnit): Conversion {
  if (from === to) return { credits: round2(credits), unit: to, rule: `none (${to} = ${to})` };
  if (from === 'hours' && to === 'EC') {
    return {
      credits: round2(credits / HOURS_PER_EC),
      unit: 'EC',
      rule: `hours ÷ ${HOURS_PER_EC} = EC`,
    };
  }
  return {
    credits: round2(credits * HOURS_PER_EC),
    unit: 'hours',
    rule: `EC × ${HOURS_PER_EC} = hours`,
  };
}

export function assertPositiveCredits(credits: number, field = 'credits'): void {
  if (!(credits > 0) || !Number.isFinite(credits)) {
    throw new DomainError('CREDITS.INVALID', `${field} must be a positive number.`, {
      field,
    });
  }
}
