import { RecognitionEntity } from '@lr/database';
import type { RequestView } from '@lr/workflow';
import { Journey, expectStatus } from './journey';
import { TestApp } from './test-app';

describe('journeys through learning routes 4, 5 and 6 (API and worker)', () => {
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    t = await TestApp.start();
    j = new Journey(t);
  });
  afterAll(() => t.close());

  const recognition = (componentId: string) =>
    t.dataSource.manager.findOneByOrFail(RecognitionEntity, { componentId });

  it('route 4: Kyra takes a sports-teacher unit within her own university of applied sciences', async () => {
    const request = await j.submitted('kyra', [
      { offering: 'hs-delta/ALO-BD1', countsAs: 'minor' },
    ]);
    expect(request.components[0]).toMatchObject({ route: 4, state: 'awaiting_approval' });
    expect(request.components[0].decisionDueAt).toBe('2027-01-12T09:00:00.000Z'); // 42 days

    await j.approved('delta-eb-pabo', request);
    await j.admitted('delta-admissions', request);
    await j.resultHome(
      'delta-registrar',
      request,
      0,
      { grade: '7.5', passed: true, credits: 15 },
      'recognised',
    );
    expectStatus(await t.as('delta-registrar').post(j.path(request, 0, 'registration')), 201);

    const record = expectStatus(await t.as('kyra').get('/students/kyra/credit-record'), 200).body;
    expect(record.totals).toEqual({ EC: 15 });
    expect(record.entries[0]).toMatchObject({
      unitTitle: 'Bewegingsdidactiek 1',
      placement: 'minor',
      originalGrade: '7.5',
    });
  });

  it('route 5: Macca adds data science from another university; every party finds it in their inbox', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
    const component = request.components[0];
    expect(component.route).toBe(5);
    const inbox = async (person: string, kind: string) =>
      (
        expectStatus(await t.as(person).get(`/inbox/${kind}`), 200).body.items as {
          componentId: string;
        }[]
      ).map((i) => i.componentId);

    expect(await inbox('waal-eb-life', 'exam-board')).toContain(component.id);
    await j.approved('waal-eb-life', request);
    expect(await inbox('waal-eb-life', 'exam-board')).not.toContain(component.id);
    expect(await inbox('ijssel-admissions', 'admissions')).toContain(component.id);

    await j.admitted('ijssel-admissions', request);
    expect(await inbox('ijssel-registrar', 'results')).toContain(component.id);

    await j.resultHome(
      'ijssel-registrar',
      request,
      0,
      { grade: '8', passed: true, credits: 6 },
      'recognised',
    );
    expect(await inbox('waal-registrar', 'registrations')).toContain(component.id);
    const registered = expectStatus(
      await t.as('waal-registrar').post(j.path(request, 0, 'registration')),
      201,
    );
    expect(registered.body).toMatchObject({
      alreadyRegistered: false,
      entry: { credits: 6, creditUnit: 'EC' },
    });

    const view = await j.view('macca', request.id);
    expect(view.status).toBe('completed');
    expect(view.components[0].recognition).toMatchObject({
      basis: 'approval',
      recognisedCredits: 6,
    });
    // One timeline across all parties, in order.
    expect(view.timeline.map((e) => `${e.event}:${e.actor.role}`)).toEqual([
      'create:student',
      'submit:student',
      'approve:exam-board',
      'deliver_to_host:system',
      'admit:host-admissions',
      'record_result:registrar',
      'recognise_automatically:system',
      'register:registrar',
    ]);
    expect(new Set(view.timeline.map((e) => e.actor.institutionCode))).toEqual(
      new Set(['uni-waal', 'uni-ijssel']),
    );
  });

  it('an inbox page carries the inbox total, also a page past its end, and an empty inbox says 0', async () => {
    const requests = await Promise.all(
      ['uni-ijssel/DS-LAB', 'uni-ijssel/DS-VIS'].map((offering) =>
        j.submitted('aurelie', [{ offering }]),
      ),
    );
    const page = async (query: string) =>
      expectStatus(await t.as('waal-eb-life').get(`/inbox/exam-board?${query}`), 200).body as {
        items: { componentId: string }[];
        total: number;
      };
    const all = await page('pageSize=100');
    expect(all.total).toBe(all.items.length);
    const mine = requests.map((r) => r.components[0].id);
    expect(all.items.map((i) => i.componentId)).toEqual(expect.arrayContaining(mine));
    expect(await page('pageSize=1&page=2')).toMatchObject({ total: all.total });
    expect(await page(`pageSize=1&page=${all.total + 1}`)).toEqual({
      items: [],
      total: all.total,
      page: all.total + 1,
      pageSize: 1,
    });
    const empty = expectStatus(await t.as('westland-registrar').get('/inbox/registrations'), 200);
    expect(empty.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    for (const r of requests) {
      await j.act('aurelie', `/requests/${r.id}/withdraw`, { reason: 'Not now.' });
    }
  });

  it('route 6: Aurelie takes greenhouse horticulture at a university of applied sciences', async () => {
    const request = await j.submitted('aurelie', [
      {
        offering: 'hs-westland/TB-KAS-TOM',
        countsAs: 'replacement',
        replacesUnit: 'Thesis preparation course',
      },
    ]);
    expect(request.components[0].route).toBe(6);
    await j.approved('waal-eb-life', request);
    await j.admitted('westland-admissions', request);
    await j.resultHome(
      'westland-registrar',
      request,
      0,
      { grade: '6.8', passed: true, credits: 5 },
      'recognised',
    );
    const rec = await recognition(request.components[0].id);
    expect(rec).toMatchObject({
      placement: 'replaces Thesis preparation course',
      recognisedCredits: 5,
      originalGrade: '6.8',
    });
  });

  it('route 6 from hbo to mbo: a 240-hour elective unit is recognised as 8.57 EC, keeping both values', async () => {
    const request = await j.submitted('sem', [{ offering: 'mbo-energie/KD-WARMTEPOMP' }]);
    expect(request.components[0].route).toBe(6);
    await j.approved('westland-eb', request);
    const approved = await j.view('sem', request.id);
    expect(approved.components[0].approval).toMatchObject({ credits: 8.57, creditUnit: 'EC' });

    await j.admitted('energie-admissions', request);
    await j.resultHome(
      'energie-registrar',
      request,
      0,
      { grade: 'goed', passed: true, credits: 240 },
      'recognised',
    );
    expect(await recognition(request.components[0].id)).toMatchObject({
      originalGrade: 'goed',
      originalGradingScale: 'mbo-ovg',
      originalCredits: 240,
      originalCreditUnit: 'hours',
      recognisedCredits: 8.57,
      recognisedCreditUnit: 'EC',
      conversionRule: 'hours ÷ 28 = EC',
      basis: 'approval',
      motivation:
        '8.57 EC as approved; the result of 240 hours converts to 8.57 EC (hours ÷ 28 = EC).',
    });
    expectStatus(await t.as('westland-registrar').post(j.path(request, 0, 'registration')), 201);
    const record = expectStatus(await t.as('sem').get('/students/sem/credit-record'), 200).body;
    expect(record.totals).toEqual({ EC: 8.57 });
  });

  it('route 6 from mbo to hbo: a 5 EC unit counts as 140 study hours at the mbo college', async () => {
    const request = await j.submitted('chen', [{ offering: 'hs-westland/TB-ENERGIE' }]);
    await j.approved('energie-eb', request);
    await j.admitted('westland-admissions', request);
    await j.resultHome(
      'westland-registrar',
      request,
      0,
      { grade: '7', passed: true, credits: 5 },
      'recognised',
    );
    expect(await recognition(request.components[0].id)).toMatchObject({
      recognisedCredits: 140,
      recognisedCreditUnit: 'hours',
      conversionRule: 'EC × 28 = hours',
    });
  });

  it('a request with two hosts: the components move independently, the request status follows them', async () => {
    const request: RequestView = await j.submitted('macca', [
      { offering: 'uni-ijssel/DS-VIS' },
      { offering: 'hs-westland/TB-ENERGIE' },
    ]);
    expect(request.components.map((c) => c.route)).toEqual([5, 6]);
    await j.approved('waal-eb-life', request, 0);
    await j.approved('waal-eb-life', request, 1);
    await j.admitted('ijssel-admissions', request, 0);
    await j.act('westland-admissions', j.path(request, 1, 'admission'), {
      decision: 'refuse',
      reason: 'Requires the first-year greenhouse climate unit.',
    });
    expect((await j.view('macca', request.id)).status).toBe('in_progress');

    await j.resultHome(
      'ijssel-registrar',
      request,
      0,
      { grade: '9', passed: true, credits: 5 },
      'recognised',
    );
    expectStatus(await t.as('waal-registrar').post(j.path(request, 0, 'registration')), 201);
    const view = await j.view('macca', request.id);
    expect(view.components.map((c) => c.state)).toEqual(['registered', 'rejected_by_host']);
    expect(view.status).toBe('completed');

    // Each host sees only its own component of the request.
    const ijssel = await j.view('ijssel-admissions', request.id);
    expect(ijssel.components.map((c) => c.host.code)).toEqual(['uni-ijssel']);
    expect(new Set(ijssel.timeline.map((e) => e.componentId))).toEqual(
      new Set([request.components[0].id]),
    );
  });

  it('a provisional result stays with the host; only the final result travels home', async () => {
    const request = await j.enrolled({ student: 'aurelie' });
    const provisional = await j.act('ijssel-registrar', j.path(request, 0, 'result'), {
      grade: '6',
      passed: true,
      credits: 6,
      final: false,
    });
    expect(provisional.components[0]).toMatchObject({
      state: 'enrolled',
      result: { grade: '6', isFinal: false },
    });
    await j.resultHome(
      'ijssel-registrar',
      request,
      0,
      { grade: '7', passed: true, credits: 6 },
      'recognised',
    );
    expect(await recognition(request.components[0].id)).toMatchObject({ originalGrade: '7' });
  });
});
