import { ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import { AddressInfo, createServer } from 'net';
import { join } from 'path';
import {
  TEST_REDIS_URL,
  TestDatabase,
  createTestDatabase,
  deleteRedisPrefix,
  ownSystemsOutOfReach,
  waitFor,
} from '@lr/testing';

// These run the built processes (npm test builds first), as production runs them.
const ROOT = join(__dirname, '../../..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function exit(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

describe('graceful shutdown on one SIGTERM', () => {
  let database: TestDatabase;
  const prefix = `lrtest-${randomBytes(4).toString('hex')}`;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'));
    await Promise.all([database.drop(), deleteRedisPrefix(TEST_REDIS_URL, prefix)]);
  });

  const start = (app: 'api' | 'worker', env: Record<string, string> = {}) => {
    const child = spawn(process.execPath, [`dist/apps/${app}/src/main.js`], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: prefix,
        ...ownSystemsOutOfReach(),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    children.push(child);
    return { child, output: () => output };
  };

  it('the API reports itself unavailable while draining, then exits 0', async () => {
    const port = await freePort();
    const { child } = start('api', {
      PORT: String(port),
      SHUTDOWN_DRAIN_MS: '3000',
      LOG_LEVEL: 'warn',
    });
    const health = () =>
      fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status,
        () => 0,
      );
    await waitFor(async () => ((await health()) === 200 ? true : undefined), { timeoutMs: 20000 });
    const exited = exit(child);
    child.kill('SIGTERM');
    await waitFor(async () => ((await health()) === 503 ? true : undefined), { timeoutMs: 2500 });
    expect(await exited).toEqual({ code: 0, signal: null });
  });

  it('the worker stops its workers, relay and reconciler, then exits 0', async () => {
    const { child, output } = start('worker', { LOG_LEVEL: 'info' });
    await waitFor(() => Promise.resolve(output().includes('Worker started') ? true : undefined), {
      timeoutMs: 20000,
    });
    const exited = exit(child);
    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
  });
});
