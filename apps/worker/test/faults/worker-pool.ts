import { appendFileSync } from 'fs';
import { ChildProcess, spawn } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '../../../..');
const LOG_FILE = process.env.FAULT_WORKER_LOG;

export interface PoolCounts {
  started: number;
  killed: number;
  /** Failed attempts that BullMQ retried (the injected host faults, and jobs of killed workers). */
  retried: number;
  /** Jobs that found their work already done and did nothing. */
  duplicatesSuppressed: number;
  /** Jobs the reconciler added again because Redis no longer had them. */
  redriven: number;
}

/** Worker processes run from source, counted from their logs, killed and restarted on demand. */
export class WorkerPool {
  readonly counts: PoolCounts = {
    started: 0,
    killed: 0,
    retried: 0,
    duplicatesSuppressed: 0,
    redriven: 0,
  };
  private readonly children = new Set<ChildProcess>();

  constructor(
    private readonly size: number,
    private readonly env: Record<string, string>,
  ) {}

  startAll(): void {
    for (let i = 0; i < this.size; i += 1) this.startOne();
  }

  /** SIGKILL: the process gets no chance to finish or hand back anything. */
  async killOne(): Promise<void> {
    const victims = [...this.children];
    const victim = victims[Math.floor(Math.random() * victims.length)];
    if (!victim) return;
    const gone = exited(victim);
    victim.kill('SIGKILL');
    await gone;
    this.counts.killed += 1;
    this.startOne();
  }

  /** The whole pool at once: SIGTERM to all, wait until they are gone, start a new pool. */
  async restartAll(): Promise<void> {
    await this.stopAll();
    this.startAll();
  }

  async stopAll(): Promise<void> {
    const all = [...this.children];
    all.forEach((c) => c.kill('SIGTERM'));
    await Promise.all(all.map(exited));
  }

  private startOne(): void {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register',
        '-r',
        'tsconfig-paths/register',
        'apps/worker/test/faults/fault-worker.ts',
      ],
      {
        cwd: ROOT,
        env: { ...process.env, ...this.env, TS_NODE_TRANSPILE_ONLY: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.counts.started += 1;
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    let rest = '';
    const read = (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) this.count(line);
      // FAULT_WORKER_LOG keeps what the workers said, by process, to look into a failed run.
      if (LOG_FILE) appendFileSync(LOG_FILE, lines.map((l) => `${child.pid} ${l}\n`).join(''));
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
  }

  private count(line: string): void {
    if (line.includes(' failed (attempt ')) this.counts.retried += 1;
    if (line.includes('Skipping ')) this.counts.duplicatesSuppressed += 1;
    const redriven = /Reconciled: (\d+) jobs added again/.exec(line);
    if (redriven) this.counts.redriven += Number(redriven[1]);
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}
