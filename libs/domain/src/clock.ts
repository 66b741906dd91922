/** Time as the workflow sees it; tests move it without sleeping. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/** ISO calendar date (yyyy-mm-dd) in the Netherlands, where enrolment deadlines are set. */
export function dutchDate(at: Date): string {
  return at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 24 * 3600 * 1000);
}
