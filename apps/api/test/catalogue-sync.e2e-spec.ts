import { AuditEntryEntity, CatalogueSyncEntity, OfferingEntity } from '@lr/database';
import { randomUUID } from 'crypto';
import { waitFor } from '@lr/testing';
import { DeliveryReconciler } from '@lr/workflow';
import type { CatalogueSyncView } from '@lr/workflow';
import { Journey, expectStatus } from './journey';
import { OoapiStub } from './ooapi-stub';
import { offeringIn, ooapiCourse, ooapiOffering, sampleCatalogue } from './stub-catalogue';
import { TestApp } from './test-app';

/** uni-ijssel takes part through its own system here, which keeps its catalogue. */
const OWN_SYSTEM = { 'uni-ijssel': 'ijssel-system' };

describe("an institution's catalogue, synchronised from its own system over OOAPI v5", () => {
  let stub: OoapiStub;
  let t: TestApp;
  let j: Journey;
  let first: CatalogueSyncView;

  const runs = async (as = 'ijssel-admin', query = '') =>
    expectStatus(await t.as(as).get(`/admin/catalogue-syncs${query}`), 200).body as {
      items: CatalogueSyncView[];
      total: number;
    };
  /** The run, once it has finished. */
  const finished = (id: string) =>
    waitFor(
      async () => {
        const run = (await runs('ijssel-admin', '?pageSize=100')).items.find((r) => r.id === id);
        return run && ['completed', 'failed'].includes(run.status) ? run : undefined;
      },
      { timeoutMs: 20000, intervalMs: 100, what: `run ${id} to finish` },
    );
  /** An admin asks for a synchronisation; it is queued, and then carried out. */
  const syncNow = async () => {
    const queued = expectStatus(
      await t.as('ijssel-admin').post('/admin/catalogue-syncs', { institutionCode: 'uni-ijssel' }),
      202,
    ).body as CatalogueSyncView;
    return finished(queued.id);
  };
  const offering = (code: string) =>
    t.dataSource.manager.findOneByOrFail(OfferingEntity, { institutionCode: 'uni-ijssel', code });
  /** The own system admits the student of the association, and tells Leerroutes (its callback). */
  const admittedAtHost = async (associationId: string) => {
    stub.change(associationId, { state: 'associated' });
    const response = await t
      .http()
      .patch(`/ooapi/v5/associations/${associationId}`)
      .set('Authorization', `Bearer ${await stub.machineToken()}`)
      .set('Content-Type', 'application/merge-patch+json')
      .send('{"remoteState":"associated"}');
    expectStatus(response, 200);
  };
  const auditOf = (offeringId: string) =>
    t.dataSource.manager.find(AuditEntryEntity, {
      where: { objectType: 'offering', objectId: offeringId },
      order: { id: 'ASC' },
    });

  beforeAll(async () => {
    stub = await OoapiStub.start(OWN_SYSTEM);
    stub.catalogue = sampleCatalogue();
    stub.maxPageSize = 2;
    t = await TestApp.start({
      institutions: stub.institutions(),
      env: {
        // Two attempts: a system that keeps answering wrongly fails a run within seconds.
        JOB_ATTEMPTS: '2',
        OOAPI_CLIENT_SECRETS: stub.clientSecrets,
        OOAPI_POLL_INTERVAL_MS: '3600000',
        // The schedule runs once, at the worker's start; the tests ask for the runs after it.
        CATALOGUE_SYNC_INTERVAL_MS: '3600000',
      },
    });
    j = new Journey(t);
    first = await waitFor(
      async () => {
        const [run] = (await runs()).items;
        return run?.status === 'completed' ? run : undefined;
      },
      { timeoutMs: 30000, intervalMs: 100, what: 'the first, scheduled synchronisation' },
    );
  }, 60000);

  afterAll(async () => {
    await t.close();
    await stub.close();
  });

  afterEach(() => {
    // What Leerroutes asked was OOAPI v5, and so was every proper answer of the stand-in.
    expect(stub.sentViolations).toEqual([]);
    expect(stub.answerViolations).toEqual([]);
  });

  it('reads the whole catalogue when the worker starts, page by page, into new offerings', async () => {
    expect(first).toMatchObject({
      institutionCode: 'uni-ijssel',
      trigger: 'schedule',
      requestedBy: null,
      status: 'completed',
      attempts: 1,
      counts: { created: 4, changed: 0, closed: 0, reopened: 0, unchanged: 0 },
      errors: [],
    });
    // Three courses at two a page, and the offerings of each.
    expect(stub.calls.filter((c) => c === 'GET /courses')).toHaveLength(2);
    expect(await offering('IJ-ROB-P3')).toMatchObject({
      externalId: offeringIn(stub.catalogue!, 'IJ-ROB-P3').offeringId,
      programmeCode: 'msc-ds',
      title: 'Robot Ethics',
      description: 'Seminars on responsibility in autonomous systems.',
      credits: 6,
      creditUnit: 'EC',
      period: '2026-2027 2027-02-01/2027-04-16',
      language: 'en',
      capacity: 20,
      enrolledCount: 0,
      waitingList: false,
      enrolmentDeadline: '2027-01-15',
      closedAt: null,
    });
    // No enrolment end: enrolment closes the day before it starts.
    expect(await offering('IJ-ROB-P4')).toMatchObject({ enrolmentDeadline: '2027-04-18' });
    expect(await offering('IJ-DZ-P4')).toMatchObject({
      title: 'Datawetenschap in de zorg',
      language: 'nl',
      credits: 4,
    });
    // The offerings uni-ijssel entered by hand are not the system's: the run leaves them alone.
    expect(await offering('DS-ML')).toMatchObject({ externalId: null, closedAt: null, version: 1 });
    const created = await auditOf((await offering('IJ-QC-P3')).id);
    expect(created).toMatchObject([
      {
        action: 'create',
        actorRole: 'system',
        actorInstitutionCode: 'uni-ijssel',
        homeInstitutionCode: 'uni-ijssel',
        requestId: null,
        motivation: `Synchronised from the own system of Universiteit IJsselland (run ${first.id}).`,
      },
    ]);
    expect(created[0].changes).toEqual(
      expect.arrayContaining([{ field: 'capacity', from: null, to: '10' }]),
    );

    const admin = expectStatus(await t.as('ijssel-admin').get('/admin/offerings?pageSize=100'), 200)
      .body as { keptByOwnSystem: boolean; items: { code: string; externalId: string | null }[] };
    expect(admin.keptByOwnSystem).toBe(true);
    expect(admin.items.find((o) => o.code === 'IJ-QC-P3')?.externalId).toEqual(expect.any(String));
    const students = expectStatus(await t.as('macca').get('/offerings?q=robot'), 200).body;
    expect(students.items.map((o: { code: string }) => o.code).sort()).toEqual([
      'IJ-ROB-P3',
      'IJ-ROB-P4',
    ]);
  });

  it('brings a changed capacity, deadline and description in with the next run, audited, and leaves the rest', async () => {
    const changed = offeringIn(stub.catalogue!, 'IJ-QC-P3');
    Object.assign(changed, {
      maxNumberStudents: 14,
      enrollEndDate: '2027-01-20',
      description: [{ language: 'en-GB', value: 'Qubits, gates, algorithms and a lab.' }],
    });
    const before = await offering('IJ-QC-P3');

    const run = await syncNow();
    expect(run).toMatchObject({
      trigger: 'admin',
      requestedBy: { id: 'ijssel-admin', name: expect.any(String) },
      status: 'completed',
      counts: { created: 0, changed: 1, closed: 0, reopened: 0, unchanged: 3 },
      errors: [],
    });
    expect(await offering('IJ-QC-P3')).toMatchObject({
      capacity: 14,
      enrolmentDeadline: '2027-01-20',
      description: 'Qubits, gates, algorithms and a lab.',
      version: before.version + 1,
    });
    expect((await auditOf(before.id)).at(-1)).toMatchObject({
      action: 'change',
      actorRole: 'system',
      motivation: `Synchronised from the own system of Universiteit IJsselland (run ${run.id}).`,
      changes: [
        {
          field: 'description',
          from: before.description,
          to: 'Qubits, gates, algorithms and a lab.',
        },
        { field: 'capacity', from: '10', to: '14' },
        { field: 'enrolmentDeadline', from: '2027-01-10', to: '2027-01-20' },
      ],
    });
    // The institution's admins read it in the audit log; its exam board does not.
    const log = expectStatus(await t.as('ijssel-admin').get('/audit?pageSize=100'), 200).body;
    expect(log.items).toContainEqual(
      expect.objectContaining({ objectType: 'offering', objectId: before.id, action: 'change' }),
    );
    const board = expectStatus(await t.as('ijssel-eb').get('/audit?pageSize=100'), 200).body;
    expect(board.items.filter((e: { objectType: string }) => e.objectType === 'offering')).toEqual(
      [],
    );
    // Kept by the system: its admins change it there, not here.
    const refused = await t
      .as('ijssel-admin')
      .patch(`/admin/offerings/${before.id}`, { capacity: 30 });
    expectStatus(refused, 409);
    expect(refused.body.code).toBe('OFFERING.KEPT_BY_OWN_SYSTEM');
  });

  it('closes an offering gone from the system, never deleting it, while the requests made for it go on; it reopens when it is back', async () => {
    const course = ooapiCourse('IJ-SWARM', 'Swarm Robotics', 5);
    const swarm = ooapiOffering(course, {
      code: 'IJ-SWARM-P3',
      places: 8,
      startDate: '2027-02-01',
      endDate: '2027-04-16',
      enrollEndDate: '2027-01-15',
      description: 'Many small robots.',
    });
    const entry = { course, offerings: [swarm] };
    stub.catalogue!.push(entry);
    expect((await syncNow()).counts).toMatchObject({ created: 1 });
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/IJ-SWARM-P3' }]);
    await j.approved('waal-eb-life', request);
    const componentId = request.components[0].id;
    expect(stub.associationFor(swarm.offeringId)).toBeDefined();

    stub.catalogue!.splice(stub.catalogue!.indexOf(entry), 1);
    const gone = await syncNow();
    expect(gone.counts).toMatchObject({ created: 0, changed: 0, closed: 1, reopened: 0 });
    const closed = await offering('IJ-SWARM-P3');
    expect(closed.closedAt).not.toBeNull();
    expect(await j.state(componentId)).toBe('awaiting_admission');
    // The host still decides on it, and Leerroutes hears.
    await admittedAtHost(stub.associationFor(swarm.offeringId)!.associationId);
    expect(await j.state(componentId)).toBe('enrolled');

    stub.catalogue!.push(entry);
    const back = await syncNow();
    expect(back.counts).toMatchObject({ created: 0, closed: 0, reopened: 1 });
    expect(await offering('IJ-SWARM-P3')).toMatchObject({
      id: closed.id,
      closedAt: null,
      enrolledCount: 1,
    });
    expect((await auditOf(closed.id)).map((e) => e.action)).toEqual(['create', 'close', 'reopen']);
  });

  it('keeps the places taken: a capacity below them is an error of the run for that offering alone, the rest is applied', async () => {
    const request = await j.submitted('aurelie', [{ offering: 'uni-ijssel/IJ-ROB-P4' }]);
    await j.approved('waal-eb-life', request);
    // The host admits Aurelie: a place is taken.
    const robots = offeringIn(stub.catalogue!, 'IJ-ROB-P4');
    await admittedAtHost(stub.associationFor(robots.offeringId)!.associationId);
    const before = await offering('IJ-ROB-P4');
    expect(before.enrolledCount).toBe(1);

    robots.maxNumberStudents = 0;
    robots.description = [{ language: 'en-GB', value: 'Cancelled for visitors.' }];
    const care = offeringIn(stub.catalogue!, 'IJ-DZ-P4');
    care.description = [{ language: 'nl-NL', value: 'Patiëntdata, met een praktijkcasus.' }];

    const run = await syncNow();
    expect(run.status).toBe('completed');
    expect(run.counts).toMatchObject({ changed: 1, created: 0, closed: 0 });
    expect(run.errors).toEqual([
      {
        offering: 'IJ-ROB-P4',
        code: 'OFFERING.CAPACITY_BELOW_TAKEN',
        message: expect.stringMatching(/^IJ-ROB-P4: .*1 places taken/),
      },
    ]);
    expect(await offering('IJ-ROB-P4')).toEqual(before);
    expect((await offering('IJ-DZ-P4')).description).toBe('Patiëntdata, met een praktijkcasus.');

    robots.maxNumberStudents = 15;
    robots.description = [{ language: 'en-GB', value: 'The same seminars in the last period.' }];
  });

  it('changes nothing on an answer the standard does not allow, tries again, and after the last try shows the run as failed', async () => {
    const quantum = offeringIn(stub.catalogue!, 'IJ-QC-P3');
    const careCourse = stub.catalogue!.find((e) => e.course.primaryCode.code === 'IJ-DZ')!.course;
    quantum.maxNumberStudents = 99;
    // The courses and the first offerings are fine; the last course's offerings come back in a shape OOAPI v5
    // does not have, on both attempts.
    const malformed = {
      path: `/courses/${careCourse.courseId}/offerings`,
      status: 200,
      body: { pageNumber: 1, items: [{ offeringId: 'IJ-DZ-P4', teachingLanguage: 'dutch' }] },
    };
    stub.catalogueAnswers.push(malformed, { ...malformed });
    const offerings = () =>
      t.dataSource.manager.find(OfferingEntity, {
        where: { institutionCode: 'uni-ijssel' },
        order: { code: 'ASC' },
      });
    const before = await offerings();
    const audited = await t.dataSource.manager.count(AuditEntryEntity);

    const run = await syncNow();
    expect(run).toMatchObject({
      status: 'failed',
      attempts: 2,
      counts: { created: 0, changed: 0, closed: 0, reopened: 0, unchanged: 0 },
    });
    expect(run.errors).toHaveLength(2);
    for (const [i, error] of run.errors.entries()) {
      expect(error).toMatchObject({ offering: null, code: 'CATALOGUE.ATTEMPT_FAILED' });
      expect(error.message).toMatch(
        new RegExp(
          `^Attempt ${i + 1} of 2: GET /courses/.*/offerings answered 200 with what OOAPI v5 does not allow`,
        ),
      );
    }
    expect(stub.catalogueAnswers).toEqual([]);
    expect(await offerings()).toEqual(before);
    expect(await t.dataSource.manager.count(AuditEntryEntity)).toBe(audited);

    // Once the system answers properly, the next run brings the change in.
    expect((await syncNow()).counts).toMatchObject({ changed: 1 });
    expect((await offering('IJ-QC-P3')).capacity).toBe(99);
  });

  it('reports what it cannot take, and what the system may not change, and takes the rest', async () => {
    const course = ooapiCourse('IJ-MIX', 'Mixed Signals', 5);
    const german = ooapiOffering(course, {
      code: 'IJ-MIX-DE',
      places: 5,
      startDate: '2027-02-01',
      endDate: '2027-04-16',
      description: 'Auf Deutsch.',
    });
    german.teachingLanguage = 'deu';
    const fine = ooapiOffering(course, {
      code: 'IJ-MIX-EN',
      places: 5,
      startDate: '2027-02-01',
      endDate: '2027-04-16',
      description: 'In English.',
    });
    stub.catalogue!.push({ course, offerings: [german, fine] });
    const p3 = offeringIn(stub.catalogue!, 'IJ-ROB-P3');
    const robots = stub.catalogue!.find((e) => e.course.primaryCode.code === 'IJ-ROB')!.course;
    robots.studyLoad = { studyLoadUnit: 'ects', value: 7.5 };

    const run = await syncNow();
    expect(run.status).toBe('completed');
    expect(run.counts).toMatchObject({ created: 1 });
    expect(run.errors.map((e) => [e.offering, e.code])).toEqual([
      ['IJ-ROB-P3', 'CATALOGUE.FIXED_FIELD_CHANGED'],
      ['IJ-ROB-P4', 'CATALOGUE.FIXED_FIELD_CHANGED'],
      ['IJ-MIX-DE', 'CATALOGUE.UNKNOWN_LANGUAGE'],
    ]);
    expect(run.errors[0].message).toMatch(/credits is now 7.5 in the system, was 6/);
    expect((await offering('IJ-ROB-P3')).credits).toBe(6);
    expect(await offering('IJ-MIX-EN')).toMatchObject({ externalId: fine.offeringId });
    expect(
      await t.dataSource.manager.findOneBy(OfferingEntity, { externalId: german.offeringId }),
    ).toBeNull();
    expect(p3.offeringId).toBe((await offering('IJ-ROB-P3')).externalId);
    robots.studyLoad = { studyLoadUnit: 'ects', value: 6 };
  });

  it('carries out a requested run whose job Redis lost, and marks a lost scheduled one failed: none stays open', async () => {
    // As if the relay had sent the jobs and Redis had then lost them: the records are all that is left.
    const lost = (trigger: 'admin' | 'schedule', jobId: string) =>
      t.dataSource.manager.save(
        Object.assign(new CatalogueSyncEntity(), {
          institutionCode: 'uni-ijssel',
          trigger,
          requestedById: trigger === 'admin' ? 'ijssel-admin' : null,
          requestedByName: trigger === 'admin' ? 'Application Administrator IJsselland' : null,
          jobId,
          status: 'queued',
          requestedAt: new Date(t.clock.now().getTime() - 60_000),
          errors: [],
        }),
      );
    const requested = await lost('admin', `catalogue-sync-${randomUUID()}`);
    const scheduled = await lost('schedule', 'repeat:lost-one');
    const counts = await t.app.get(DeliveryReconciler).reconcileOnce({ settleMs: 0 });
    expect(counts.redriven).toBeGreaterThanOrEqual(1);
    expect(counts.markedFailed).toBeGreaterThanOrEqual(1);
    expect(await finished(requested.id)).toMatchObject({ status: 'completed' });
    const marked = await t.dataSource.manager.findOneByOrFail(CatalogueSyncEntity, {
      id: scheduled.id,
    });
    expect(marked.status).toBe('failed');
    expect(marked.errors.at(-1)?.message).toMatch(/job was lost/);
  });

  it("lets the institution's admins list the runs newest first and ask for one; refuses everyone else and what cannot be", async () => {
    const all = await runs('ijssel-admin', '?pageSize=100');
    const ids = all.items.map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(all.items.at(-1)).toMatchObject({ id: first.id, trigger: 'schedule' });
    const second = await runs('ijssel-admin', '?pageSize=1&page=2');
    expect(second).toMatchObject({ total: all.total, items: [{ id: all.items[1].id }] });
    expect((await runs('ijssel-admin', '?institutionCode=uni-ijssel&pageSize=100')).items).toEqual(
      all.items,
    );
    // An institution that keeps its catalogue in Leerroutes has no runs.
    expect((await runs('waal-admin')).items).toEqual([]);

    const count = () => t.dataSource.manager.count(CatalogueSyncEntity);
    const outbox = async () =>
      (await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM outbox'))[0].n;
    const [runsBefore, outboxBefore] = [await count(), await outbox()];
    const post = (as: string, institutionCode: unknown) =>
      t.as(as).post('/admin/catalogue-syncs', { institutionCode });
    for (const as of ['waal-admin', 'westland-admin']) {
      expect((await post(as, 'uni-ijssel')).status).toBe(403);
      expect((await t.as(as).get('/admin/catalogue-syncs?institutionCode=uni-ijssel')).status).toBe(
        403,
      );
    }
    for (const as of ['ijssel-registrar', 'ijssel-admissions', 'ijssel-eb', 'daan']) {
      expect((await post(as, 'uni-ijssel')).status).toBe(403);
      expect((await t.as(as).get('/admin/catalogue-syncs')).status).toBe(403);
    }
    const inApp = await post('waal-admin', 'uni-waal');
    expectStatus(inApp, 400);
    expect(inApp.body).toMatchObject({
      code: 'CATALOGUE.NO_OWN_SYSTEM',
      errors: [{ field: 'institutionCode' }],
    });
    expectStatus(await post('ijssel-admin', 'uni-nowhere'), 404);
    expectStatus(
      await t.as('ijssel-admin').get('/admin/catalogue-syncs?institutionCode=uni-nowhere'),
      404,
    );
    const blank = await post('ijssel-admin', ' ');
    expectStatus(blank, 400);
    expect(blank.body.errors.map((e: { field: string }) => e.field)).toEqual(['institutionCode']);
    expectStatus(
      await t.http().post('/admin/catalogue-syncs').send({ institutionCode: 'uni-ijssel' }),
      401,
    );
    expect([await count(), await outbox()]).toEqual([runsBefore, outboxBefore]);
  });
});

describe('the scheduled synchronisation', () => {
  let stub: OoapiStub;
  let t: TestApp;

  beforeAll(async () => {
    stub = await OoapiStub.start(OWN_SYSTEM);
    stub.catalogue = sampleCatalogue();
    t = await TestApp.start({
      institutions: stub.institutions(),
      env: {
        OOAPI_CLIENT_SECRETS: stub.clientSecrets,
        OOAPI_POLL_INTERVAL_MS: '3600000',
        CATALOGUE_SYNC_INTERVAL_MS: '1000',
      },
    });
  }, 60000);

  afterAll(async () => {
    await t.close();
    await stub.close();
  });

  it('runs again and again by itself, and brings what changed in the system without anyone asking', async () => {
    const capacity = async () =>
      (
        await t.dataSource.manager.findOneBy(OfferingEntity, {
          institutionCode: 'uni-ijssel',
          code: 'IJ-QC-P3',
        })
      )?.capacity;
    await waitFor(async () => ((await capacity()) === 10 ? true : undefined), {
      timeoutMs: 20000,
      what: 'the first scheduled run',
    });
    offeringIn(stub.catalogue!, 'IJ-QC-P3').maxNumberStudents = 11;
    const scheduled = () =>
      t.dataSource.manager.find(CatalogueSyncEntity, {
        where: { trigger: 'schedule', status: 'completed' },
        order: { id: 'ASC' },
      });
    const runs = await waitFor(
      async () => {
        const completed = await scheduled();
        return completed.some((run) => run.changed === 1) ? completed : undefined;
      },
      { timeoutMs: 20000, what: 'a later scheduled run that brings the change' },
    );
    expect(await capacity()).toBe(11);
    expect(runs[0]).toMatchObject({ created: 4, requestedById: null });
    expect(new Set(runs.map((run) => run.jobId)).size).toBe(runs.length);
    expect(stub.sentViolations).toEqual([]);
    expect(stub.answerViolations).toEqual([]);
  });
});
