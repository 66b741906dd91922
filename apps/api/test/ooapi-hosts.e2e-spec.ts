import {
  ComponentEntity,
  ComponentResultEntity,
  ComponentResultHistoryEntity,
  OfferingEntity,
} from '@lr/database';
import { AssociationState, ComponentState } from '@lr/domain';
import { CourseResult, OoapiValidator } from '@lr/ooapi';
import { waitFor } from '@lr/testing';
import type { RequestView } from '@lr/workflow';
import {
  DeliverAdmissionRequestUseCase,
  DeliveryReconciler,
  HostAssociationsUseCase,
} from '@lr/workflow';
import { QueuesService, jobIdFor } from '@lr/queue';
import { Journey, expectStatus } from './journey';
import { OoapiStub } from './ooapi-stub';
import { TestApp } from './test-app';

/** The two hosts that take part through their own system here; the demo institutions stay as registered. */
const OWN_SYSTEMS = { 'uni-ijssel': 'ijssel-system', 'hs-westland': 'westland-system' };

const TIMEOUT_MS = 5000;

/** Draws for the stand-in's faults: these first, then never a fault. */
const draws =
  (...first: number[]) =>
  () =>
    first.shift() ?? 0.99;

const passed = (score: string, credits = 6): CourseResult => ({
  state: 'completed',
  pass: 'passed',
  score,
  resultDate: '2027-01-29',
  studyLoad: { studyLoadUnit: 'ects', value: credits },
});

describe('hosts whose own system takes part over OOAPI v5 (a stand-in system over HTTP)', () => {
  let stub: OoapiStub;
  let t: TestApp;
  let j: Journey;
  let v5: OoapiValidator;
  let copies: string[];

  beforeAll(async () => {
    stub = await OoapiStub.start(OWN_SYSTEMS);
    v5 = await OoapiValidator.v5();
    t = await TestApp.start({
      institutions: stub.institutions(),
      env: {
        // Two attempts: a host that keeps answering wrongly ends as a failed delivery within seconds.
        JOB_ATTEMPTS: '2',
        // An answer later than this is lost: a test makes the stand-in answer that late.
        HOST_SYSTEM_TIMEOUT_MS: String(TIMEOUT_MS),
        OOAPI_CLIENT_SECRETS: stub.clientSecrets,
        // The test polls when it wants to (pollOnce), with its own clock.
        OOAPI_POLL_INTERVAL_MS: '3600000',
      },
    });
    j = new Journey(t);
    // Macca may have one live request per offering: copies of Machine Learning, one per test.
    copies = await j.copiesOf('uni-ijssel/DS-ML', 30);
    // As the catalogue sync will: each offering of a host with its own system carries that system's id for it.
    await t.dataSource.query(
      `UPDATE offerings SET external_id = gen_random_uuid()::text
       WHERE institution_code IN ('uni-ijssel', 'hs-westland') AND external_id IS NULL`,
    );
  }, 60000);

  afterAll(async () => {
    await t.close();
    await stub.close();
  });

  afterEach(() => {
    // Whatever Leerroutes sent was OOAPI v5, and so was every proper answer of the stand-in.
    expect(stub.sentViolations).toEqual([]);
    expect(stub.answerViolations).toEqual([]);
  });

  const component = (id: string) => t.dataSource.manager.findOneByOrFail(ComponentEntity, { id });
  const externalId = async (ref: string) =>
    (await t.dataSource.manager.findOneByOrFail(OfferingEntity, { id: await j.offeringId(ref) }))
      .externalId!;

  /** Macca's request for a copy of Machine Learning, approved by her exam board. */
  async function approved(): Promise<RequestView> {
    const request = await j.submitted('macca', [{ offering: copies.pop()! }]);
    await j.act('waal-eb-life', j.path(request, 0, 'approval'), { decision: 'approve' });
    return request;
  }

  async function delivered(state: ComponentState = 'awaiting_admission') {
    const request = await approved();
    const id = request.components[0].id;
    await j.waitForState(id, state);
    return { request, id, associationId: (await component(id)).associationId! };
  }

  /** The host's system calls back, as its machine client. */
  async function callback(associationId: string, body: object, token?: string) {
    return t
      .http()
      .patch(`/ooapi/v5/associations/${associationId}`)
      .set('Authorization', `Bearer ${token ?? (await stub.machineToken())}`)
      .set('Content-Type', 'application/merge-patch+json')
      .send(JSON.stringify(body));
  }

  it('delivers an approved component by making the association at the host, with what admission needs', async () => {
    const offering = copies.at(-1)!;
    const { id, associationId } = await delivered();
    const association = stub.associations.get(associationId)!;
    expect(association.offeringId).toBe(await externalId(offering));
    expect(association.request).toMatchObject({
      remoteState: 'pending',
      role: 'student',
      person: {
        displayName: 'Macca Janssen',
        mail: expect.stringContaining('@'),
        primaryCode: { codeType: 'studentNumber' },
      },
      issuer: { shortName: 'uni-waal', organizationType: 'root' },
    });
    expect(await component(id)).toMatchObject({
      state: 'awaiting_admission',
      associationState: 'pending',
      enrolmentReference: associationId,
    });
    expect(await j.history(id)).toEqual(['create', 'submit', 'approve', 'deliver_to_host']);
  });

  it.each<[AssociationState, ComponentState, string[]]>([
    ['associated', 'enrolled', ['deliver_to_host', 'admit']],
    ['queued', 'waitlisted', ['waitlist']],
    ['denied', 'rejected_by_host', ['refuse_admission']],
    ['canceled', 'withdrawn', ['deliver_to_host', 'cancel']],
  ])('a host that answers %s puts the component %s', async (state, expected, events) => {
    stub.newState = state;
    try {
      const { id } = await delivered(expected);
      expect((await j.history(id)).slice(3)).toEqual(events);
      expect((await component(id)).associationState).toBe(state);
    } finally {
      stub.newState = 'pending';
    }
  });

  it("shows the student the host's own words when it denies", async () => {
    stub.newState = 'denied';
    try {
      const { request } = await delivered('rejected_by_host');
      const view = await j.view('macca', request.id);
      expect(view.timeline.at(-1)).toMatchObject({
        event: 'refuse_admission',
        motivation: 'The course is full.',
      });
    } finally {
      stub.newState = 'pending';
    }
  });

  it("takes the host's reason from the message of a callback that denies, and refuses a message of another shape", async () => {
    const { id, request, associationId } = await delivered();
    const before = await component(id);
    const wrong = await callback(associationId, {
      remoteState: 'denied',
      message: [{ language: 'not a language', value: '', colour: 'red' }],
    });
    expect(wrong.status).toBe(400);
    expect((wrong.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'message.0.colour',
      'message.0.language',
      'message.0.value',
    ]);
    expect(await component(id)).toEqual(before);

    expectStatus(
      await callback(associationId, {
        remoteState: 'denied',
        message: [{ language: 'en-GB', value: 'Not admitted: the prerequisites are missing.' }],
      }),
      200,
    );
    expect((await component(id)).state).toBe('rejected_by_host');
    const view = await j.view('macca', request.id);
    expect(view.timeline.at(-1)).toMatchObject({
      event: 'refuse_admission',
      motivation: 'Not admitted: the prerequisites are missing.',
    });
  });

  it('brings a result the host calls back with home, where it is recognised; a corrected one replaces it, kept in the history', async () => {
    const { id, associationId } = await delivered();
    const admitted = expectStatus(
      await callback(associationId, { remoteState: 'associated' }),
      200,
    );
    expect(admitted.headers['content-type']).toMatch(/^application\/json/);
    expect(admitted.body).toMatchObject({ associationId, state: 'associated' });
    expect(
      v5.response(
        { method: 'patch', path: `/associations/${associationId}` },
        { status: 200, body: admitted.body },
      ),
    ).toEqual([]);
    expect((await component(id)).state).toBe('enrolled');

    expectStatus(await callback(associationId, { result: passed('8') }), 200);
    await j.waitForState(id, 'recognised');
    expect(
      await t.dataSource.manager.findOneByOrFail(ComponentResultEntity, { componentId: id }),
    ).toMatchObject({ grade: '8', passed: true, credits: 6, creditUnit: 'EC', isFinal: true });
    const events = await j.history(id);
    expect(events.slice(3)).toEqual([
      'deliver_to_host',
      'admit',
      'record_result',
      'recognise_automatically',
    ]);

    // The same report again (a retry of the host's) changes nothing.
    expectStatus(
      await callback(associationId, { remoteState: 'associated', result: passed('8') }),
      200,
    );
    expect(await j.history(id)).toEqual(events);

    // The host corrects the grade: the last one counts, the first is kept.
    const corrected = expectStatus(await callback(associationId, { result: passed('9') }), 200);
    expect(corrected.body.state).toBe('associated');
    expect(
      await t.dataSource.manager.findOneByOrFail(ComponentResultEntity, { componentId: id }),
    ).toMatchObject({ grade: '9' });
    const history = await t.dataSource.manager.findBy(ComponentResultHistoryEntity, {
      componentId: id,
    });
    expect(history.map((h) => h.grade)).toEqual(['8']);
    expect((await component(id)).state).toBe('recognised');
  });

  it('refuses a callback that breaks the standard, with the fields, and changes nothing', async () => {
    const { id, associationId } = await delivered();
    const before = await component(id);
    const wrong = await callback(associationId, {
      remoteState: 'approved',
      result: { ...passed('8'), resultDate: 'yesterday' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.body).toMatchObject({ status: '400', title: expect.any(String) });
    expect((wrong.body.errors as { field: string }[]).map((e) => e.field)).toEqual(
      expect.arrayContaining(['remoteState', 'result.resultDate']),
    );
    // An OOAPI Problem, as the standard describes a 400 of this operation.
    expect(
      v5.response(
        { method: 'patch', path: `/associations/${associationId}` },
        { status: 400, body: wrong.body },
      ),
    ).toEqual([]);
    expect(await component(id)).toEqual(before);
  });

  it('takes nothing from a host answer the standard does not allow, and shows a failed delivery after the last try', async () => {
    const malformed = { status: 201, body: { associationId: 'A-17', state: 'approved' } };
    stub.answers.push(malformed, malformed);
    const request = await approved();
    const id = request.components[0].id;
    await waitFor(async () => (await component(id)).deliveryFailedAt ?? undefined, {
      timeoutMs: 15000,
      intervalMs: 100,
    });
    expect(await component(id)).toMatchObject({
      state: 'approved',
      associationId: null,
      associationState: null,
    });
    expect(await j.history(id)).toEqual(['create', 'submit', 'approve', 'delivery_failed']);
    const failures = expectStatus(await t.as('ijssel-admin').get('/admin/delivery-failures'), 200)
      .body.items as { id: string }[];
    expect(failures.map((f) => f.id)).toContain(id);

    // Once the host answers properly, an admin sends it again.
    await j.act('ijssel-admin', j.path(request, 0, 'redelivery'));
    await j.waitForState(id, 'awaiting_admission');
  });

  describe('an association the host made is neither doubled nor left behind', () => {
    const posts = () => stub.calls.filter((c) => c === 'POST /associations/external/me').length;
    const madeFor = (offeringId: string) =>
      [...stub.associations.values()].filter((a) => a.offeringId === offeringId);

    it('asks again after an answer lost on its way back, and gets the same association from the host', async () => {
      const postsBefore = posts();
      // The first call is done at the host, but its answer comes after Leerroutes stopped waiting.
      stub.faults = {
        rate: 0.5,
        lateMs: TIMEOUT_MS + 1000,
        random: draws(0, 0),
        // Only this test's POST: a poll or a cancellation left by an earlier test must not take its draws.
        on: (method) => method === 'post',
      };
      try {
        const { id, associationId } = await delivered();
        expect(stub.faultsGiven.late).toBeGreaterThanOrEqual(1);
        expect(posts() - postsBefore).toBe(2);
        const association = stub.associations.get(associationId)!;
        expect(madeFor(association.offeringId).map((a) => a.associationId)).toEqual([
          associationId,
        ]);
        expect(await j.history(id)).toEqual(['create', 'submit', 'approve', 'deliver_to_host']);
      } finally {
        stub.faults = undefined;
      }
    }, 30000);

    it('of two attempts at once, one goes on with the association and the other stops', async () => {
      stub.delayMs = 500; // both ask before either has its answer
      try {
        const request = await approved();
        const id = request.components[0].id;
        const job = { requestId: request.id, componentId: id, expectedVersion: 3 };
        const deliver = t.app.get(DeliverAdmissionRequestUseCase);
        const outcomes = await Promise.all([deliver.execute(job), deliver.execute(job)]);
        await j.waitForState(id, 'awaiting_admission');
        expect(outcomes).toContain('skipped');
        const { associationId } = await component(id);
        const association = stub.associations.get(associationId!)!;
        expect(madeFor(association.offeringId)).toHaveLength(1);
        expect(association.state).toBe('pending'); // not canceled as if it were a second one
        expect(await j.history(id)).toEqual(['create', 'submit', 'approve', 'deliver_to_host']);
      } finally {
        stub.delayMs = 0;
      }
    });

    /**
     * The student withdraws once Leerroutes has asked the host (its POST arrived there); returns the component
     * once its association is canceled at the host, with the association as the host has it.
     */
    async function withdrawnWhileAsking() {
      const postsBefore = posts();
      const request = await approved();
      const id = request.components[0].id;
      await waitFor(() => Promise.resolve(posts() > postsBefore ? true : undefined), {
        timeoutMs: 15000,
        intervalMs: 20,
      });
      await j.act('macca', j.path(request, 0, 'withdraw'), { reason: 'Plans changed.' });
      const settled = await waitFor(
        async () => {
          const c = await component(id);
          return c.associationState === 'canceled' ? c : undefined;
        },
        { timeoutMs: 20000, intervalMs: 100 },
      );
      expect(settled.state).toBe('withdrawn');
      expect(await j.history(id)).toEqual(['create', 'submit', 'approve', 'withdraw']);
      return stub.associations.get(settled.associationId!)!;
    }

    it('finds and cancels the association whose answer was lost when the student withdrew before a retry', async () => {
      stub.faults = {
        rate: 0.5,
        lateMs: TIMEOUT_MS + 1000,
        random: draws(0, 0),
        // Only this test's POST: a poll or a cancellation left by an earlier test must not take its draws.
        on: (method) => method === 'post',
      };
      try {
        const association = await withdrawnWhileAsking();
        expect(association.state).toBe('canceled');
        expect(madeFor(association.offeringId)).toHaveLength(1);
      } finally {
        stub.faults = undefined;
      }
    }, 30000);

    it('keeps an association made while the student withdrew, and cancels it at the host', async () => {
      stub.delayMs = 1500; // the host takes its time; the student withdraws meanwhile
      try {
        const association = await withdrawnWhileAsking();
        expect(association.state).toBe('canceled');
        expect(madeFor(association.offeringId)).toHaveLength(1);
      } finally {
        stub.delayMs = 0;
      }
    }, 30000);
  });

  it('signs in at the host once and reuses the token; after a 401 it signs in again, once', async () => {
    const before = stub.tokensIssued;
    await delivered();
    await delivered();
    expect(stub.tokensIssued).toBe(before);
    stub.revokeTokens();
    await delivered();
    await delivered();
    expect(stub.tokensIssued).toBe(before + 1);
  });

  it("refuses a callback without a valid token of the host's own machine client with 401", async () => {
    const { id, associationId } = await delivered();
    const before = await component(id);
    const other = await OoapiStub.start(OWN_SYSTEMS);
    try {
      const refused = [
        await t
          .http()
          .patch(`/ooapi/v5/associations/${associationId}`)
          .set('Content-Type', 'application/merge-patch+json')
          .send('{"remoteState":"associated"}'),
        await callback(associationId, { remoteState: 'associated' }, 'not-a-jwt'),
        await callback(
          associationId,
          { remoteState: 'associated' },
          await stub.machineToken({ audience: 'someone-else' }),
        ),
        await callback(
          associationId,
          { remoteState: 'associated' },
          await stub.machineToken({ expiresIn: -120 }),
        ),
        // Signed by another system's key, claiming to be this one's issuer.
        await callback(
          associationId,
          { remoteState: 'associated' },
          await other.machineToken({ issuer: stub.issuer }),
        ),
        await callback(
          associationId,
          { remoteState: 'associated' },
          await stub.machineToken({ clientId: 'someone-else' }),
        ),
        // A person is no machine client, whatever their role at the host.
        await callback(
          associationId,
          { remoteState: 'associated' },
          await t.token('ijssel-admissions'),
        ),
      ];
      expect(refused.map((r) => r.status)).toEqual(refused.map(() => 401));
      for (const r of refused) {
        expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(r.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
        expect(r.body.status).toBe('401');
      }
      expect(await component(id)).toEqual(before);
    } finally {
      await other.close();
    }
  });

  it("answers another institution's system 404 for an association that is not its own", async () => {
    const { id, associationId } = await delivered();
    const before = await component(id);
    const westland = await stub.machineToken({ institutionCode: 'hs-westland' });
    const response = await callback(associationId, { remoteState: 'associated' }, westland);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ status: '404' });
    const unknown = await callback('0d6e1c2b-3a4f-4e5d-8c7b-6a5f4e3d2c1b', {
      remoteState: 'associated',
    });
    expect(unknown.status).toBe(404);
    expect(await component(id)).toEqual(before);
  });

  it('cancels the association at the host when the student withdraws', async () => {
    const { request, id, associationId } = await delivered();
    await j.act('macca', j.path(request, 0, 'withdraw'), { reason: 'Plans changed.' });
    await waitFor(
      async () => ((await component(id)).associationState === 'canceled' ? true : undefined),
      { timeoutMs: 15000, intervalMs: 100 },
    );
    expect(stub.associations.get(associationId)!.state).toBe('canceled');
    expect(stub.calls).toContain(`PATCH /associations/${associationId}`);
    expect((await component(id)).state).toBe('withdrawn');
  });

  it('cancels it again when Redis lost the cancelling job: the reconciler adds it from the database', async () => {
    const { request, id, associationId } = await delivered();
    const unavailable = { status: 503, body: { status: '503', title: 'Maintenance' } };
    stub.answers.push(unavailable, unavailable);
    await j.act('macca', j.path(request, 0, 'withdraw'), { reason: 'Plans changed.' });
    const queue = t.app.get(QueuesService).get('institution.uni-ijssel');
    const jobId = jobIdFor('association.cancel', {
      requestId: request.id,
      componentId: id,
      expectedVersion: (await component(id)).version,
    });
    const failed = await waitFor(
      async () => {
        const job = await queue.getJob(jobId);
        return job && (await job.isFailed()) ? job : undefined;
      },
      { timeoutMs: 15000, intervalMs: 100 },
    );
    expect((await component(id)).associationState).toBe('pending');
    // As if Redis had lost it.
    await failed.remove();
    const { redriven } = await t.app.get(DeliveryReconciler).reconcileOnce({ settleMs: 0 });
    expect(redriven).toBeGreaterThanOrEqual(1);
    await waitFor(
      async () => ((await component(id)).associationState === 'canceled' ? true : undefined),
      { timeoutMs: 15000, intervalMs: 100 },
    );
    expect(stub.associations.get(associationId)!.state).toBe('canceled');
  });

  it('finds out by asking when the host never calls back: an admission, then a result, with backoff between', async () => {
    const { id, associationId } = await delivered();
    const poller = t.app.get(HostAssociationsUseCase);
    const later = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms));
    const asked = () => stub.calls.filter((c) => c === `GET /associations/${associationId}`).length;

    // Not yet due: the first question waits a minute after delivery.
    await poller.pollOnce();
    expect(asked()).toBe(0);
    later(61_000);
    await poller.pollOnce();
    expect(asked()).toBe(1);
    // Nothing new: the next question waits two minutes.
    later(61_000);
    await poller.pollOnce();
    expect(asked()).toBe(1);

    stub.change(associationId, { state: 'associated' });
    later(61_000);
    await poller.pollOnce();
    expect(asked()).toBe(2);
    expect((await component(id)).state).toBe('enrolled');

    stub.change(associationId, { result: passed('7') });
    later(61_000);
    await poller.pollOnce();
    await j.waitForState(id, 'recognised');
    expect((await j.history(id)).slice(3)).toEqual([
      'deliver_to_host',
      'admit',
      'record_result',
      'recognise_automatically',
    ]);
    // Settled: never asked again.
    later(24 * 3600_000);
    await poller.pollOnce();
    expect(asked()).toBe(3);
  });
});
