// `npm run bench -- [--scenario scale] [--requests N] [--queries N]`: runs a scenario against the machine's
// PostgreSQL and Redis, prints a table and writes the figures as JSON under bench/results/.
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'fs';
import { cpus, totalmem } from 'os';
import { join } from 'path';
import { runScale } from './scenarios/scale';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const scenario = process.argv.includes('--scenario')
    ? process.argv[process.argv.indexOf('--scenario') + 1]
    : 'scale';
  if (scenario !== 'scale')
    throw new Error(`Unknown scenario ${scenario}; this version has: scale`);
  const options = {
    requests: flag('requests', 1_000_000),
    queries: flag('queries', 1000),
    serverUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
  const result = await runScale(options);
  process.stdout.write(
    `\nScale: ${options.requests} requests (generated in ${result.seconds.generate.toFixed(0)} s), ` +
      `${options.queries} queries each\n\n` +
      `| query | p50 ms | p95 ms | index | plan |\n|---|---|---|---|---|\n` +
      result.figures
        .map(
          (f) =>
            `| ${f.query} | ${f.p50Ms} | ${f.p95Ms} | ${f.usesIndex ? 'yes' : 'NO'} | ${f.plan} |`,
        )
        .join('\n') +
      '\n',
  );
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `scale-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        scenario,
        options: { ...options, serverUrl: undefined },
        machine: { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) },
        ...result,
      },
      null,
      2,
    ),
  );
  process.stdout.write(`\nWritten to ${file}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`Benchmark failed: ${error.message}\n`);
  process.exit(1);
});
