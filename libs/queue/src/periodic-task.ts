/**
 * Background work that runs every `intervalMs`, never twice at once, and stops cleanly: stop() waits for a run
 * in progress and no new run starts after it. wake() brings the next run forward to `wakeDelayMs` from now:
 * the short delay gathers the work of many wake-ups into one run under load.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  /** The next run is already due within wakeDelayMs. */
  private wakePending = false;
  /** A wake() came while a run was in progress: run again soon after it ends. */
  private wokenWhileRunning = false;

  constructor(
    private readonly work: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: Error) => void,
    private readonly wakeDelayMs = 0,
  ) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  start({ immediately = false } = {}): void {
    this.stopped = false;
    if (immediately) this.run();
    else this.schedule();
  }

  /** New work was announced: run soon instead of at the next interval. */
  wake(): void {
    if (this.stopped || this.wakePending) return;
    if (this.running) {
      this.wokenWhileRunning = true;
      return;
    }
    this.runIn(this.wakeDelayMs, true);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private run(): void {
    this.wakePending = false;
    this.wokenWhileRunning = false;
    this.running = this.work()
      .then(() => undefined, this.onError)
      .finally(() => {
        this.running = undefined;
        this.schedule();
      });
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.wokenWhileRunning) this.runIn(this.wakeDelayMs, true);
    else this.runIn(this.intervalMs, false);
  }

  private runIn(ms: number, woken: boolean): void {
    clearTimeout(this.timer);
    this.wakePending = woken;
    this.timer = setTimeout(() => this.run(), ms);
  }
}
