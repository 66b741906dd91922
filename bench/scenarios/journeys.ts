import { DataSource } from 'typeorm';
import { deleteRedisPrefix } from '@lr/testing';
import { BenchSignIn } from '../lib/bearer-tokens';
import { BenchTarget, benchConfig, queuePrefixFor } from '../lib/bench-config';
import { withBenchDatabase } from '../lib/bench-database';
import { EndpointFigures, endpointTable } from '../lib/endpoint-stats';
import { BenchHttpClient } from '../lib/http-client';
import { markdownTable, registerScenario } from '../lib/scenario';
import { BenchServices, ProcessFigures } from '../lib/services';
import { Distribution, distribution, round } from '../lib/stats';
import { everyoneIn, prepareJourneyCast } from './journey-cast';
import { DriverOutcome, JourneyDriver } from './journey-driver';
import { PipelineResult, runPipeline } from './pipeline';

export interface JourneysOptions {
  /** Journeys per run, one new student each. */
  requests: number;
  /** Journeys in flight; also the bare pipeline's chains. */
  concurrency: number;
  /** One run per entry, with that many worker processes. */
  workers: number[];
  inboxPollMs: number;
  serverUrl: string;
  redisUrl: string;
  /** Build dist/ first when it is stale (the default); the test passes false (see BenchServices.start). */
  buildIfStale?: boolean;
}

export interface JourneyRun {
  workers: number;
  journeys: number;
  completed: number;
  failed: number;
  failures: string[];
  /** Components the database holds as registered at the end: the journeys' own count, checked. */
  registered: number;
  seconds: number;
  journeysPerSecond: number;
  /** Rows of the history table (`transitions`), the opening `create` of each component included. */
  transitions: number;
  transitionsPerSecond: number;
  /** transitions/s as a share of the bare pipeline's. */
  ofPipeline: number;
  /** Each transition the system made (a job), timed from the component's previous transition. */
  jobHopMs: Distribution;
  endpoints: EndpointFigures[];
  httpErrors: number;
  /** The API and each worker: peak memory, and CPU time while the journeys ran. */
  processes: ProcessFigures[];
  /** CPU time of this benchmark process (the simulated people) meanwhile: if near `seconds`, it was the limit. */
  driverCpuSeconds: number;
}

export interface JourneysResult {
  runs: JourneyRun[];
  pipeline: PipelineResult;
}

/** The targets: how far the full journeys may fall behind the bare pipeline, and memory per process. */
const TARGET_OF_PIPELINE = 0.5;
const TARGET_PEAK_RSS_MB = 250;

/**
 * Scenarios 2 and 3 in one invocation, on the same services: whole route-5 journeys over HTTP with 1, 2, …
 * worker processes, each run on a fresh bench database; then the bare pipeline for as many transitions as the
 * journeys made, which every run's transitions/s is compared with.
 */
export async function runJourneys(options: JourneysOptions): Promise<JourneysResult> {
  const runs: Omit<JourneyRun, 'ofPipeline'>[] = [];
  for (const workers of options.workers) runs.push(await runOnce(options, workers));
  const pipeline = await runPipeline({
    transitions: Math.max(...runs.map((r) => r.transitions)),
    chains: options.concurrency,
    serverUrl: options.serverUrl,
    redisUrl: options.redisUrl,
  });
  return {
    runs: runs.map((r) => ({
      ...r,
      ofPipeline: round(r.transitionsPerSecond / pipeline.transitionsPerSecond),
    })),
    pipeline,
  };
}

async function runOnce(
  options: JourneysOptions,
  workers: number,
): Promise<Omit<JourneyRun, 'ofPipeline'>> {
  return withBenchDatabase(options.serverUrl, async (database) => {
    const base: BenchTarget = {
      databaseUrl: database.url,
      redisUrl: options.redisUrl,
      queuePrefix: queuePrefixFor(database.name),
    };
    const tokens = await BenchSignIn.start(benchConfig(base).oidcAudience);
    const target: BenchTarget = { ...base, issuers: tokens.issuers() };
    const cast = await prepareJourneyCast(database.dataSource, options.requests);
    await tokens.prepare(everyoneIn(cast));
    const services = await BenchServices.start(target, workers, options);
    const http = new BenchHttpClient(services.apiUrl);
    const driver = new JourneyDriver(http, tokens, cast, {
      journeys: options.requests,
      concurrency: options.concurrency,
      inboxPollMs: options.inboxPollMs,
    });
    let outcome: DriverOutcome;
    let driverCpuSeconds: number;
    let processes: ProcessFigures[];
    try {
      const driverCpu = process.cpuUsage();
      services.startMeasuring();
      outcome = await Promise.race([driver.run(), services.crashed]);
      const { user, system } = process.cpuUsage(driverCpu);
      driverCpuSeconds = round((user + system) / 1e6);
    } catch (error) {
      driver.abort();
      throw error;
    } finally {
      processes = await services.stop();
      http.close();
      await tokens.stop();
      await deleteRedisPrefix(options.redisUrl, target.queuePrefix);
    }
    const history = await historyFigures(database.dataSource);
    return {
      workers,
      journeys: options.requests,
      ...outcome,
      seconds: round(outcome.seconds),
      journeysPerSecond: round(outcome.completed / outcome.seconds, 1),
      ...history,
      transitionsPerSecond: round(history.transitions / outcome.seconds, 1),
      endpoints: http.stats.figures(),
      httpErrors: http.stats.errorCount(),
      processes,
      driverCpuSeconds,
    };
  });
}

/** What the history table says about the run: its size, and how long each job took to follow its cause. */
async function historyFigures(db: DataSource) {
  const [counts] = await db.query<{ transitions: number; registered: number }[]>(
    `SELECT (SELECT count(*)::int FROM transitions) AS transitions,
            (SELECT count(*)::int FROM components WHERE state = 'registered') AS registered`,
  );
  // `at` is taken when a transaction starts, so a hop runs from the cause's start to the job's own transaction:
  // the cause's commit, the outbox relay's poll, the queue, and the job's reads before it changes the state.
  const hops = await db.query<{ ms: number }[]>(
    `SELECT ms FROM (
       SELECT actor_role,
              extract(epoch FROM at - lag(at) OVER (PARTITION BY component_id ORDER BY id))::float8 * 1000 AS ms
       FROM transitions) t
     WHERE actor_role = 'system' AND ms IS NOT NULL`,
  );
  return { ...counts, jobHopMs: distribution(hops.map((h) => h.ms)) };
}

function report(result: JourneysResult, options: JourneysOptions): string {
  const { runs, pipeline } = result;
  const label = (workers: number) => `${workers} worker process${workers === 1 ? '' : 'es'}`;
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const met = (yes: boolean) => (yes ? 'met' : 'not met');
  const rssMet = runs.every((r) =>
    r.processes.every((p) => p.peakRssMb !== null && p.peakRssMb < TARGET_PEAK_RSS_MB),
  );
  return [
    `Full journeys (route 5): ${options.requests} requests, ${options.concurrency} in flight, ` +
      `inboxes polled every ${options.inboxPollMs} ms when idle. Bare pipeline: ${pipeline.transitions} ` +
      `transitions in ${pipeline.chains} chains, pool ${pipeline.poolSize}, worker concurrency ` +
      `${pipeline.workerConcurrency}.`,
    markdownTable(
      [
        '',
        'completed',
        'seconds',
        'journeys/s',
        'transitions',
        'transitions/s',
        'of bare pipeline',
        'job hop p50 ms',
        'job hop p99 ms',
        'HTTP errors',
      ],
      [
        ...runs.map((r) => [
          label(r.workers),
          `${r.completed}/${r.journeys}`,
          r.seconds,
          r.journeysPerSecond,
          r.transitions,
          r.transitionsPerSecond,
          percent(r.ofPipeline),
          r.jobHopMs.p50,
          r.jobHopMs.p99,
          r.httpErrors,
        ]),
        [
          'bare pipeline',
          null,
          pipeline.seconds,
          null,
          pipeline.transitions,
          pipeline.transitionsPerSecond,
          '100%',
          pipeline.hopMs.p50,
          pipeline.hopMs.p99,
          null,
        ],
      ],
    ),
    "A job hop runs from the transaction of the step that caused the job to the job's own transaction: it " +
      "includes the wait for the outbox relay (OUTBOX_POLL_MS). The bare pipeline's hop runs from adding " +
      'the job to its completion.',
    'Processes: peak RSS, and CPU time while the journeys ran (100% is one core busy throughout)',
    markdownTable(
      ['', 'process', 'peak RSS MB', 'CPU s', 'CPU'],
      runs.flatMap((r) => [
        ...r.processes.map((p) => [
          label(r.workers),
          p.process,
          p.peakRssMb,
          p.cpuSeconds,
          p.cpuSeconds === null ? null : percent(p.cpuSeconds / r.seconds),
        ]),
        [
          label(r.workers),
          'benchmark (the simulated people)',
          null,
          r.driverCpuSeconds,
          percent(r.driverCpuSeconds / r.seconds),
        ],
      ]),
    ),
    ...runs.flatMap((r) => [`API latency, ${label(r.workers)}`, endpointTable(r.endpoints)]),
    `Targets: transitions/s at least ${percent(TARGET_OF_PIPELINE)} of the bare pipeline's: ` +
      runs
        .map(
          (r) =>
            `${label(r.workers)} ${percent(r.ofPipeline)} (${met(r.ofPipeline >= TARGET_OF_PIPELINE)})`,
        )
        .join(', ') +
      `; peak RSS under ${TARGET_PEAK_RSS_MB} MB per process: ${met(rssMet)}.`,
    ...runs
      .filter((r) => r.failed > 0)
      .map((r) => `Failed journeys, ${label(r.workers)}: ${r.failures.join('; ')}`),
  ].join('\n\n');
}

export const journeysScenario = registerScenario({
  summary:
    'scenarios 2 and 3: whole route-5 journeys over HTTP, then the bare pipeline ' +
    '(--requests, --concurrency, --workers 1,2, --poll-ms)',
  options: (flags, servers): JourneysOptions => ({
    requests: flags.count('requests', 2000),
    concurrency: flags.count('concurrency', 32),
    workers: flags.counts('workers', [1, 2]),
    inboxPollMs: flags.count('poll-ms', 100),
    ...servers,
  }),
  run: runJourneys,
  report,
});
