import { Client } from 'pg';

const RECONNECT_MS = 5000;

/**
 * Listens on PostgreSQL's 'outbox' channel (the outbox_notify trigger) and calls `onNotice` when rows were
 * committed, so the relay sends them at once. Only a shortcut: when the connection is lost the relay still
 * polls, and the listener connects again after a pause.
 */
export class OutboxListener {
  private client?: Client;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly onNotice: () => void,
    private readonly onError: (error: Error) => void,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    const client = new Client({ connectionString: this.databaseUrl });
    this.client = client;
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.removeAllListeners();
      void client.end().catch(() => undefined);
      if (error) this.onError(error);
      if (!this.stopped) this.retry = setTimeout(() => void this.start(), RECONNECT_MS);
    };
    client.on('notification', () => this.onNotice());
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query('LISTEN outbox');
    } catch (error) {
      lost(error as Error);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    client?.removeAllListeners();
    await client?.end().catch(() => undefined);
  }
}
