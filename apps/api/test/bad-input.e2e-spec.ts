import type { Response } from 'supertest';
import { ComponentEntity, RequestEntity } from '@lr/database';
import { Journey } from './journey';
import { TestApp } from './test-app';

describe('bad input gets a clear problem and changes nothing', () => {
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    t = await TestApp.start({ withWorker: false });
    j = new Journey(t);
  });
  afterAll(() => t.close());

  const counts = async () => ({
    requests: await t.dataSource.manager.count(RequestEntity),
    components: await t.dataSource.manager.count(ComponentEntity),
  });

  it('refuses unknown fields, wrong types and out-of-range values, naming each field', async () => {
    const before = await counts();
    const offeringId = await j.offeringId('uni-ijssel/DS-ML');
    const response = await t.as('macca').post('/requests', {
      motivation: 42,
      components: [{ offeringId, countsAs: 'hobby', motivation: 'x', extra: true }],
      priority: 'high',
    });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 400,
      code: 'REQUEST.VALIDATION_FAILED',
      instance: '/requests',
    });
    const fields = response.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual([
      'components.0.countsAs',
      'components.0.extra',
      'motivation',
      'priority',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses fields sent to a command that takes none', async () => {
    const draft = await j.compose('macca', [{ offering: 'uni-ijssel/DS-VIS' }]);
    const submit = await t.as('macca').post(`/requests/${draft.id}/submit`, { urgent: true });
    expect(submit.status).toBe(400);
    expect(submit.body.errors).toEqual([expect.objectContaining({ field: 'urgent' })]);
    expect(await j.state(draft.components[0].id)).toBe('draft');
  });

  it('refuses a replacement that does not name the unit it replaces', async () => {
    const before = await counts();
    const response = await t.as('macca').post('/requests', {
      motivation: 'A replacement for a unit at home.',
      components: [
        {
          offeringId: await j.offeringId('uni-ijssel/DS-ML'),
          countsAs: 'replacement',
          motivation: 'why',
        },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'components.0.replacesUnit' }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a unit of the student's own programme: that is no learning route", async () => {
    const response = await t.as('daan').post('/requests', {
      motivation: 'Taking a unit of my own programme.',
      components: [
        {
          offeringId: await j.offeringId('uni-ijssel/DS-ML'),
          countsAs: 'elective-space',
          motivation: 'why',
        },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('COMPONENT.OWN_PROGRAMME');
  });

  it('answers 404 for unknown ids and 400 for malformed ones', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const before = await counts();
    const missingOffering = await t.as('macca').post('/requests', {
      motivation: 'An offering that does not exist.',
      components: [{ offeringId: unknown, countsAs: 'minor', motivation: 'why' }],
    });
    expect(missingOffering.status).toBe(404);
    expect(missingOffering.body.code).toBe('OFFERING.NOT_FOUND');
    expect(await counts()).toEqual(before);
    expect((await t.as('macca').get(`/requests/${unknown}`)).status).toBe(404);
    expect((await t.as('macca').get(`/offerings/${unknown}`)).status).toBe(404);
    expect((await t.as('macca').get('/institutions/nowhere')).status).toBe(404);
    const malformed = await t.as('macca').get('/requests/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([{ field: 'id', messages: ['must be a UUID'] }]);
    expect((await t.as('macca').get('/inbox/everything')).status).toBe(400);
  });

  it('answers 409 for an illegal transition and for a decision on a stale version', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
    const path = j.path(request, 0, 'approval');
    const stale = await t
      .as('waal-eb-life')
      .post(path, { decision: 'approve', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'COMPONENT.STALE_VERSION',
      context: { version: 2, state: 'awaiting_approval' },
    });

    await j.act('waal-eb-life', path, { decision: 'reject', motivation: 'Not in this programme.' });
    const again = await t.as('waal-eb-life').post(path, { decision: 'approve' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'COMPONENT.ILLEGAL_TRANSITION',
      context: { state: 'rejected_by_exam_board' },
    });
    const resubmit = await t.as('macca').post(`/requests/${request.id}/submit`);
    expect(resubmit.status).toBe(409);
    expect(await j.state(request.components[0].id)).toBe('rejected_by_exam_board');
  });

  it('refuses a result that is not on the host scale or contradicts pass/fail', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
    await t.dataSource.query(
      `UPDATE components SET state = 'enrolled', approval_reference = 'eb/2026/t' WHERE id = $1`,
      [request.components[0].id],
    );
    const path = j.path(request, 0, 'result');
    const offScale = await t
      .as('ijssel-registrar')
      .post(path, { grade: 'goed', passed: true, credits: 6, final: true });
    expect(offScale.status).toBe(400);
    expect(offScale.body).toMatchObject({
      code: 'RESULT.INVALID_GRADE',
      errors: [{ field: 'grade' }],
    });
    const contradiction = await t
      .as('ijssel-registrar')
      .post(path, { grade: '4', passed: true, credits: 6, final: true });
    expect(contradiction.body).toMatchObject({ status: 400, code: 'RESULT.PASS_MISMATCH' });
    const negative = await t
      .as('ijssel-registrar')
      .post(path, { grade: '8', passed: true, credits: -1, final: true });
    expect(negative.status).toBe(400);
    expect(await j.state(request.components[0].id)).toBe('enrolled');
  });

  it('paginates lists and validates the page parameters', async () => {
    const page = await t.as('macca').get('/offerings?pageSize=2&page=2');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(4);
    expect((await t.as('macca').get('/offerings?pageSize=1000')).status).toBe(400);
    expect((await t.as('macca').get('/offerings?page=zero')).status).toBe(400);
  });

  /** Expects a 400 problem that names exactly these fields. */
  const refused = (response: Response, ...fields: string[]) => {
    expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
      status: 400,
      type: expect.stringMatching(/^application\/problem\+json/),
    });
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
  };

  it('refuses a number out of range, or not written as a plain decimal, in a query, naming it', async () => {
    const cases: [person: string, path: string, field: string][] = [
      ['macca', '/offerings?page=1e22', 'page'],
      ['macca', '/offerings?page=100001', 'page'],
      ['macca', '/offerings?page=9007199254740993', 'page'],
      ['macca', '/offerings?page=0x10', 'page'],
      ['macca', '/offerings?page=1e1', 'page'],
      ['macca', '/offerings?page=-0', 'page'],
      ['macca', '/offerings?pageSize=1e2', 'pageSize'],
      ['macca', '/offerings?minCredits=1e22', 'minCredits'],
      ['macca', '/offerings?maxCredits=0x10', 'maxCredits'],
      ['macca', '/offerings?minCredits=0.001', 'minCredits'],
      ['macca', '/requests?page=1e22', 'page'],
      ['macca', '/notifications?page=1e22', 'page'],
      ['macca', '/institutions?page=1e22', 'page'],
      ['waal-eb-life', '/inbox/exam-board?page=1e22', 'page'],
      ['waal-eb-life', '/inbox/exam-board?route=0x5', 'route'],
      ['waal-admin', '/audit?page=1e22', 'page'],
      ['waal-admin', '/admin/delivery-failures?page=1e22', 'page'],
    ];
    const wrong: string[] = [];
    for (const [person, path, field] of cases) {
      const response = await t.as(person).get(path);
      const fields = response.body.errors?.map((e: { field: string }) => e.field);
      if (response.status !== 400 || JSON.stringify(fields) !== JSON.stringify([field]))
        wrong.push(`${path}: ${response.status} ${JSON.stringify(fields)}`);
    }
    expect(wrong).toEqual([]);
    const last = await t.as('macca').get('/offerings?page=100000&pageSize=100');
    expect(last.status).toBe(200);
    expect(last.body.items).toEqual([]);
  });

  it('refuses a number out of range in a body, naming it, and changes nothing', async () => {
    const [copy] = await j.copiesOf('uni-ijssel/DS-VIS', 1);
    const request = await j.submitted('macca', [{ offering: copy }]);
    const approval = j.path(request, 0, 'approval');
    const before = await counts();
    refused(
      await t.as('waal-eb-life').post(approval, { decision: 'approve', credits: 1e-7 }),
      'credits',
    );
    refused(
      await t.as('waal-eb-life').post(approval, { decision: 'approve', credits: 6.001 }),
      'credits',
    );
    refused(
      await t.as('waal-eb-life').post(approval, { decision: 'approve', expectedVersion: 1e22 }),
      'expectedVersion',
    );
    refused(
      await t.as('waal-eb-life').post(approval, { decision: 'approve', expectedVersion: 2 ** 31 }),
      'expectedVersion',
    );
    expect(await counts()).toEqual(before);
    expect(await j.state(request.components[0].id)).toBe('awaiting_approval');
  });

  it('refuses control characters and lone surrogates in any text: body, query and path', async () => {
    const offeringId = await j.offeringId('uni-ijssel/DS-ML');
    const draft = (motivation: string, componentMotivation = 'It completes my profile.') => ({
      motivation,
      components: [{ offeringId, countsAs: 'minor', motivation: componentMotivation }],
    });
    const before = await counts();
    refused(await t.as('macca').post('/requests', draft('A good reason\u0000')), 'motivation');
    refused(
      await t.as('macca').post('/requests', draft('A good reason', 'bell \u0007')),
      'components.0.motivation',
    );
    refused(await t.as('macca').post('/requests', draft('A good reason \ud800')), 'motivation');
    refused(await t.as('macca').post('/requests', draft('A good reason \udc00 x')), 'motivation');
    refused(await t.as('macca').post('/requests', draft('A good reason \u001b[31m')), 'motivation');
    refused(await t.as('macca').post('/requests', draft('A good reason \u007f')), 'motivation');
    refused(await t.as('macca').post('/requests', draft('A good reason \u0085')), 'motivation');
    refused(await t.as('macca').get('/offerings?q=%00'), 'q');
    refused(await t.as('macca').get('/offerings?period=P3%1B'), 'period');
    refused(await t.as('macca').get('/offerings?q=ok&q=%07'), 'q.1');
    refused(await t.as('macca').get('/institutions/uni%00'), 'code');
    refused(await t.as('macca').get('/students/macca%00/credit-record'), 'studentId');
    refused(await t.http().post('/dev/tokens').send({ personId: 'macca\u0000' }), 'personId');
    expect(await counts()).toEqual(before);
  });

  it('keeps text with line breaks, tabs, emoji, bidirectional marks and combining characters as sent', async () => {
    const offeringId = await j.offeringId((await j.copiesOf('uni-ijssel/DS-VIS', 1))[0]);
    const motivation =
      'Line one\r\nline two\ttabbed; 👩‍🔬 \u202Ereversed\u202C, cafe\u0301, a\u200Db, ✓ «ok»';
    const created = await t.as('macca').post('/requests', {
      motivation,
      components: [{ offeringId, countsAs: 'minor', motivation: 'Σ 💚\n' }],
    });
    expect(created.status).toBe(201);
    const stored = await t.dataSource.manager.findOneByOrFail(RequestEntity, {
      id: created.body.id,
    });
    expect(stored.motivation).toBe(motivation);
  });

  it('refuses prototype keys, bodies that are no object and nesting beyond reason', async () => {
    const before = await counts();
    const raw = (path: string, json: string) =>
      t.http().post(path).set('Content-Type', 'application/json').send(json);
    refused(
      await raw('/dev/tokens', '{"personId":"macca","__proto__":{"polluted":true}}'),
      '__proto__',
    );
    refused(
      await raw('/dev/tokens', '{"personId":"macca","constructor":{"prototype":{}}}'),
      'constructor',
    );
    refused(await t.as('macca').get('/offerings?__proto__=1'), '__proto__');
    refused(await raw('/dev/tokens', '[{"personId":"macca"}]'), 'body');
    const deep = '['.repeat(50000) + ']'.repeat(50000);
    refused(await raw('/dev/tokens', `{"personId":${deep}}`), 'personId');
    refused(await raw('/dev/tokens', deep), 'body');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it('searches and filters the catalogue', async () => {
    const mbo = await t.as('macca').get('/offerings?sector=mbo');
    expect(mbo.body.items.map((o: { institutionCode: string }) => o.institutionCode)).toEqual([
      'mbo-energie',
      'mbo-energie',
    ]);
    const search = await t.as('macca').get('/offerings?q=tomaten');
    expect(search.body.items.map((o: { code: string }) => o.code)).toEqual(['TB-KAS-TOM']);
    for (const q of ['mach learn', 'DS-ML', 'ds ml']) {
      const found = await t.as('macca').get(`/offerings?q=${encodeURIComponent(q)}`);
      expect(found.body.items.map((o: { code: string }) => o.code)).toEqual(['DS-ML']);
    }
    const noWords = await t.as('macca').get(`/offerings?q=${encodeURIComponent("'&|!")}`);
    expect(noWords.status).toBe(200);
    expect(noWords.body.total).toBe((await t.as('macca').get('/offerings')).body.total);
    const filtered = await t.as('macca').get('/offerings?language=en&minCredits=6&creditUnit=EC');
    expect(
      filtered.body.items.every(
        (o: { credits: number; language: string }) => o.credits >= 6 && o.language === 'en',
      ),
    ).toBe(true);
    expect(filtered.body.total).toBeGreaterThan(0);
  });

  it('stops counting a broad catalogue search past 1,000 matches, and says so', async () => {
    await t.dataSource.query(`
      INSERT INTO offerings (institution_code, programme_code, code, title, description, credits, credit_unit,
                             period, language, capacity, enrolled_count, enrolment_deadline, prerequisites)
      SELECT 'uni-ijssel', 'msc-ds', 'CAP-' || g, 'Capstone ' || g, 'Generated', 5, 'EC', 'P1', 'en', 10, 0,
             '2027-06-30', '{}'
      FROM generate_series(1, 1001) g`);
    const broad = await t.as('macca').get('/offerings?q=capstone');
    expect(broad.body).toMatchObject({ total: 1000, totalCapped: true });
    expect(broad.body.items).toHaveLength(20);
    const narrow = await t.as('macca').get('/offerings?q=capstone 1000');
    expect(narrow.body).toMatchObject({ total: 1, totalCapped: false });
  });
});
