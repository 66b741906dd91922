import { ComponentEntity, PersonEntity } from '@lr/database';
import type { RequestView } from '@lr/workflow';
import { Journey, expectStatus } from './journey';
import { TestApp } from './test-app';

describe('who may do what: refused actions change nothing', () => {
  let t: TestApp;
  let j: Journey;
  let request: RequestView;

  beforeAll(async () => {
    t = await TestApp.start();
    j = new Journey(t);
    request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
  });
  afterAll(() => t.close());

  const snapshot = () =>
    t.dataSource.manager.findOneByOrFail(ComponentEntity, { id: request.components[0].id });

  it('refuses requests without a valid bearer token', async () => {
    expect((await t.http().get(`/requests/${request.id}`)).status).toBe(401);
    const forged = await t.http().get('/offerings').set('Authorization', 'Bearer not.a.token');
    expect(forged.status).toBe(401);
    expect(forged.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it("does not show a student another student's request, nor that it exists", async () => {
    const before = await snapshot();
    const read = await t.as('aurelie').get(`/requests/${request.id}`);
    const withdraw = await t.as('aurelie').post(`/requests/${request.id}/withdraw`);
    expect([read.status, withdraw.status]).toEqual([404, 404]);
    const unknown = await t.as('aurelie').get('/requests/00000000-0000-4000-8000-000000000000');
    expect(read.body.detail).toBe(
      unknown.body.detail.replace('00000000-0000-4000-8000-000000000000', request.id),
    );
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an exam board deciding for another programme's student", async () => {
    const before = await snapshot();
    const otherBoard = await t
      .as('waal-eb-nutrition')
      .post(j.path(request, 0, 'approval'), { decision: 'approve' });
    const otherInstitution = await t
      .as('ijssel-eb')
      .post(j.path(request, 0, 'approval'), { decision: 'approve' });
    expect([otherBoard.status, otherInstitution.status]).toEqual([404, 404]);
    expect(await snapshot()).toEqual(before);
    const inbox = expectStatus(await t.as('waal-eb-nutrition').get('/inbox/exam-board'), 200);
    expect(inbox.body.items.map((i: { componentId: string }) => i.componentId)).not.toContain(
      request.components[0].id,
    );
  });

  it('shows a draft to no one but its student, and a request to a host only once it was sent there', async () => {
    const draft = await j.compose('macca', [{ offering: 'uni-ijssel/DS-VIS' }]);
    expect((await t.as('waal-eb-life').get(`/requests/${draft.id}`)).status).toBe(404);
    expect((await t.as('waal-registrar').get(`/requests/${draft.id}`)).status).toBe(404);
    const submitted = await j.act('macca', `/requests/${draft.id}/submit`);
    expect((await t.as('waal-eb-life').get(`/requests/${submitted.id}`)).status).toBe(200);
    expect((await t.as('ijssel-admissions').get(`/requests/${submitted.id}`)).status).toBe(404);
    expect((await t.as('ijssel-registrar').get(`/requests/${submitted.id}`)).status).toBe(404);
    await j.approved('waal-eb-life', submitted);
    expect((await t.as('ijssel-admissions').get(`/requests/${submitted.id}`)).status).toBe(200);
  });

  it('says 403 before anything about state or version to someone who may not act', async () => {
    const pending = await j.submitted('macca', [{ offering: 'hs-westland/TB-ENERGIE' }]);
    await j.approved('waal-eb-life', pending);
    const stale = await t
      .as('macca')
      .post(j.path(pending, 0, 'approval'), { decision: 'approve', expectedVersion: 1 });
    expect(stale.status).toBe(403);
    const hostWithdraws = await t
      .as('westland-admissions')
      .post(`/requests/${pending.id}/withdraw`);
    expect(hostWithdraws.status).toBe(403);
    expect(hostWithdraws.body).not.toHaveProperty('context');
    const hostSubmits = await t.as('westland-admissions').post(`/requests/${pending.id}/submit`);
    expect(hostSubmits.status).toBe(403);
    expect(await j.state(pending.components[0].id)).toBe('awaiting_admission');
  });

  it('refuses the student deciding on their own request (403: they see it, but may not decide)', async () => {
    const before = await snapshot();
    const response = await t
      .as('macca')
      .post(j.path(request, 0, 'approval'), { decision: 'approve' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('ACCESS.FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a host acting for another institution, and the home registrar acting as host', async () => {
    await j.approved('waal-eb-life', request);
    const before = await snapshot();
    const otherHost = await t
      .as('westland-admissions')
      .post(j.path(request, 0, 'admission'), { decision: 'admit' });
    expect(otherHost.status).toBe(404);
    expect(await snapshot()).toEqual(before);
    // The home registrar sees the request but may not record the host's result.
    await j.admitted('ijssel-admissions', request);
    const enrolled = await snapshot();
    const homeAsHost = await t.as('waal-registrar').post(j.path(request, 0, 'result'), {
      grade: '8',
      passed: true,
      credits: 6,
      final: true,
    });
    expect(homeAsHost.status).toBe(403);
    expect(await snapshot()).toEqual(enrolled);
    expect(before.state).toBe('awaiting_admission');
  });

  it('keeps each inbox to its role', async () => {
    const response = await t.as('macca').get('/inbox/exam-board');
    expect(response.status).toBe(403);
    expect((await t.as('waal-eb-life').get('/inbox/admissions')).status).toBe(403);
  });

  it("shows a credit record only to the student and their own institution's registrar", async () => {
    expect((await t.as('macca').get('/students/macca/credit-record')).status).toBe(200);
    expect((await t.as('waal-registrar').get('/students/macca/credit-record')).status).toBe(200);
    expect((await t.as('aurelie').get('/students/macca/credit-record')).status).toBe(404);
    expect((await t.as('ijssel-registrar').get('/students/macca/credit-record')).status).toBe(404);
  });

  it('keeps apart people of two institutions whose sign-in subject is the same', async () => {
    // mbo-energie's Entra ID tenant gives one of its students the subject SURFconext gives uni-waal's Macca.
    const namesake = {
      id: 'macca',
      role: 'student' as const,
      name: 'Macca Energie',
      email: 'macca@student.mbo-energie.example',
      programmeCodes: ['installatie'],
    };
    // The college's own records know them, so their sign-in records them (under mbo-energie).
    await t.ownerQuery(
      `INSERT INTO student_register (institution_code, subject, student_number, programme_codes)
       VALUES ('mbo-energie', 'macca', '700123', '{installatie}')`,
    );
    const other = t.asSignedIn('mbo-energie', namesake);
    const rejected = await j.submitted('macca', [{ offering: 'hs-delta/ALO-SPW' }]);
    await j.act('waal-eb-life', j.path(rejected, 0, 'approval'), {
      decision: 'reject',
      motivation: 'Overlaps msc-food.',
    });
    const notifications = expectStatus(await t.as('macca').get('/notifications'), 200).body;
    expect(notifications.total).toBeGreaterThan(0);
    const everything = () =>
      t.dataSource.query(`SELECT
        (SELECT json_agg(json_build_array(id, state, version) ORDER BY id) FROM components) AS components,
        (SELECT count(*) FROM transitions) AS transitions,
        (SELECT count(*) FILTER (WHERE read_at IS NOT NULL) FROM notifications) AS read`);
    const before = await everything();

    for (const id of [request.id, rejected.id]) {
      expect((await other.get(`/requests/${id}`)).status).toBe(404);
    }
    expect((await other.get('/requests')).body).toMatchObject({ total: 0, items: [] });
    expect((await other.get('/notifications')).body).toMatchObject({ total: 0, items: [] });
    const markRead = await other.post(`/notifications/${notifications.items[0].id}/read`);
    expect(markRead.status).toBe(404);
    // Their own record, which is empty: not uni-waal's Macca's.
    const record = expectStatus(await other.get('/students/macca/credit-record'), 200).body;
    expect(record.student).toMatchObject({ institutionCode: 'mbo-energie', name: 'Macca Energie' });
    expect(record.entries).toEqual([]);
    expect((await other.post(`/requests/${request.id}/withdraw`)).status).toBe(404);
    const objection = await other.post(j.path(rejected, 0, 'objection'), {
      grounds: 'It does not overlap.',
    });
    expect(objection.status).toBe(404);
    expect(await everything()).toEqual(before);

    // Both in the people table, each under their own institution: each reads only their own data.
    expect(
      await t.dataSource.manager.countBy(PersonEntity, { id: 'macca', name: 'Macca Energie' }),
    ).toBe(1);
    const exported = expectStatus(await other.get('/me/export'), 200).body;
    expect(exported).toMatchObject({
      person: { institutionCode: 'mbo-energie', name: 'Macca Energie' },
      requests: [],
      notifications: [],
      creditRecord: { entries: [] },
    });
    expect(JSON.stringify(exported)).not.toContain('Macca Janssen');
    const own = expectStatus(await t.as('macca').get('/me/export'), 200).body;
    expect(own.person).toMatchObject({ institutionCode: 'uni-waal', name: 'Macca Janssen' });
    expect(own.requests.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([request.id, rejected.id]),
    );
  });
});
