import type { Clock } from '@lr/workflow/domain';

/** A clock the test sets and moves; the workflow reads it instead of the system time. */
export class TestClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }

  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 24 * 3600 * 1000);
  }
}
