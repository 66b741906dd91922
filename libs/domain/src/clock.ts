/** Time as the workflow sees it; tests move it without sleeping. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

// Made once: toLocaleDateString with a time zone builds a new formatter on every call, which showed in profiles.
const DUTCH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' });
const DUTCH_DATE_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** ISO calendar date (yyyy-mm-dd) in the Netherlands, where enrolment deadlines are set. */
export function dutchDate(at: Date): string {
  return DUTCH_DATE.format(at);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 24 * 3600 * 1000);
}

/** The moment an Amsterdam calendar day (yyyy-mm-dd) has ended: a deadline "on" that day has passed then. */
export function startOfNextDutchDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const nextDay = dutchDate(new Date(Date.UTC(y, m - 1, d + 1, 12)));
  // Amsterdam is one or two hours ahead of UTC; take the offset at which that day's local midnight falls.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(Date.UTC(y, m - 1, d + 1, -offsetHours));
    const local = DUTCH_DATE_TIME.format(candidate);
    if (local.startsWith(`${nextDay} 00:00`)) return candidate;
  }
  throw new Error(`Cannot place the end of ${day} in Amsterdam time`);
}

/** Rejects when the promise has not settled within ms: for calls to systems outside ours that may hang. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
