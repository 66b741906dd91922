import { AuditEntryEntity, OfferingEntity } from '@lr/database';
import { startOfNextDutchDay } from '@lr/domain';
import { QueuesService, jobIdFor } from '@lr/queue';
import { waitFor } from '@lr/testing';
import { Journey, expectStatus } from './journey';
import { TEST_START, TestApp } from './test-app';

/**
 * uni-ijssel works in Leerroutes: its admins keep its catalogue through the API. The students who ask for its
 * units are uni-waal's (route 5), whose exam board is waal-eb-life.
 */
describe("an institution's catalogue, kept by its admins", () => {
  let t: TestApp;
  let j: Journey;
  let made = 0;

  beforeAll(async () => {
    t = await TestApp.start();
    j = new Journey(t);
  });
  afterEach(() => t.clock.set(TEST_START));
  afterAll(() => t.close());

  /** A valid new offering of uni-ijssel's, with a code of its own. */
  const draft = (changes: object = {}) => {
    made += 1;
    return {
      code: `DS-NEW${made}`,
      programmeCode: 'msc-ds',
      title: `Causal Inference ${made}`,
      description: 'Estimating effects from observational data.',
      credits: 5,
      period: '2026-2027 P3',
      language: 'en',
      capacity: 10,
      enrolmentDeadline: '2027-01-20',
      prerequisites: ['Statistics'],
      ...changes,
    };
  };
  const create = async (changes: object = {}, admin = 'ijssel-admin') =>
    expectStatus(await t.as(admin).post('/admin/offerings', draft(changes)), 201).body;
  const change = (id: string, body: object, admin = 'ijssel-admin') =>
    t.as(admin).patch(`/admin/offerings/${id}`, body);
  const managed = async (admin = 'ijssel-admin') =>
    expectStatus(await t.as(admin).get('/admin/offerings?pageSize=100'), 200).body.items as {
      id: string;
      code: string;
      institutionCode: string;
      status: string;
      placesTaken: number;
      capacity: number;
    }[];
  const search = async (q: string) =>
    expectStatus(await t.as('macca').get(`/offerings?q=${encodeURIComponent(q)}`), 200).body
      .items as {
      id: string;
      placesLeft: number;
      description: string;
      enrolmentDeadline: string;
    }[];
  const requestFor = (student: string, offeringId: string) =>
    t.as(student).post('/requests', {
      motivation: 'This learning route fits my graduation plan.',
      components: [
        { offeringId, countsAs: 'elective-space', motivation: 'It completes my profile.' },
      ],
    });

  it('adds an offering that students find in the catalogue and can request at once', async () => {
    const offering = await create({ title: 'Causal Inference', capacity: 2, waitingList: true });
    expect(offering).toMatchObject({
      institutionCode: 'uni-ijssel',
      programmeCode: 'msc-ds',
      title: 'Causal Inference',
      credits: 5,
      creditUnit: 'EC',
      capacity: 2,
      placesTaken: 0,
      placesLeft: 2,
      waitingList: true,
      enrolmentDeadline: '2027-01-20',
      prerequisites: ['Statistics'],
      status: 'open',
      closedAt: null,
      version: 1,
    });

    const list = await managed();
    expect(list.map((o) => o.code)).toEqual(expect.arrayContaining([offering.code, 'DS-ML']));
    expect(list.filter((o) => o.institutionCode !== 'uni-ijssel')).toEqual([]);
    expect((await managed('waal-admin')).some((o) => o.id === offering.id)).toBe(false);

    const [found] = await search('causal inference');
    expect(found).toMatchObject({ id: offering.id, placesLeft: 2 });
    const request = await j.submitted('macca', [{ offering: `uni-ijssel/${offering.code}` }]);
    await j.approved('waal-eb-life', request);
    await j.admitted('ijssel-admissions', request);
    expect((await managed()).find((o) => o.id === offering.id)).toMatchObject({ placesTaken: 1 });
    expect((await search('causal inference'))[0].placesLeft).toBe(1);
  });

  it('changes capacity, deadline and description, as the catalogue then shows, on the version the admin saw', async () => {
    const offering = await create({ capacity: 3 });
    await j.enrolled({ offering: `uni-ijssel/${offering.code}` });
    await j.enrolled({ student: 'aurelie', offering: `uni-ijssel/${offering.code}` });

    const below = await change(offering.id, { capacity: 1 });
    expectStatus(below, 409);
    expect(below.body).toMatchObject({
      code: 'OFFERING.CAPACITY_BELOW_TAKEN',
      errors: [{ field: 'capacity' }],
      context: { placesTaken: 2 },
    });
    const changed = expectStatus(
      await change(offering.id, {
        capacity: 2,
        enrolmentDeadline: '2027-02-10',
        description: 'Effects from observational data, with a project.',
        expectedVersion: 1,
      }),
      200,
    ).body;
    expect(changed).toMatchObject({
      title: offering.title,
      code: offering.code,
      capacity: 2,
      placesTaken: 2,
      placesLeft: 0,
      enrolmentDeadline: '2027-02-10',
      version: 2,
    });
    const [found] = await search(offering.title);
    expect(found).toMatchObject({
      placesLeft: 0,
      enrolmentDeadline: '2027-02-10',
      description: 'Effects from observational data, with a project.',
    });

    const stale = await change(offering.id, { capacity: 40, expectedVersion: 1 });
    expectStatus(stale, 409);
    expect(stale.body).toMatchObject({
      code: 'OFFERING.STALE_VERSION',
      context: { expectedVersion: 1, version: 2 },
    });
    // The day before the test clock's today is past; today itself is still a day to admit on.
    const past = await change(offering.id, { enrolmentDeadline: '2026-11-30' });
    expectStatus(past, 400);
    expect(past.body).toMatchObject({
      code: 'OFFERING.DEADLINE_IN_PAST',
      errors: [{ field: 'enrolmentDeadline' }],
    });
    expectStatus(await change(offering.id, { enrolmentDeadline: '2026-12-01' }), 200);
    expect((await change(offering.id, {})).body.code).toBe('OFFERING.NOTHING_TO_CHANGE');
    const row = await t.dataSource.manager.findOneByOrFail(OfferingEntity, { id: offering.id });
    expect(row).toMatchObject({ capacity: 2, enrolledCount: 2, version: 3 });
  });

  it("audits every change an admin makes to an offering, for its institution's admins to read", async () => {
    const offering = await create({ capacity: 10 });
    expectStatus(
      await change(offering.id, {
        capacity: 12,
        description: 'With a project.',
        title: offering.title,
      }),
      200,
    );
    expectStatus(await t.as('ijssel-admin').post(`/admin/offerings/${offering.id}/close`, {}), 200);
    expectStatus(
      await t.as('ijssel-admin').post(`/admin/offerings/${offering.id}/reopen`, {}),
      200,
    );
    // A refused change is no change: nothing is recorded of it.
    expectStatus(await change(offering.id, { capacity: 12, expectedVersion: 1 }), 409);

    const entries = await t.dataSource.manager.find(AuditEntryEntity, {
      where: { objectType: 'offering', objectId: offering.id },
      order: { id: 'ASC' },
    });
    expect(entries.map((e) => e.action)).toEqual(['create', 'change', 'close', 'reopen']);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        actorId: 'ijssel-admin',
        actorRole: 'admin',
        actorInstitutionCode: 'uni-ijssel',
        homeInstitutionCode: 'uni-ijssel',
        requestId: null,
        homeProgrammeCode: null,
      });
    }
    expect(entries[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'code', from: null, to: offering.code },
        { field: 'capacity', from: null, to: '10' },
      ]),
    );
    // Only what differs: the title sent as it was is no change.
    expect(entries[1].changes).toEqual([
      {
        field: 'description',
        from: 'Estimating effects from observational data.',
        to: 'With a project.',
      },
      { field: 'capacity', from: '10', to: '12' },
    ]);

    const read = async (person: string) =>
      (
        expectStatus(await t.as(person).get('/audit?pageSize=100'), 200).body.items as {
          objectId: string;
          action: string;
          clientAddress: string | null;
        }[]
      ).filter((e) => e.objectId === offering.id);
    const own = await read('ijssel-admin');
    expect(own.map((e) => e.action)).toEqual(['reopen', 'close', 'change', 'create']);
    expect(own[0].clientAddress).toEqual(expect.any(String));
    expect(await read('waal-admin')).toEqual([]);
    expect(await read('ijssel-eb')).toEqual([]);
  });

  it('moves the deadline timer of each student waiting for the host to the new deadline', async () => {
    const offering = await create({ enrolmentDeadline: '2027-02-15' });
    const request = await j.submitted('macca', [{ offering: `uni-ijssel/${offering.code}` }]);
    await j.approved('waal-eb-life', request);
    const component = await t.dataSource.query<{ version: number }[]>(
      'SELECT version FROM components WHERE id = $1',
      [request.components[0].id],
    );
    const queue = t.app.get(QueuesService).get('institution.uni-ijssel');
    const timerId = jobIdFor('timer.enrolment-deadline', {
      requestId: request.id,
      componentId: request.components[0].id,
      expectedVersion: component[0].version,
    });
    // The relay gives a timer its delay on the workflow's clock, which stands still at TEST_START here.
    const delayUntil = (deadline: string) =>
      startOfNextDutchDay(deadline).getTime() - new Date(TEST_START).getTime();
    const timerDelay = (expected: number) =>
      waitFor(async () => ((await queue.getJob(timerId))?.delay === expected ? true : undefined), {
        what: `the deadline timer delayed by ${expected} ms`,
      });
    await timerDelay(delayUntil('2027-02-15'));

    expectStatus(await change(offering.id, { enrolmentDeadline: '2027-01-10' }), 200);
    await timerDelay(delayUntil('2027-01-10'));
    expect(await queue.getJob(timerId).then((job) => job?.getState())).toBe('delayed');

    // Past the new deadline, the host can no longer admit and the timer expires the component.
    t.clock.set('2027-01-10T23:00:01Z');
    await queue.promoteJobs();
    await j.waitForState(request.components[0].id, 'expired');
    expect((await j.view('macca', request.id)).timeline.at(-1)).toMatchObject({
      event: 'expire',
      motivation: 'The host did not decide before the enrolment deadline of 2027-01-10.',
    });
  });

  it('closes an offering: out of the search and refused in a new request, while requests made for it go on', async () => {
    const offering = await create({ title: 'Graph Mining' });
    const live = await j.submitted('macca', [{ offering: `uni-ijssel/${offering.code}` }]);

    const closed = expectStatus(
      await t.as('ijssel-admin').post(`/admin/offerings/${offering.id}/close`, {
        expectedVersion: 1,
      }),
      200,
    ).body;
    expect(closed).toMatchObject({ status: 'closed', version: 2 });
    expect(new Date(closed.closedAt).toISOString()).toBe(new Date(TEST_START).toISOString());
    expect(await search('graph mining')).toEqual([]);
    // Still there by its id: the requests made for it name it.
    const byId = expectStatus(await t.as('macca').get(`/offerings/${offering.id}`), 200).body;
    expect(byId).toMatchObject({ title: 'Graph Mining', status: 'closed' });
    expect((await managed()).find((o) => o.id === offering.id)).toMatchObject({
      status: 'closed',
    });

    const refused = await requestFor('aurelie', offering.id);
    expectStatus(refused, 409);
    expect(refused.body).toMatchObject({
      code: 'OFFERING.CLOSED',
      errors: [{ field: 'components.0.offeringId' }],
    });
    expect(
      (await t.as('ijssel-admin').post(`/admin/offerings/${offering.id}/close`, {})).body.code,
    ).toBe('OFFERING.ALREADY_CLOSED');

    // The request made before goes on to the exam board and the host, who admits within capacity.
    await j.approved('waal-eb-life', live);
    await j.admitted('ijssel-admissions', live);
    expect(await j.state(live.components[0].id)).toBe('enrolled');
    expect((await managed()).find((o) => o.id === offering.id)).toMatchObject({ placesTaken: 1 });

    const reopened = expectStatus(
      await t.as('ijssel-admin').post(`/admin/offerings/${offering.id}/reopen`, {}),
      200,
    ).body;
    expect(reopened).toMatchObject({ status: 'open', closedAt: null, version: 3 });
    expect((await search('graph mining')).map((o) => o.id)).toEqual([offering.id]);
    expectStatus(await requestFor('aurelie', offering.id), 201);
    // Never deleted: the application's database role may not.
    await expect(
      t.dataSource.query('DELETE FROM offerings WHERE id = $1', [offering.id]),
    ).rejects.toThrow(/permission denied/);
  });

  it("leaves an institution's offerings to its own admins: 403 for anyone else, 404 for an offering nobody has", async () => {
    const offering = await create();
    const before = await t.dataSource.manager.findOneByOrFail(OfferingEntity, { id: offering.id });
    // Another institution's admin sees the offering in the catalogue like anyone, and so is refused, not
    // told it does not exist.
    for (const call of [
      change(offering.id, { capacity: 1 }, 'waal-admin'),
      t.as('waal-admin').post(`/admin/offerings/${offering.id}/close`, {}),
      t.as('waal-admin').post(`/admin/offerings/${offering.id}/reopen`, {}),
    ]) {
      const response = await call;
      expectStatus(response, 403);
      expect(response.body.code).toBe('ACCESS.FORBIDDEN');
    }
    for (const person of ['macca', 'daan', 'ijssel-eb', 'ijssel-admissions', 'ijssel-registrar']) {
      expectStatus(await t.as(person).get('/admin/offerings'), 403);
      expectStatus(await t.as(person).post('/admin/offerings', draft()), 403);
      expectStatus(await change(offering.id, { capacity: 1 }, person), 403);
      expectStatus(await t.as(person).post(`/admin/offerings/${offering.id}/close`, {}), 403);
    }
    expect(await t.dataSource.manager.findOneByOrFail(OfferingEntity, { id: offering.id })).toEqual(
      before,
    );
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await change(unknown, { capacity: 1 });
    expectStatus(missing, 404);
    expect(missing.body.code).toBe('OFFERING.NOT_FOUND');
    expectStatus(await t.http().get('/admin/offerings'), 401);
  });

  it('refuses what an institution cannot offer with 400 at the field, and a code it has with 409', async () => {
    const refusals: [object, string, string?][] = [
      [{ code: 'DS ML' }, 'code'],
      [{ programmeCode: 'msc-food' }, 'programmeCode', 'OFFERING.UNKNOWN_PROGRAMME'],
      [{ period: 'spring' }, 'period'],
      [{ period: '2026-2028 P3' }, 'period'],
      [{ credits: 0 }, 'credits'],
      [{ credits: 5.555 }, 'credits'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: 2.5 }, 'capacity'],
      [{ language: 'de' }, 'language'],
      [{ title: '  ' }, 'title'],
      [{ enrolmentDeadline: '2027-02-30' }, 'enrolmentDeadline'],
      [{ enrolmentDeadline: '2026-11-30' }, 'enrolmentDeadline', 'OFFERING.DEADLINE_IN_PAST'],
      [{ prerequisites: ['Statistics', 'Statistics'] }, 'prerequisites'],
      [{ enrolledCount: 5 }, 'enrolledCount'],
    ];
    for (const [changes, field, code] of refusals) {
      const response = await t.as('ijssel-admin').post('/admin/offerings', draft(changes));
      expect({ changes, status: response.status, code: response.body.code }).toEqual({
        changes,
        status: 400,
        code: code ?? 'REQUEST.VALIDATION_FAILED',
      });
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    const taken = await t.as('ijssel-admin').post('/admin/offerings', draft({ code: 'DS-ML' }));
    expectStatus(taken, 409);
    expect(taken.body).toMatchObject({ code: 'OFFERING.CODE_TAKEN', errors: [{ field: 'code' }] });
    // A code is the institution's own: another may use it.
    expectStatus(
      await t
        .as('waal-admin')
        .post('/admin/offerings', draft({ code: 'DS-ML', programmeCode: 'msc-food' })),
      201,
    );

    const offering = await create();
    for (const [body, field] of [
      [{ capacity: null }, 'capacity'],
      [{ description: null }, 'description'],
      [{ enrolmentDeadline: 'tomorrow' }, 'enrolmentDeadline'],
      [{ code: 'DS-OTHER' }, 'code'],
      [{ credits: 6 }, 'credits'],
      [{ expectedVersion: 0 }, 'expectedVersion'],
    ] as const) {
      const response = await change(offering.id, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    expect(
      await t.dataSource.manager.findOneByOrFail(OfferingEntity, { id: offering.id }),
    ).toMatchObject({ version: 1, capacity: 10 });
  });
});
