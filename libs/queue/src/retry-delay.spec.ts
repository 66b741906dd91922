import { retryDelayMs } from './job-catalogue';

describe('the wait before a failed job is tried again', () => {
  it('doubles from one second with every attempt made', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, Infinity))).toEqual([
      1000, 2000, 4000, 8000, 16000,
    ]);
  });

  it('never waits longer than the cap', () => {
    expect([3, 4, 5, 14].map((n) => retryDelayMs(n, 8000))).toEqual([4000, 8000, 8000, 8000]);
  });

  it('keeps the whole doubling of the fifteen attempts under the default cap', () => {
    expect(retryDelayMs(15, 16_384_000)).toBe(16_384_000);
    expect(retryDelayMs(14, 16_384_000)).toBe(8_192_000);
  });
});
