import { ChildProcess, spawn } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { AddressInfo, createServer } from 'net';
import { BenchTarget, benchEnvironment } from './bench-config';
import { API_ENTRY, ROOT, WORKER_ENTRY, ensureBuildExists, ensureBuilt } from './build';
import { sleep } from './timing';

/** Read from /proc just before the process was stopped (null where there is no /proc). */
export interface ProcessFigures {
  process: string;
  /** The most memory it held at any one time (VmHWM). */
  peakRssMb: number | null;
  /** CPU time (user and system) since `startMeasuring`, or since it started. */
  cpuSeconds: number | null;
}

const OUTPUT_LINES_KEPT = 40;
const READY_TIMEOUT_MS = 30_000;
/** Past the processes' own SHUTDOWN_TIMEOUT_MS (30 s), after which they exit by themselves. */
const STOP_TIMEOUT_MS = 35_000;
/** /proc counts CPU time in ticks of USER_HZ, which Linux fixes at 100 per second for user space. */
const TICKS_PER_SECOND = 100;

const PRODUCT_NODE_FLAGS = (
  JSON.parse(readFileSync(join(ROOT, 'scripts/node-flags.json'), 'utf8')) as { flags: string[] }
).flags;

/** Children still running when the benchmark itself dies are killed with it, not left holding ports. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));
// Stopped from the terminal (Ctrl-C) or by a supervisor: 'exit' alone would not run.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(1));
}

/** One built process (the API or a worker), with the end of its output kept to explain a failure. */
class ServiceProcess {
  private readonly child: ChildProcess;
  private readonly output: string[] = [];
  private stopping = false;
  private cpuBaseline = 0;
  private readonly exited: Promise<void>;
  /** Rejects when the process exits before it was asked to stop; never settles otherwise. */
  readonly crashed: Promise<never>;

  constructor(
    readonly label: string,
    entry: string,
    env: Record<string, string>,
  ) {
    // The product's own flags (as npm start and the image give them); BENCH_NODE_FLAGS adds more, to profile a
    // run: `--cpu-prof --cpu-prof-dir=/tmp/profiles`.
    const flags = [
      ...PRODUCT_NODE_FLAGS,
      ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
    ];
    this.child = spawn(process.execPath, [...flags, entry], {
      cwd: ROOT,
      // Only what the benchmark sets, plus PATH: the developer's own variables must not change the figures.
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(this.child);
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString().split('\n').filter(Boolean));
      this.output.splice(0, Math.max(0, this.output.length - OUTPUT_LINES_KEPT));
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) =>
      this.child.once('exit', () => {
        running.delete(this.child);
        resolve();
      }),
    );
    this.crashed = this.exited.then(() =>
      this.stopping
        ? new Promise<never>(() => undefined)
        : Promise.reject(new Error(`${label} exited during the run:\n${this.lastOutput()}`)),
    );
    // Whoever watches the run awaits it; until then a crash must not be an unhandled rejection.
    this.crashed.catch(() => undefined);
  }

  get hasExited(): boolean {
    return !running.has(this.child);
  }

  lastOutput(): string {
    return this.output.join('\n');
  }

  /** Waits until a line of output matches, or fails with the output so far. */
  async waitForOutput(pattern: RegExp, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.some((line) => pattern.test(line))) {
      if (this.hasExited || Date.now() > deadline) {
        throw new Error(`${this.label} did not start:\n${this.lastOutput()}`);
      }
      await sleep(50);
    }
  }

  /** VmHWM from /proc (Linux): the peak resident set since the process started, in MB. */
  peakRssMb(): number | null {
    const status = this.proc('status');
    const kb = status && /^VmHWM:\s+(\d+) kB$/m.exec(status);
    return kb ? Math.round(Number(kb[1]) / 1024) : null;
  }

  /** utime + stime from /proc/<pid>/stat (fields 14 and 15; the name in field 2 may hold spaces). */
  cpuSeconds(): number | null {
    const stat = this.proc('stat');
    if (!stat) return null;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  }

  startMeasuring(): void {
    this.cpuBaseline = this.cpuSeconds() ?? 0;
  }

  private proc(file: string): string | undefined {
    try {
      return readFileSync(`/proc/${this.child.pid}/${file}`, 'utf8');
    } catch {
      return undefined; // not Linux, or gone already
    }
  }

  /** Reads its figures, then SIGTERM as a supervisor stops it; SIGKILL only if it hangs past its timeout. */
  async stop(): Promise<ProcessFigures> {
    const cpu = this.cpuSeconds();
    const figures = {
      process: this.label,
      peakRssMb: this.peakRssMb(),
      cpuSeconds: cpu === null ? null : Math.round((cpu - this.cpuBaseline) * 100) / 100,
    };
    this.stopping = true;
    if (!this.hasExited) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await this.exited;
      clearTimeout(timer);
    }
    return figures;
  }
}

/**
 * The product as it is deployed, on a bench database: the built API and a number of worker processes, started
 * from dist/ (built first when it is stale). `stop` ends them and reports each one's peak memory and CPU time.
 */
export class BenchServices {
  /** Rejects as soon as any process exits on its own: race it against the load, so a crash ends the run. */
  readonly crashed: Promise<never>;

  private constructor(
    readonly apiUrl: string,
    private readonly processes: ServiceProcess[],
  ) {
    this.crashed = Promise.race(processes.map((p) => p.crashed));
    this.crashed.catch(() => undefined);
  }

  /**
   * `buildIfStale: false` runs dist/ as it is: for tests, since `npm test` builds just before, and rebuilding
   * under other test files that run dist/ (or while someone edits the sources) would pull it from under them.
   */
  static async start(
    target: BenchTarget,
    workers: number,
    { buildIfStale = true }: { buildIfStale?: boolean } = {},
  ): Promise<BenchServices> {
    if (buildIfStale) ensureBuilt((line) => process.stdout.write(`${line}\n`));
    else ensureBuildExists();
    const port = await freePort();
    const env = benchEnvironment(target, port);
    const api = new ServiceProcess('API', API_ENTRY, env);
    // Workers log at info: a few lines at start (the last says it is ready) and none per job.
    const pool = Array.from(
      { length: workers },
      (_, i) => new ServiceProcess(`worker ${i + 1}`, WORKER_ENTRY, { ...env, LOG_LEVEL: 'info' }),
    );
    const services = new BenchServices(`http://127.0.0.1:${port}`, [api, ...pool]);
    try {
      await Promise.all([
        waitForHealth(services.apiUrl, api),
        ...pool.map((w) => w.waitForOutput(/Worker started/)),
      ]);
      return services;
    } catch (error) {
      await services.stop();
      throw error;
    }
  }

  /** From now on CPU time counts: call it when the load starts, so start-up is not measured. */
  startMeasuring(): void {
    this.processes.forEach((p) => p.startMeasuring());
  }

  /** Stops every process at once and returns their figures, the API first. */
  stop(): Promise<ProcessFigures[]> {
    return Promise.all(this.processes.map((p) => p.stop()));
  }
}

async function waitForHealth(apiUrl: string, api: ServiceProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const status = await fetch(`${apiUrl}/health`).then(
      async (r) => (await r.arrayBuffer(), r.status),
      () => 0,
    );
    if (status === 200) return;
    if (api.hasExited || Date.now() > deadline) {
      throw new Error(
        `The API did not become healthy (last status ${status}):\n${api.lastOutput()}`,
      );
    }
    await sleep(100);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
  });
}
