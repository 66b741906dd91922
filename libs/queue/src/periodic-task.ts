/**
 * Background work that runs every `intervalMs`, never twice at once, and stops cleanly: stop() waits for a run
 * in progress and no new run starts after it.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(
    private readonly work: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: Error) => void,
  ) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  start({ immediately = false } = {}): void {
    this.stopped = false;
    if (immediately) this.run();
    else this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private run(): void {
    this.running = this.work()
      .then(() => undefined, this.onError)
      .finally(() => this.schedule());
  }

  private schedule(): void {
    if (!this.stopped) this.timer = setTimeout(() => this.run(), this.intervalMs);
  }
}
