import { markdownTable } from './scenario';
import { Distribution, distribution } from './stats';

/** Latency of one endpoint (method and route template) in ms, and its error responses by status. */
export interface EndpointFigures extends Distribution {
  endpoint: string;
  /** Status → count, for 4xx and 5xx; status 0 is a request that got no response at all. */
  errors: Record<string, number>;
}

/**
 * Latencies and errors per endpoint. An endpoint is a route template (`POST /requests/:id/submit`), never a
 * concrete path, so the calls of all requests of a kind come together.
 */
export class EndpointStats {
  private readonly latencies = new Map<string, number[]>();
  private readonly errors = new Map<string, Map<number, number>>();

  record(endpoint: string, ms: number, status: number): void {
    const list = this.latencies.get(endpoint) ?? [];
    list.push(ms);
    this.latencies.set(endpoint, list);
    if (status === 0 || status >= 400) {
      const byStatus = this.errors.get(endpoint) ?? new Map<number, number>();
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      this.errors.set(endpoint, byStatus);
    }
  }

  /** In the order the endpoints were first called: for a journey, the order of its steps. */
  figures(): EndpointFigures[] {
    return [...this.latencies].map(([endpoint, values]) => ({
      endpoint,
      ...distribution(values),
      errors: Object.fromEntries(this.errors.get(endpoint) ?? []),
    }));
  }

  errorCount(): number {
    let total = 0;
    this.errors.forEach((byStatus) => byStatus.forEach((count) => (total += count)));
    return total;
  }

  /** Forgets everything recorded, e.g. after a warm-up. */
  reset(): void {
    this.latencies.clear();
    this.errors.clear();
  }
}

/** Endpoint figures as a markdown table (ms), errors as `count× status`. */
export function endpointTable(figures: readonly EndpointFigures[]): string {
  return markdownTable(
    ['endpoint', 'calls', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'],
    figures.map((e) => [
      e.endpoint,
      e.count,
      e.p50,
      e.p95,
      e.p99,
      e.max,
      Object.entries(e.errors)
        .map(([status, n]) => `${n}× ${status}`)
        .join(', ') || 0,
    ]),
  );
}
