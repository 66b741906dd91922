import { Agent, request } from 'http';
import { EndpointStats } from './endpoint-stats';
import { stopwatch } from './timing';

export type Method = 'GET' | 'POST';

export interface CallOptions {
  /** Values for the route template's `:name` segments. */
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  /** A bearer token (see BearerTokens). */
  token?: string;
}

export interface BenchResponse<T = unknown> {
  endpoint: string;
  status: number;
  body: T;
}

/**
 * The benchmark's client for the API: keep-alive connections (node:http; the undici package is not installed),
 * and every call recorded under its endpoint in `stats`, from sending to the last byte of the answer. Sockets
 * are not capped by default, so a call never waits for the client's pool and its latency is the server's;
 * `maxSockets` caps them when the load should share a fixed number of connections.
 */
export class BenchHttpClient {
  readonly stats = new EndpointStats();
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    { maxSockets = Infinity }: { maxSockets?: number } = {},
  ) {
    // An idle connection is closed by the client after 4 s, before the API's own 5 s keep-alive timeout: the
    // other way round, a request sent on a connection the server is closing is reset.
    this.agent = new Agent({ keepAlive: true, maxSockets, timeout: 4000 });
  }

  get<T>(route: string, options: CallOptions = {}): Promise<BenchResponse<T>> {
    return this.call<T>('GET', route, options);
  }

  post<T>(route: string, options: CallOptions = {}): Promise<BenchResponse<T>> {
    return this.call<T>('POST', route, { body: {}, ...options });
  }

  call<T>(method: Method, route: string, options: CallOptions = {}): Promise<BenchResponse<T>> {
    const endpoint = `${method} ${route}`;
    const url = new URL(pathOf(route, options), this.baseUrl);
    const payload =
      options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (payload)
      Object.assign(headers, {
        'content-type': 'application/json',
        'content-length': payload.length,
      });
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const elapsed = stopwatch();
    return new Promise((resolve, reject) => {
      const failed = (error: Error) => {
        this.stats.record(endpoint, elapsed(), 0);
        reject(new Error(`${endpoint}: ${error.message}`));
      };
      const req = request(url, { method, agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', failed);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          this.stats.record(endpoint, elapsed(), status);
          const text = Buffer.concat(chunks).toString();
          const json = /json/.test(res.headers['content-type'] ?? '') && text.length > 0;
          try {
            resolve({ endpoint, status, body: (json ? JSON.parse(text) : text) as T });
          } catch {
            reject(new Error(`${endpoint}: HTTP ${status} with a body that is not JSON: ${text}`));
          }
        });
      });
      req.on('error', failed);
      req.end(payload);
    });
  }

  /** Closes the kept-alive connections, so the process can exit. */
  close(): void {
    this.agent.destroy();
  }
}

/** The response's body when its status is one of those expected; otherwise an error that shows the body. */
export function expectStatus<T>(response: BenchResponse<T>, ...expected: number[]): T {
  if (!expected.includes(response.status)) {
    throw new Error(
      `${response.endpoint}: expected HTTP ${expected.join(' or ')}, got ${response.status}: ` +
        JSON.stringify(response.body),
    );
  }
  return response.body;
}

function pathOf(route: string, { params = {}, query }: CallOptions): string {
  const path = route.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${route}`);
    return encodeURIComponent(value);
  });
  if (!query) return path;
  const search = new URLSearchParams();
  Object.entries(query).forEach(([key, value]) => search.set(key, String(value)));
  return `${path}?${search.toString()}`;
}
