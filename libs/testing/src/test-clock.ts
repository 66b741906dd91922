import { addDays } from '@lr/domain';
import type { Clock } from '@lr/domain';

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
    this.current = addDays(this.current, days);
  }
}
