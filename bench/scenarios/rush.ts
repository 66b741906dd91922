import { DataSource } from 'typeorm';
import type { Actor, ComponentState } from '@lr/domain';
import type { InboxItem, InboxKind, RequestView } from '@lr/workflow';
import { deleteRedisPrefix } from '@lr/testing';
import { BenchSignIn } from '../lib/bearer-tokens';
import { BenchTarget, benchConfig, queuePrefixFor } from '../lib/bench-config';
import { withBenchDatabase } from '../lib/bench-database';
import { EndpointFigures, endpointTable } from '../lib/endpoint-stats';
import { BenchHttpClient, BenchResponse, expectStatus } from '../lib/http-client';
import { watchInbox } from '../lib/inbox-watcher';
import { markdownTable, registerScenario } from '../lib/scenario';
import { BenchServices, ProcessFigures } from '../lib/services';
import { Distribution, distribution, round } from '../lib/stats';
import { sleep, stopwatch } from '../lib/timing';
import { checkRushOutcome, RushOutcome } from './rush-check';
import { decidesOn, everyoneIn } from './journey-cast';
import { RushSetup, prepareRush } from './rush-data';

export interface RushOptions {
  students: number;
  offerings: number;
  places: number;
  /** Every n-th offering keeps a waiting list. */
  waitingListEvery: number;
  /** Submissions per second, on a fixed schedule whatever the answers (open loop). */
  rate: number;
  workers: number;
  /** Drafts composed at once before the rush opens. */
  prepareConcurrency: number;
  /** Decisions under way at once per exam-board member and for host admissions. */
  staffConcurrency: number;
  inboxPollMs: number;
  serverUrl: string;
  redisUrl: string;
  /** Build dist/ first when it is stale (the default); the test passes false (see BenchServices.start). */
  buildIfStale?: boolean;
}

export interface RushResult {
  /** Seconds from the first scheduled submission to the last answer. */
  submitSeconds: number;
  /** Each submission from the moment it was due on the schedule to its answer: what the student waits. */
  submitMs: Distribution;
  /** How late the load generator sent a submission at worst; large values mean the figures are the client's. */
  maxSendLagMs: number;
  /** Responses of any call other than 2xx, except the admissions' expected 409s for a full offering. */
  errors: number;
  /** The first few calls that failed, to say what went wrong. */
  firstFailures: string[];
  /** Admissions that found the offering full after reading its places left: the host then refused or waitlisted. */
  fullOnAdmit: number;
  /** From the first submission until the host had decided on every one (admitted, waiting list or refused). */
  allDecidedSeconds: number;
  outcome: RushOutcome;
  endpoints: EndpointFigures[];
  /** Peak RSS and CPU time during the rush, of the API and each worker. */
  processes: ProcessFigures[];
  /** CPU time of the load generator and the simulated staff (this process) during the rush. */
  driverCpuSeconds: number;
}

const TARGET_P99_MS = 250;
/** The run fails when the host has not decided on everything this long after the last submission. */
const DECIDE_TIMEOUT_MS = 600_000;

/**
 * Scenario 1: enrolment for popular minors opens, and every student presses submit within seconds. Drafts are
 * composed beforehand (not timed); then submissions arrive at a fixed rate through the HTTP API, while the home
 * exam boards approve and host admissions admits as the requests reach their inboxes. Once places run out the
 * host's system refuses or waitlists at delivery, and admissions does the same for what it still holds.
 */
export async function runRush(options: RushOptions): Promise<RushResult> {
  return withBenchDatabase(options.serverUrl, async (database) => {
    const base: BenchTarget = {
      databaseUrl: database.url,
      redisUrl: options.redisUrl,
      queuePrefix: queuePrefixFor(database.name),
    };
    const tokens = await BenchSignIn.start(benchConfig(base).oidcAudience);
    const target: BenchTarget = { ...base, issuers: tokens.issuers() };
    const setup = await prepareRush(database.dataSource, options);
    await tokens.prepare(everyoneIn(setup.cast));
    const services = await BenchServices.start(target, options.workers, options);
    const http = new BenchHttpClient(services.apiUrl);
    let processes: ProcessFigures[] = [];
    try {
      const drafts = await composeDrafts(http, tokens, setup, options);
      http.stats.reset();
      services.startMeasuring();
      const driverCpu = process.cpuUsage();
      const figures = await Promise.race([
        rush(http, tokens, setup, drafts, database.dataSource, options),
        services.crashed,
      ]);
      const { user, system } = process.cpuUsage(driverCpu);
      processes = await services.stop();
      return {
        ...figures,
        outcome: await checkRushOutcome(database.dataSource),
        endpoints: http.stats.figures(),
        processes,
        driverCpuSeconds: round((user + system) / 1e6),
      };
    } finally {
      if (processes.length === 0) await services.stop();
      http.close();
      await tokens.stop();
      await deleteRedisPrefix(options.redisUrl, target.queuePrefix);
    }
  });
}

interface Draft {
  requestId: string;
  token: string;
}

/** Before the rush opens: each student composes a request for one minor (round robin over the offerings). */
async function composeDrafts(
  http: BenchHttpClient,
  tokens: BenchSignIn,
  { cast, offerings }: RushSetup,
  options: RushOptions,
): Promise<Draft[]> {
  const drafts: Draft[] = [];
  let next = 0;
  const composer = async () => {
    for (let i = next++; i < options.students; i = next++) {
      const token = tokens.for(cast.students[i]);
      const draft = expectStatus(
        await http.post<RequestView>('/requests', {
          token,
          body: {
            motivation: 'This minor is why I chose my programme.',
            components: [
              {
                offeringId: offerings[i % offerings.length].id,
                countsAs: 'minor',
                motivation: 'The minor fits my profile.',
              },
            ],
          },
        }),
        201,
      );
      drafts[i] = { requestId: draft.id, token };
    }
  };
  await Promise.all(Array.from({ length: options.prepareConcurrency }, composer));
  return drafts;
}

async function rush(
  http: BenchHttpClient,
  tokens: BenchSignIn,
  { cast }: RushSetup,
  drafts: Draft[],
  db: DataSource,
  options: RushOptions,
): Promise<Omit<RushResult, 'outcome' | 'endpoints' | 'processes' | 'driverCpuSeconds'>> {
  let over = false;
  let fullOnAdmit = 0;
  const failures: string[] = [];
  let submitted = 0;
  // A staff action that failed is tried again on a later look at the inbox; the failure counts as an error.
  const failed = (item: InboxItem, error: Error) => failures.push(error.message);
  /** One person of the staff, working through what reaches their inbox a few items at a time. */
  const staffMember = (
    actor: Actor,
    kind: InboxKind,
    state: ComponentState,
    act: (item: InboxItem) => Promise<void>,
  ) =>
    watchInbox({
      http,
      token: tokens.for(actor),
      kind,
      state,
      pollMs: options.inboxPollMs,
      maxInFlight: options.staffConcurrency,
      isOver: () => over,
      act,
      failed,
    });
  const staff = [
    ...[...new Set(cast.boardMemberFor.values())].map((member) =>
      staffMember(member, 'exam-board', 'awaiting_approval', async (item) => {
        if (!decidesOn(cast, member, item)) return;
        await decide(http, tokens.for(member), item, 'approval', { decision: 'approve' });
      }),
    ),
    staffMember(cast.hostAdmissions, 'admissions', 'awaiting_admission', async (item) => {
      const token = tokens.for(cast.hostAdmissions);
      if (item.placesLeft > 0) {
        const admitted = await decide(
          http,
          token,
          item,
          'admission',
          { decision: 'admit' },
          [200, 409],
        );
        if (admitted.status === 200) return;
        if ((admitted.body as { code?: string }).code !== 'OFFERING.FULL') {
          throw new Error(`Admission refused: ${JSON.stringify(admitted.body)}`);
        }
        fullOnAdmit += 1;
      }
      await decide(http, token, item, 'admission', {
        decision: item.waitingList ? 'waitlist' : 'refuse',
        reason: `${item.offeringTitle} is full.`,
      });
    }),
  ];

  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let maxSendLagMs = 0;
  const clock = stopwatch();
  const submissions: Promise<void>[] = [];
  for (let i = 0; i < drafts.length; i += 1) {
    const due = i * interval;
    const wait = due - clock();
    if (wait > 0) await sleep(wait);
    maxSendLagMs = Math.max(maxSendLagMs, clock() - due);
    // Not awaited: the next student presses submit on schedule, however slow this answer is.
    submissions.push(
      http
        .post('/requests/:id/submit', {
          params: { id: drafts[i].requestId },
          token: drafts[i].token,
        })
        .then(
          (response) => {
            latencies.push(clock() - due);
            if (response.status === 200) submitted += 1;
            else failures.push(`HTTP ${response.status}: ${JSON.stringify(response.body)}`);
          },
          (error: Error) => void failures.push(error.message),
        ),
    );
  }
  await Promise.all(submissions);
  const submitSeconds = clock() / 1000;

  try {
    // Only what was submitted can be decided on; a submission that failed counts as an error.
    await waitUntilAllDecided(db, submitted, clock);
  } finally {
    over = true;
    await Promise.all(staff);
  }
  const allDecidedSeconds = clock() / 1000;
  return {
    submitSeconds: round(submitSeconds),
    submitMs: distribution(latencies),
    maxSendLagMs: round(maxSendLagMs),
    errors: http.stats.errorCount() - fullOnAdmit,
    fullOnAdmit,
    allDecidedSeconds: round(allDecidedSeconds),
    firstFailures: failures.slice(0, 3),
  };
}

function decide(
  http: BenchHttpClient,
  token: string,
  item: InboxItem,
  action: 'approval' | 'admission',
  body: object,
  expected = [200],
): Promise<BenchResponse> {
  return http
    .post(`/requests/:id/components/:componentId/${action}`, {
      params: { id: item.requestId, componentId: item.componentId },
      token,
      body: { ...body, expectedVersion: item.version },
    })
    .then((response) => (expectStatus(response, ...expected), response));
}

/** The host has decided on a component once it is enrolled, on the waiting list, or refused. */
async function waitUntilAllDecided(
  db: DataSource,
  submitted: number,
  clock: () => number,
): Promise<void> {
  const deadline = clock() + DECIDE_TIMEOUT_MS;
  for (;;) {
    const [{ decided }] = await db.query<{ decided: number }[]>(
      `SELECT count(*)::int AS decided FROM components
       WHERE state IN ('enrolled', 'waitlisted', 'rejected_by_host')`,
    );
    if (decided >= submitted) return;
    if (clock() > deadline) {
      throw new Error(
        `After ${DECIDE_TIMEOUT_MS / 1000} s the host had decided ${decided} of ${submitted}`,
      );
    }
    await sleep(200);
  }
}

function report(r: RushResult, o: RushOptions): string {
  const share = (cpu: number | null) =>
    cpu === null ? null : `${Math.round((100 * cpu) / r.allDecidedSeconds)}%`;
  const p99Met = r.submitMs.p99 < TARGET_P99_MS && r.errors === 0;
  return [
    `The rush: ${o.students} students submit for ${o.offerings} offerings of ${o.places} places (every ` +
      `${o.waitingListEvery}${o.waitingListEvery === 1 ? '' : 'nd'} keeps a waiting list) at ${o.rate} a second, ` +
      `open loop; ${o.workers} worker process${o.workers === 1 ? '' : 'es'}.`,
    markdownTable(
      [
        'submissions',
        'in s',
        'submit p50 ms',
        'p95',
        'p99',
        'max',
        'errors',
        'all decided after s',
        'enrolled',
        'waiting list',
        'refused (full)',
        'over capacity',
        'not told why',
      ],
      [
        [
          r.submitMs.count,
          r.submitSeconds,
          r.submitMs.p50,
          r.submitMs.p95,
          r.submitMs.p99,
          r.submitMs.max,
          r.errors,
          r.allDecidedSeconds,
          r.outcome.enrolled,
          r.outcome.waitlisted,
          r.outcome.refused,
          r.outcome.overCapacity.length,
          r.outcome.notToldWhy,
        ],
      ],
    ),
    `Submit latency runs from the moment a submission was due on the schedule to its answer; the load ` +
      `generator sent at most ${r.maxSendLagMs} ms late. ${r.fullOnAdmit} admissions found the offering full ` +
      `between reading its places left and admitting (409, then waiting list or refusal; not counted as errors).`,
    ...(r.firstFailures.length ? [`First failures: ${r.firstFailures.join('; ')}`] : []),
    'API latency, during the rush',
    endpointTable(r.endpoints),
    'Processes: peak RSS, and CPU time during the rush (100% is one core busy throughout)',
    markdownTable(
      ['process', 'peak RSS MB', 'CPU s', 'CPU'],
      [
        ...r.processes.map((p) => [p.process, p.peakRssMb, p.cpuSeconds, share(p.cpuSeconds)]),
        ['benchmark (load and staff)', null, r.driverCpuSeconds, share(r.driverCpuSeconds)],
      ],
    ),
    `Targets: submit p99 under ${TARGET_P99_MS} ms with zero errors: ${p99Met ? 'met' : 'not met'}; ` +
      `zero over-booking: ${r.outcome.overCapacity.length === 0 ? 'met' : 'not met'}; everyone not admitted ` +
      `told why: ${r.outcome.notToldWhy === 0 ? 'met' : 'not met'}.`,
  ].join('\n\n');
}

export const rushScenario = registerScenario({
  summary:
    'scenario 1: the enrolment rush (--students, --offerings, --places, --waiting-list-every, --rate, ' +
    '--workers, --staff-concurrency, --poll-ms)',
  options: (flags, servers): RushOptions => ({
    students: flags.count('students', 10_000),
    offerings: flags.count('offerings', 20),
    places: flags.count('places', 30),
    waitingListEvery: flags.count('waiting-list-every', 2),
    rate: flags.count('rate', 500),
    workers: flags.count('workers', 1),
    prepareConcurrency: flags.count('prepare-concurrency', 16),
    staffConcurrency: flags.count('staff-concurrency', 4),
    inboxPollMs: flags.count('poll-ms', 250),
    ...servers,
  }),
  run: runRush,
  report,
});
