// `npm run bench -- --scenario <name> [flags]`: runs a scenario against the machine's PostgreSQL and Redis
// (BENCH_DATABASE_URL, BENCH_REDIS_URL), prints its figures as markdown and writes them as JSON under
// bench/results/. Scenarios that start the API and workers pass the Node flags in BENCH_NODE_FLAGS
// on to them (to profile them, say).
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'fs';
import { cpus, totalmem } from 'os';
import { join } from 'path';
import { Flags, RegisteredScenario } from './lib/scenario';
import { journeysScenario } from './scenarios/journeys';
import { rushScenario } from './scenarios/rush';
import { scaleScenario } from './scenarios/scale';

const SCENARIOS: Record<string, RegisteredScenario> = {
  rush: rushScenario,
  journeys: journeysScenario,
  scale: scaleScenario,
};

async function main(): Promise<void> {
  const flags = Flags.parse(process.argv.slice(2));
  const name = flags.string('scenario', 'scale');
  const scenario = SCENARIOS[name];
  if (!scenario) {
    const known = Object.entries(SCENARIOS).map(([key, s]) => `  ${key}: ${s.summary}`);
    throw new Error(`Unknown scenario ${name}; there are:\n${known.join('\n')}`);
  }
  const { options, result, report } = await scenario.run(flags, {
    serverUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
  });
  process.stdout.write(`\n${report}\n`);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const figures = {
    scenario: name,
    options,
    machine: { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) },
    ...result,
  };
  // Server URLs are kept for the record, without a password they may carry.
  const redact = (_: string, value: unknown) =>
    typeof value === 'string' ? value.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@') : value;
  writeFileSync(file, JSON.stringify(figures, redact, 2));
  process.stdout.write(`\nWritten to ${file}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`Benchmark failed: ${error.message}\n`);
  process.exit(1);
});
