import { IncomingHttpHeaders, Server, createServer } from 'http';
import type { AddressInfo } from 'net';
import { waitFor } from '@lr/testing';

export interface ReceivedCallback {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/**
 * Stands in for Leerroutes' OOAPI provider side: takes PATCH /ooapi/v5/associations/{id}, records what came,
 * and answers 200, or an error as often as a test asks.
 */
export class CallbackReceiver {
  readonly received: ReceivedCallback[] = [];
  private readonly failures = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<CallbackReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const receiver = new CallbackReceiver(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    );
    server.on('request', (req, res) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (text += chunk));
      req.on('end', () => {
        const path = req.url ?? '';
        receiver.received.push({
          method: req.method ?? '',
          path,
          headers: req.headers,
          body: JSON.parse(text || '{}') as Record<string, unknown>,
        });
        const id = path.split('/').pop() ?? '';
        const left = receiver.failures.get(id) ?? 0;
        if (left > 0) {
          receiver.failures.set(id, left - 1);
          res.writeHead(503, { 'content-type': 'text/plain' }).end('Leerroutes is down');
          return;
        }
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ associationId: id, state: 'pending', message: [] }));
      });
    });
    return receiver;
  }

  /** The next `times` callbacks for the association fail with 503. */
  fail(associationId: string, times: number): void {
    this.failures.set(associationId, times);
  }

  callsFor(associationId: string): ReceivedCallback[] {
    return this.received.filter((c) => c.path === `/ooapi/v5/associations/${associationId}`);
  }

  /** Waits for the nth callback (from 1) for the association. */
  nth(associationId: string, n: number): Promise<ReceivedCallback> {
    return waitFor(async () => Promise.resolve(this.callsFor(associationId)[n - 1]), {
      what: `callback ${n} for association ${associationId}`,
      timeoutMs: 10000,
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
