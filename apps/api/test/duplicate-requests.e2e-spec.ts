import { waitFor } from '@lr/testing';
import { Journey, expectStatus } from './journey';
import { TestApp } from './test-app';

// Credits for one unit count once: a student has at most one live request for an offering.
describe('one live request per student and offering', () => {
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    t = await TestApp.start();
    j = new Journey(t);
  });
  afterAll(() => t.close());

  const counts = async () =>
    (
      await t.dataSource.query(`SELECT
        (SELECT count(*) FROM requests) AS requests,
        (SELECT count(*) FROM components) AS components,
        (SELECT count(*) FROM transitions) AS transitions,
        (SELECT count(*) FROM audit_log) AS audit`)
    )[0] as Record<string, string>;

  const create = async (student: string, offerings: string[]) =>
    t.as(student).post('/requests', {
      motivation: 'This learning route fits my graduation plan.',
      components: await Promise.all(
        offerings.map(async (o) => ({
          offeringId: await j.offeringId(o),
          countsAs: 'elective-space',
          motivation: 'It completes my profile.',
        })),
      ),
    });

  const expectDuplicate = (response: Awaited<ReturnType<typeof create>>, title: string) => {
    expectStatus(response, 409);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'REQUEST.OFFERING_ALREADY_REQUESTED' });
    expect(response.body.detail).toContain(title);
  };

  it('refuses a second request for an offering the student already asked for, draft or submitted, and creates nothing', async () => {
    await j.compose('noor', [{ offering: 'uni-ijssel/DS-VIS' }]);
    let before = await counts();
    expectDuplicate(await create('noor', ['uni-ijssel/DS-VIS']), 'Data Visualisation');
    // Also within a request with other, new offerings: all or nothing.
    expectDuplicate(
      await create('noor', ['hs-delta/ALO-SPW', 'uni-ijssel/DS-VIS']),
      'Data Visualisation',
    );
    expect(await counts()).toEqual(before);

    // Registered credits block it too: the unit was counted once already.
    const done = await j.enrolled({ student: 'aurelie' });
    await j.resultHome(
      'ijssel-registrar',
      done,
      0,
      { grade: '8', passed: true, credits: 6 },
      'recognised',
    );
    expectStatus(await t.as('waal-registrar').post(j.path(done, 0, 'registration')), 201);
    before = await counts();
    expectDuplicate(await create('aurelie', ['uni-ijssel/DS-ML']), 'Machine Learning');
    expect(await counts()).toEqual(before);
  });

  it('refuses the same offering twice within one request (400)', async () => {
    const before = await counts();
    const response = await create('kyra', ['hs-delta/ALO-SPW', 'hs-delta/ALO-SPW']);
    expectStatus(response, 400);
    expect(response.body.code).toBe('REQUEST.DUPLICATE_OFFERING');
    expect(await counts()).toEqual(before);
  });

  it('allows a new request once the earlier one was withdrawn or rejected', async () => {
    const first = await j.submitted('macca', [{ offering: 'hs-westland/TB-ENERGIE' }]);
    await j.act('macca', `/requests/${first.id}/withdraw`);
    expectStatus(await create('macca', ['hs-westland/TB-ENERGIE']), 201);

    const second = await j.submitted('macca', [{ offering: 'hs-delta/PABO-REK' }]);
    await j.act('waal-eb-life', j.path(second, 0, 'approval'), {
      decision: 'reject',
      motivation: 'Not at master level.',
    });
    expectStatus(await create('macca', ['hs-delta/PABO-REK']), 201);
  });

  it('lets only one of two simultaneous requests for the same offering through', async () => {
    const before = await counts();
    const responses = await Promise.all([
      create('sem', ['uni-ijssel/DS-LAB']),
      create('sem', ['uni-ijssel/DS-LAB']),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expectDuplicate(
      responses.find((r) => r.status === 409)!,
      'Data Science Lab',
    );
    const after = await counts();
    expect(Number(after.requests)).toBe(Number(before.requests) + 1);
    expect(Number(after.components)).toBe(Number(before.components) + 1);
  });

  it('answers 409, not 500, when only the database sees the other request (still uncommitted at the check)', async () => {
    const offeringId = await j.offeringId('hs-delta/ALO-BD1');
    const other = t.dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      const [{ id: requestId }] = (await other.query(
        `INSERT INTO requests (student_id, home_institution_code, home_programme_code, motivation, status,
           created_at, updated_at) VALUES ('chen', 'mbo-energie', 'installatie', 'm', 'draft', now(), now())
         RETURNING id`,
      )) as { id: string }[];
      await other.query(
        `INSERT INTO components (request_id, position, offering_id, home_institution_code, home_programme_code,
           student_id, host_institution_code, route, counts_as, motivation, state, updated_at)
         VALUES ($1, 0, $2, 'mbo-energie', 'installatie', 'chen', 'hs-delta', 6, 'minor', 'm', 'draft', now())`,
        [requestId, offeringId],
      );
      const racing = create('chen', ['hs-delta/ALO-BD1']);
      // Until the API's insert waits on the index for the other transaction.
      await waitFor(
        async () =>
          Number(
            (
              await t.dataSource.query<{ n: string }[]>(
                `SELECT count(*) AS n FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock'`,
              )
            )[0].n,
          ) > 0 || undefined,
        { timeoutMs: 10000, intervalMs: 20 },
      );
      await other.commitTransaction();
      expectDuplicate(await racing, 'Bewegingsdidactiek 1');
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
  });

  it('refuses an objection that would reopen a rejected request while a newer one for the offering is live', async () => {
    const rejected = await j.submitted('daan', [{ offering: 'hs-westland/TB-KAS-TOM' }]);
    await j.act('ijssel-eb', j.path(rejected, 0, 'approval'), {
      decision: 'reject',
      motivation: 'Not part of data science.',
    });
    await j.submitted('daan', [{ offering: 'hs-westland/TB-KAS-TOM' }]);
    const before = await counts();
    const objection = await t.as('daan').post(j.path(rejected, 0, 'objection'), {
      grounds: 'It is part of my thesis.',
    });
    expectDuplicate(objection, 'Teelt van tomaten');
    expect(await j.state(rejected.components[0].id)).toBe('rejected_by_exam_board');
    expect(await counts()).toEqual(before);
  });
});
