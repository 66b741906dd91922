import Redis from 'ioredis';
import { IsNull } from 'typeorm';
import {
  ComponentEntity,
  CreditEntryEntity,
  OutboxMessageEntity,
  TransitionEntity,
} from '@lr/database';
import { ComponentState, isSettled } from '@lr/domain';
import { CourseResult } from '@lr/ooapi';
import { TEST_REDIS_URL, waitFor } from '@lr/testing';
import type { RequestView } from '@lr/workflow';
import { Journey } from '../../../api/test/journey';
import { OoapiStub, StubAssociation, seededRandom } from '../../../api/test/ooapi-stub';
import { TestApp } from '../../../api/test/test-app';
import { WorkerPool } from './worker-pool';

/**
 * Nothing lost, nothing doubled: REQUESTS journeys through real PostgreSQL and Redis while worker processes are
 * killed with SIGKILL every few seconds, Redis is wiped once, the whole pool restarts once, and every host's own
 * system fails 30% of its calls. One host, mbo-energie, takes part through its own system over OOAPI: a stand-in
 * over HTTP that answers late, 503 or malformed to 30% of the calls about associations (drawn from FAULT_SEED).
 * The suite uses a Redis database of its own, so the wipe (FLUSHDB) leaves anything else on the same server alone.
 */
const REQUESTS = Number(process.env.FAULT_REQUESTS ?? 500);
const CONCURRENT_JOURNEYS = 40;
const WORKERS = 3;
const KILL_EVERY_MS = 3000;
const REDIS_URL = `${TEST_REDIS_URL.replace(/\/\d*$/, '')}/13`;
const FAULT_SEED = Number(process.env.FAULT_SEED ?? 20261202);
/** Calls to a host's system give up after this long; the stand-in's late answers come after it. */
const HOST_TIMEOUT_MS = 3000;
/** The host with its own system here, and its machine client. */
const OWN_SYSTEMS = { 'mbo-energie': 'energie-system' };

const HOME: Record<string, { board: string; registrar: string }> = {
  macca: { board: 'waal-eb-life', registrar: 'waal-registrar' },
  aurelie: { board: 'waal-eb-life', registrar: 'waal-registrar' },
  noor: { board: 'waal-eb-nutrition', registrar: 'waal-registrar' },
  kyra: { board: 'delta-eb-pabo', registrar: 'delta-registrar' },
  sem: { board: 'westland-eb', registrar: 'westland-registrar' },
  chen: { board: 'energie-eb', registrar: 'energie-registrar' },
};
const HOST: Record<string, { admissions: string; registrar: string }> = {
  'uni-ijssel': { admissions: 'ijssel-admissions', registrar: 'ijssel-registrar' },
  'hs-delta': { admissions: 'delta-admissions', registrar: 'delta-registrar' },
  'hs-westland': { admissions: 'westland-admissions', registrar: 'westland-registrar' },
};

type Kind = 'passes' | 'board-rejects' | 'host-refuses' | 'fails' | 'deviates' | 'withdrawn';
interface Scenario {
  name: string;
  student: string;
  offering: string;
  kind: Kind;
  result?: { grade: string; credits: number };
  expected: ComponentState;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'route 5',
    student: 'macca',
    offering: 'uni-ijssel/DS-ML',
    kind: 'passes',
    result: { grade: '8', credits: 6 },
    expected: 'registered',
  },
  {
    name: 'route 4',
    student: 'kyra',
    offering: 'hs-delta/ALO-SPW',
    kind: 'passes',
    result: { grade: '7', credits: 5 },
    expected: 'registered',
  },
  {
    name: 'route 6 wo→hbo',
    student: 'aurelie',
    offering: 'hs-westland/TB-KAS-TOM',
    kind: 'passes',
    result: { grade: '6.5', credits: 5 },
    expected: 'registered',
  },
  {
    name: 'route 6 hbo→mbo, over OOAPI',
    student: 'sem',
    offering: 'mbo-energie/KD-WARMTEPOMP',
    kind: 'passes',
    result: { grade: 'goed', credits: 240 },
    expected: 'registered',
  },
  {
    name: "host's system denies, over OOAPI",
    student: 'sem',
    offering: 'mbo-energie/KD-ZONNESTROOM',
    kind: 'host-refuses',
    expected: 'rejected_by_host',
  },
  {
    name: 'withdrawn, the association canceled over OOAPI',
    student: 'kyra',
    offering: 'mbo-energie/KD-ZONNESTROOM',
    kind: 'withdrawn',
    expected: 'withdrawn',
  },
  {
    name: 'route 6 mbo→hbo',
    student: 'chen',
    offering: 'hs-westland/TB-ENERGIE',
    kind: 'passes',
    result: { grade: '7', credits: 5 },
    expected: 'registered',
  },
  {
    name: 'exam board rejects',
    student: 'noor',
    offering: 'uni-ijssel/DS-VIS',
    kind: 'board-rejects',
    expected: 'rejected_by_exam_board',
  },
  {
    name: 'host refuses',
    student: 'macca',
    offering: 'hs-westland/TB-ENERGIE',
    kind: 'host-refuses',
    expected: 'rejected_by_host',
  },
  {
    name: 'fails',
    student: 'macca',
    offering: 'uni-ijssel/DS-VIS',
    kind: 'fails',
    expected: 'not_recognised',
  },
  {
    name: 'deviates',
    student: 'aurelie',
    offering: 'uni-ijssel/DS-ML',
    kind: 'deviates',
    expected: 'registered',
  },
  {
    name: 'withdrawn',
    student: 'kyra',
    offering: 'hs-delta/ALO-BD1',
    kind: 'withdrawn',
    expected: 'withdrawn',
  },
];

const TO_HOST = ['create', 'submit', 'approve', 'deliver_to_host'];
const TO_RESULT = [...TO_HOST, 'admit', 'record_result'];
/** The history each journey must leave, event by event: a step recorded twice, or missing, fails. */
const EXPECTED_HISTORIES: Record<Kind, string[][]> = {
  passes: [[...TO_RESULT, 'recognise_automatically', 'register']],
  'board-rejects': [['create', 'submit', 'reject']],
  'host-refuses': [[...TO_HOST, 'refuse_admission']],
  fails: [[...TO_RESULT, 'refer_to_exam_board', 'refuse_recognition']],
  deviates: [[...TO_RESULT, 'refer_to_exam_board', 'recognise', 'register']],
  // The student may withdraw before or after the delivery job has run.
  withdrawn: [
    ['create', 'submit', 'approve', 'withdraw'],
    [...TO_HOST, 'withdraw'],
  ],
};

interface Outcome {
  scenario: string;
  kind: Kind;
  componentId: string;
  expected: ComponentState;
}

/** Each round of the scenarios has students of its own: a student asks for a unit once while it can count. */
const studentOf = (s: Scenario, round: number) =>
  round === 0 ? s.student : `${s.student}-${round}`;

/** What a host does in a journey: in Leerroutes, its people act in the portal; with its own system, it calls back. */
interface HostSide {
  refuse(request: RequestView): Promise<void>;
  admit(request: RequestView): Promise<void>;
  /** Records a final result, and waits until it has come home and been handled. */
  result(request: RequestView, result: ResultFacts, expected: ComponentState): Promise<void>;
}
interface ResultFacts {
  grade: string;
  passed: boolean;
  credits: number;
}

function inLeerroutes(j: Journey, hostCode: string): HostSide {
  const host = HOST[hostCode];
  return {
    refuse: async (request) => {
      await j.act(host.admissions, j.path(request, 0, 'admission'), {
        decision: 'refuse',
        reason: 'Prerequisites missing.',
      });
    },
    admit: (request) => j.admitted(host.admissions, request),
    result: (request, result, expected) =>
      j.resultHome(host.registrar, request, 0, result, expected),
  };
}

/** The host's own system decides and records there, and calls Leerroutes back as its machine client. */
function ownSystem(j: Journey, stub: OoapiStub, hostCode: string): HostSide {
  const associationOf = async (request: RequestView) =>
    (
      await j.t.dataSource.manager.findOneByOrFail(ComponentEntity, {
        id: request.components[0].id,
      })
    ).associationId!;
  const callBack = async (associationId: string, body: object) => {
    const response = await j.t
      .http()
      .patch(`/ooapi/v5/associations/${associationId}`)
      .set('Authorization', `Bearer ${await stub.machineToken({ institutionCode: hostCode })}`)
      .set('Content-Type', 'application/merge-patch+json')
      .send(JSON.stringify(body));
    expect(response.status).toBe(200);
  };
  const decide = async (request: RequestView, state: 'associated' | 'denied') => {
    const associationId = await associationOf(request);
    stub.change(associationId, { state });
    await callBack(associationId, { remoteState: state });
  };
  return {
    refuse: (request) => decide(request, 'denied'),
    admit: (request) => decide(request, 'associated'),
    result: async (request, { grade, passed, credits }, expected) => {
      const associationId = await associationOf(request);
      const result: CourseResult = {
        state: 'completed',
        pass: passed ? 'passed' : 'failed',
        score: grade,
        resultDate: '2027-01-29',
        studyLoad: { studyLoadUnit: 'hour', value: credits },
      };
      stub.change(associationId, { result });
      await callBack(associationId, { result });
      await j.waitForState(request.components[0].id, expected);
    },
  };
}

async function journey(j: Journey, host: HostSide, s: Scenario, round: number): Promise<Outcome> {
  const home = HOME[s.student];
  const student = studentOf(s, round);
  const request = await j.submitted(student, [{ offering: s.offering }]);
  const outcome = {
    scenario: s.name,
    kind: s.kind,
    componentId: request.components[0].id,
    expected: s.expected,
  };
  const at = (action: string) => j.path(request, 0, action);
  if (s.kind === 'board-rejects') {
    await j.act(home.board, at('approval'), {
      decision: 'reject',
      motivation: 'Overlaps with a unit at home.',
    });
    return outcome;
  }
  if (s.kind === 'withdrawn') {
    await j.act(home.board, at('approval'), { decision: 'approve' });
    await j.act(student, at('withdraw'), { reason: 'Changed my plans.' });
    return outcome;
  }
  await j.approved(home.board, request);
  if (s.kind === 'host-refuses') {
    await host.refuse(request);
    return outcome;
  }
  await host.admit(request);
  if (s.kind === 'fails') {
    await host.result(request, { grade: '4', passed: false, credits: 0 }, 'awaiting_recognition');
    await j.act(home.board, at('recognition'), { decision: 'refuse', motivation: 'Not passed.' });
    return outcome;
  }
  if (s.kind === 'deviates') {
    await host.result(request, { grade: '7', passed: true, credits: 4 }, 'awaiting_recognition');
    await j.act(home.board, at('recognition'), {
      decision: 'recognise',
      credits: 4,
      motivation: 'Partly followed.',
    });
  } else {
    await host.result(request, { ...s.result!, passed: true }, 'recognised');
  }
  // Two registrations at once, as a double click would send them: one registers, one is told it was done.
  const twice = await Promise.all([
    j.t.as(home.registrar).post(at('registration')),
    j.t.as(home.registrar).post(at('registration')),
  ]);
  expect(twice.map((r) => r.status).sort()).toEqual([200, 201]);
  return outcome;
}

describe('fault injection: nothing lost, nothing doubled', () => {
  let t: TestApp;
  let pool: WorkerPool;
  let stub: OoapiStub;

  beforeAll(async () => {
    stub = await OoapiStub.start(OWN_SYSTEMS);
    stub.faults = { rate: 0.3, lateMs: HOST_TIMEOUT_MS + 500, random: seededRandom(FAULT_SEED) };
    t = await TestApp.start({
      withWorker: false,
      systemClock: true,
      institutions: stub.institutions(),
      env: { REDIS_URL, LOG_LEVEL: 'silent', OOAPI_CLIENT_SECRETS: stub.clientSecrets },
    });
    // Enough places for every journey: capacity is tested elsewhere; here every admission should succeed.
    await t.dataSource.query('UPDATE offerings SET capacity = 1000000');
    // As a synchronisation would: the offerings of the host with its own system carry that system's ids.
    await t.dataSource.query(
      `UPDATE offerings SET external_id = gen_random_uuid()::text WHERE institution_code = ANY($1)`,
      [Object.keys(OWN_SYSTEMS)],
    );
    // Copies of the demo students for the rounds after the first (studentOf), in their home institution's
    // register with their tuition, so that it knows them at sign-in and answers for their tuition as before.
    await t.ownerQuery(
      `WITH registered AS (
         INSERT INTO student_register (institution_code, subject, student_number, programme_codes, tuition)
         SELECT institution_code, subject || '-' || n, student_number || '-' || n, programme_codes, tuition
         FROM student_register, generate_series(1, $1::int) n)
       INSERT INTO people (institution_code, id, role, name, email, student_number, programme_codes)
       SELECT institution_code, id || '-' || n, role, name, email, student_number || '-' || n, programme_codes
       FROM people, generate_series(1, $1::int) n WHERE role = 'student'`,
      [Math.ceil(REQUESTS / SCENARIOS.length)],
    );
    pool = new WorkerPool(WORKERS, {
      DATABASE_URL: t.config.databaseUrl,
      REDIS_URL,
      QUEUE_PREFIX: t.config.queuePrefix,
      LOG_LEVEL: 'info',
      WORKER_CONCURRENCY: '5',
      WORKER_LOCK_MS: '3000',
      RECONCILE_INTERVAL_MS: '2000',
      OUTBOX_POLL_MS: '50',
      FAULT_HOST_FAILURE_RATE: '0.3',
      FAULT_OWN_SYSTEMS: JSON.stringify(
        Object.fromEntries(Object.keys(OWN_SYSTEMS).map((code) => [code, stub.connection(code)])),
      ),
      OOAPI_CLIENT_SECRETS: stub.clientSecrets,
      HOST_SYSTEM_TIMEOUT_MS: String(HOST_TIMEOUT_MS),
      // Retries wait 1 s, 2 s, 4 s, then 8 s each: a run of failures ends within the suite, not hours later.
      JOB_BACKOFF_MAX_MS: '8000',
    });
    pool.startAll();
  });
  afterAll(async () => {
    await pool.stopAll();
    await t.close();
    await stub.close();
  });

  it(`drives ${REQUESTS} requests to the final state their journey predicts`, async () => {
    // How long a journey waits for a step the workers take: a delivery that fails many times in a row (a host
    // failing 30% of its calls does, now and then) waits at most JOB_BACKOFF_MAX_MS between attempts here.
    const j = new Journey(t, 300_000);
    const hosts = new Map<string, HostSide>();
    const hostOf = (s: Scenario) => {
      const code = s.offering.split('/')[0];
      if (!hosts.has(code)) {
        hosts.set(code, code in OWN_SYSTEMS ? ownSystem(j, stub, code) : inLeerroutes(j, code));
      }
      return hosts.get(code)!;
    };
    const started = Date.now();
    const outcomes: Outcome[] = [];
    const errors: string[] = [];
    let wiped = false;
    let restarted = false;
    let running = true;

    const chaos = (async () => {
      while (running) {
        await new Promise((r) => setTimeout(r, KILL_EVERY_MS));
        if (!running) break;
        const done = outcomes.length / REQUESTS;
        if (!wiped && done >= 0.3) {
          wiped = true;
          const redis = new Redis(REDIS_URL);
          await redis.flushdb();
          redis.disconnect();
        } else if (!restarted && done >= 0.6) {
          restarted = true;
          await pool.restartAll();
        } else {
          await pool.killOne();
        }
      }
    })();

    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENT_JOURNEYS }, async () => {
        while (next < REQUESTS) {
          const scenario = SCENARIOS[next % SCENARIOS.length];
          const round = Math.floor(next / SCENARIOS.length);
          next += 1;
          try {
            outcomes.push(await journey(j, hostOf(scenario), scenario, round));
          } catch (error) {
            errors.push(`${scenario.name}: ${(error as Error).message}`);
          }
        }
      }),
    );
    running = false;
    await chaos;

    const em = t.dataSource.manager;
    const components = await em.find(ComponentEntity);
    const byId = new Map(components.map((c) => [c.id, c]));
    const wrong = outcomes.filter((o) => byId.get(o.componentId)?.state !== o.expected);
    const stuck = components.filter((c) => !isSettled(c.state));
    const credits = await em.find(CreditEntryEntity);
    const registered = components.filter((c) => c.state === 'registered');
    const transitions = await em.find(TransitionEntity, { order: { id: 'ASC' } });
    const historyProblems = checkHistories(transitions, outcomes);
    // Everything the relay was given went out, and no delivery gave up.
    const unsent = await waitFor(async () => {
      const n = await em.countBy(OutboxMessageEntity, { sentAt: IsNull() });
      return n === 0 ? n : undefined;
    }).catch(() => -1);
    const failedDeliveries = components.filter((c) => c.deliveryFailedAt !== null);
    const associations = checkAssociations(
      components.filter((c) => c.hostInstitutionCode in OWN_SYSTEMS),
      [...stub.associations.values()],
    );

    process.stdout.write(
      [
        '',
        `Fault injection: ${REQUESTS} requests in ${Math.round((Date.now() - started) / 1000)} s`,
        `  requests            ${outcomes.length} completed, ${errors.length} failed`,
        `  transitions         ${transitions.length}`,
        `  jobs retried        ${pool.counts.retried}`,
        `  duplicates suppressed ${pool.counts.duplicatesSuppressed} (jobs that found their work done)`,
        `  re-driven by the reconciler ${pool.counts.redriven}`,
        `  workers started ${pool.counts.started}, killed with SIGKILL ${pool.counts.killed}; Redis wiped: ${wiped}; pool restarted: ${restarted}`,
        `  credits registered  ${credits.length} for ${registered.length} registered components`,
        `  own system (seed ${FAULT_SEED}): ${stub.associations.size} associations; answered late ${stub.faultsGiven.late}, 503 ${stub.faultsGiven.unavailable}, malformed ${stub.faultsGiven.malformed}`,
        '',
      ].join('\n'),
    );

    expect(errors).toEqual([]);
    expect(outcomes).toHaveLength(REQUESTS);
    expect(wrong.map((o) => `${o.scenario}: ${byId.get(o.componentId)?.state}`)).toEqual([]);
    expect(stuck.map((c) => c.state)).toEqual([]);
    expect(credits.map((c) => c.componentId).sort()).toEqual(registered.map((c) => c.id).sort());
    expect(historyProblems).toEqual([]);
    expect(unsent).toBe(0);
    expect(failedDeliveries).toEqual([]);
    expect(associations).toEqual([]);
    expect(Object.values(stub.faultsGiven).every((n) => n > 0)).toBe(true);
    expect(wiped && restarted).toBe(true);
    expect(pool.counts.killed).toBeGreaterThan(0);
  });
});

/** Each component's history, in order, must be one its journey predicts; and each row starts where the last ended. */
function checkHistories(rows: TransitionEntity[], outcomes: Outcome[]): string[] {
  const byComponent = new Map<string, TransitionEntity[]>();
  for (const row of rows)
    byComponent.set(row.componentId, [...(byComponent.get(row.componentId) ?? []), row]);
  const problems: string[] = [];
  for (const outcome of outcomes) {
    const history = byComponent.get(outcome.componentId) ?? [];
    const events = history.map((r) => r.event);
    if (!EXPECTED_HISTORIES[outcome.kind].some((expected) => expected.join() === events.join())) {
      problems.push(`${outcome.scenario}: ${events.join(' → ')}`);
    }
    history.slice(1).forEach((row, i) => {
      if (row.fromState !== history[i].toState)
        problems.push(`${outcome.scenario}: gap before ${row.event}`);
    });
  }
  return problems;
}

/**
 * At the host's own system: one association per component, the one the component names, in the state its end
 * implies (a withdrawn component's canceled there), and none that no component knows.
 */
function checkAssociations(components: ComponentEntity[], made: StubAssociation[]): string[] {
  const problems: string[] = [];
  const known = new Set(components.map((c) => c.associationId));
  for (const a of made) {
    if (!known.has(a.associationId)) problems.push(`association ${a.associationId} left behind (${a.state})`);
  }
  const expectedThere: Partial<Record<ComponentState, string>> = {
    registered: 'associated',
    rejected_by_host: 'denied',
    withdrawn: 'canceled',
  };
  for (const c of components) {
    const there = made.find((a) => a.associationId === c.associationId);
    const expected = expectedThere[c.state];
    if (c.associationId && there?.state !== expected) {
      problems.push(`${c.state} component's association is ${there?.state ?? 'missing'} there`);
    }
    if (!c.associationId && c.state !== 'withdrawn') problems.push(`${c.state} component has none`);
  }
  return problems;
}
