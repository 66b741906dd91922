/** Figures of a set of timings, in the unit they were recorded in (milliseconds throughout the benchmarks). */
export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The nearest-rank percentile: a value that was observed, never one interpolated between two. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  return percentileOfSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
}

/** p50, p95, p99 and the maximum of values, sorted once. NaN for each figure when there are no values. */
export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
    max: sorted.length ? round(sorted[sorted.length - 1]) : Number.NaN,
  };
}

/** Two decimals: finer than any timer here can tell apart. */
export function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[rank]);
}
