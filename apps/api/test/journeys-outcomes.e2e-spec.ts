import {
  ComponentEntity,
  CreditEntryEntity,
  OfferingEntity,
  OutboxMessageEntity,
} from '@lr/database';
import { Journey, expectStatus } from './journey';
import { TestApp } from './test-app';

describe('journeys that end otherwise: rejections, full offerings, withdrawals, fails and deviations', () => {
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    t = await TestApp.start();
    j = new Journey(t);
  });
  afterAll(() => t.close());

  const deliveriesFor = (componentId: string) =>
    t.dataSource.manager
      .createQueryBuilder(OutboxMessageEntity, 'o')
      .where("o.payload->>'componentId' = :componentId", { componentId })
      .andWhere("o.job_name = 'admission.deliver-request'")
      .getMany();

  it('the exam board rejects with a motivation the student sees; a rejection without one changes nothing', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
    const missing = await t
      .as('waal-eb-life')
      .post(j.path(request, 0, 'approval'), { decision: 'reject' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({
        field: 'motivation',
        messages: ['motivation is required for a rejection and may not be empty'],
      }),
    ]);
    expect(await j.state(request.components[0].id)).toBe('awaiting_approval');

    const motivation = 'The unit overlaps with Food Data Analysis in your programme.';
    await j.act('waal-eb-life', j.path(request, 0, 'approval'), { decision: 'reject', motivation });
    const view = await j.view('macca', request.id);
    expect(view.status).toBe('completed');
    expect(view.components[0].state).toBe('rejected_by_exam_board');
    expect(view.timeline.at(-1)).toMatchObject({
      event: 'reject',
      motivation,
      actor: { id: 'waal-eb-life' },
    });
    expect(await deliveriesFor(request.components[0].id)).toEqual([]);
  });

  it('the host refuses with a reason; a refusal without one is a 400', async () => {
    const request = await j.submitted('aurelie', [{ offering: 'hs-westland/TB-KAS-TOM' }]);
    await j.approved('waal-eb-life', request);
    const noReason = await t
      .as('westland-admissions')
      .post(j.path(request, 0, 'admission'), { decision: 'refuse' });
    expect(noReason.status).toBe(400);
    const reason = 'Dutch at B2 level is required for this unit.';
    const view = await j.act('westland-admissions', j.path(request, 0, 'admission'), {
      decision: 'refuse',
      reason,
    });
    expect(view.components[0].state).toBe('rejected_by_host');
    expect((await j.view('aurelie', request.id)).timeline.at(-1)).toMatchObject({
      motivation: reason,
    });
  });

  it('a full offering: the last place goes once, a later admission gets 409, a later request is refused by the host', async () => {
    const first = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-SEM' }]);
    const second = await j.submitted('noor', [{ offering: 'uni-ijssel/DS-SEM' }]);
    await j.approved('waal-eb-life', first);
    await j.approved('waal-eb-nutrition', second);
    await j.admitted('ijssel-admissions', first);

    const full = await t
      .as('ijssel-admissions')
      .post(j.path(second, 0, 'admission'), { decision: 'admit' });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('OFFERING.FULL');
    expect(await j.state(second.components[0].id)).toBe('awaiting_admission');

    const late = await j.submitted('aurelie', [{ offering: 'uni-ijssel/DS-SEM' }]);
    await j.act('waal-eb-life', j.path(late, 0, 'approval'), { decision: 'approve' });
    await j.waitForState(late.components[0].id, 'rejected_by_host');
    expect((await j.view('aurelie', late.id)).timeline.at(-1)?.motivation).toMatch(
      /is full \(1 places\)/,
    );
    const seminar = await t.dataSource.manager.findOneByOrFail(OfferingEntity, { code: 'DS-SEM' });
    expect(seminar.enrolledCount).toBe(1);
  });

  it('two admissions for the last place at the same moment: exactly one is enrolled', async () => {
    await t.dataSource.query(
      `UPDATE offerings SET capacity = enrolled_count + 1 WHERE code = 'DS-VIS'`,
    );
    const a = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-VIS' }]);
    const b = await j.submitted('noor', [{ offering: 'uni-ijssel/DS-VIS' }]);
    await j.approved('waal-eb-life', a);
    await j.approved('waal-eb-nutrition', b);
    const responses = await Promise.all(
      [a, b].map((r) =>
        t.as('ijssel-admissions').post(j.path(r, 0, 'admission'), { decision: 'admit' }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const states = await Promise.all([a, b].map((r) => j.state(r.components[0].id)));
    expect(states.filter((s) => s === 'enrolled')).toHaveLength(1);
  });

  it('after the enrolment deadline the host system refuses at delivery, and admissions cannot admit', async () => {
    const request = await j.submitted('macca', [{ offering: 'hs-westland/TB-KAS-TOM' }]);
    const waiting = await j.submitted('aurelie', [{ offering: 'hs-westland/TB-KAS-TOM' }]);
    await j.approved('waal-eb-life', waiting);
    t.clock.set('2027-02-01T10:00:00Z');
    try {
      await j.act('waal-eb-life', j.path(request, 0, 'approval'), { decision: 'approve' });
      await j.waitForState(request.components[0].id, 'rejected_by_host');
      expect((await j.view('macca', request.id)).timeline.at(-1)?.motivation).toMatch(
        /deadline .* has passed/,
      );

      const late = await t
        .as('westland-admissions')
        .post(j.path(waiting, 0, 'admission'), { decision: 'admit' });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('OFFERING.DEADLINE_PASSED');
      expect(await j.state(waiting.components[0].id)).toBe('awaiting_admission');
    } finally {
      t.clock.set('2026-12-01T09:00:00Z');
    }
  });

  it('the student withdraws until the host enrols them, and not after', async () => {
    const request = await j.submitted('noor', [
      { offering: 'uni-ijssel/DS-ML' },
      { offering: 'uni-waal/PBT-21806' },
    ]);
    await j.approved('waal-eb-nutrition', request, 0);
    await j.admitted('ijssel-admissions', request, 0);

    const whole = await t
      .as('noor')
      .post(`/requests/${request.id}/withdraw`, { reason: 'Changed plans' });
    expect(whole.status).toBe(409);
    expect(whole.body.code).toBe('REQUEST.CANNOT_WITHDRAW');
    const enrolled = await t.as('noor').post(j.path(request, 0, 'withdraw'), {});
    expect(enrolled.status).toBe(409);
    expect(enrolled.body.code).toBe('COMPONENT.ILLEGAL_TRANSITION');

    const view = await j.act('noor', j.path(request, 1, 'withdraw'), {
      reason: 'Too much in one period',
    });
    expect(view.components.map((c) => c.state)).toEqual(['enrolled', 'withdrawn']);

    const other = await j.submitted('noor', [{ offering: 'uni-ijssel/DS-LAB' }]);
    await j.approved('waal-eb-nutrition', other);
    const withdrawn = await j.act('noor', `/requests/${other.id}/withdraw`, {});
    expect(withdrawn).toMatchObject({ status: 'withdrawn', components: [{ state: 'withdrawn' }] });
    const inbox = await t.as('ijssel-admissions').get('/inbox/admissions');
    expect(inbox.body.items.map((i: { componentId: string }) => i.componentId)).not.toContain(
      other.components[0].id,
    );
  });

  it('a failed result goes to the exam board, cannot be recognised, and registers nothing', async () => {
    const request = await j.enrolled();
    await j.resultHome(
      'ijssel-registrar',
      request,
      0,
      { grade: '4.2', passed: false, credits: 0 },
      'awaiting_recognition',
    );

    const recognise = await t
      .as('waal-eb-life')
      .post(j.path(request, 0, 'recognition'), { decision: 'recognise' });
    expect(recognise.status).toBe(400);
    expect(recognise.body.code).toBe('RECOGNITION.FAILED_RESULT');
    expect(await j.state(request.components[0].id)).toBe('awaiting_recognition');

    await j.act('waal-eb-life', j.path(request, 0, 'recognition'), {
      decision: 'refuse',
      motivation: 'The unit was not passed.',
    });
    const register = await t.as('waal-registrar').post(j.path(request, 0, 'registration'));
    expect(register.status).toBe(409);
    expect(await j.creditEntries(request.components[0].id)).toEqual([]);
    expect((await j.view('macca', request.id)).components[0].recognition).toMatchObject({
      outcome: 'not_recognised',
      originalGrade: '4.2',
      originalPassed: false,
    });
  });

  it('a deviating result (fewer credits than approved) needs the exam board, which recognises what was obtained', async () => {
    const request = await j.enrolled();
    await j.resultHome(
      'ijssel-registrar',
      request,
      0,
      { grade: '7', passed: true, credits: 4 },
      'awaiting_recognition',
    );
    const view = await j.view('waal-eb-life', request.id);
    expect(view.timeline.at(-1)?.motivation).toMatch(/4 EC obtained where 6 EC were approved/);
    const inbox = await t.as('waal-eb-life').get('/inbox/exam-board');
    expect(inbox.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          componentId: request.components[0].id,
          state: 'awaiting_recognition',
        }),
      ]),
    );

    const waiting = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-LAB' }]);
    const recognitions = await t
      .as('waal-eb-life')
      .get('/inbox/exam-board?state=awaiting_recognition');
    const ids = recognitions.body.items.map((i: { componentId: string }) => i.componentId);
    expect(ids).toContain(request.components[0].id);
    // The board's 56-day term for the recognition decision runs from the referral.
    const referred = recognitions.body.items.find(
      (i: { componentId: string }) => i.componentId === request.components[0].id,
    );
    expect(referred.decisionDueAt).toBe('2027-01-26T09:00:00.000Z');
    expect(ids).not.toContain(waiting.components[0].id);
    const crossSector = await j.submitted('macca', [{ offering: 'hs-westland/TB-ENERGIE' }]);
    const route6 = await t.as('waal-eb-life').get('/inbox/exam-board?route=6');
    const route6Ids = route6.body.items.map((i: { componentId: string }) => i.componentId);
    expect(route6Ids).toContain(crossSector.components[0].id);
    expect(route6Ids).not.toContain(waiting.components[0].id);
    const notInInbox = await t.as('waal-eb-life').get('/inbox/exam-board?state=enrolled');
    expect(notInInbox.status).toBe(400);
    expect(notInInbox.body.errors).toEqual([expect.objectContaining({ field: 'state' })]);

    const decided = await j.act('waal-eb-life', j.path(request, 0, 'recognition'), {
      decision: 'recognise',
      credits: 4,
      motivation: 'Part of the unit was followed; 4 EC in the elective space.',
    });
    expect(decided.components[0].recognition).toMatchObject({
      basis: 'decision',
      recognisedCredits: 4,
      originalCredits: 4,
      decidedBy: 'waal-eb-life',
    });
    expect(decided.components[0].recognition?.decisionReference).toMatch(
      /^eb-life-sciences\/2026\/R-/,
    );
  });

  it('registering credits twice changes nothing and says so, also when both attempts come at once', async () => {
    const request = await j.enrolled({ student: 'aurelie' });
    await j.resultHome(
      'ijssel-registrar',
      request,
      0,
      { grade: '8', passed: true, credits: 6 },
      'recognised',
    );

    const path = j.path(request, 0, 'registration');
    const [a, b] = await Promise.all([
      t.as('waal-registrar').post(path),
      t.as('waal-registrar').post(path),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const again = expectStatus(await t.as('waal-registrar').post(path), 200);
    expect(again.body).toMatchObject({
      alreadyRegistered: true,
      message: expect.stringMatching(/registered before/),
    });
    expect(await j.creditEntries(request.components[0].id)).toHaveLength(1);
    const component = await t.dataSource.manager.findOneByOrFail(ComponentEntity, {
      id: request.components[0].id,
    });
    expect((await j.history(component.id)).filter((e) => e === 'register')).toHaveLength(1);
    const entries = await t.dataSource.manager.countBy(CreditEntryEntity, { studentId: 'aurelie' });
    const record = expectStatus(
      await t.as('aurelie').get('/students/aurelie/credit-record'),
      200,
    ).body;
    expect(record.entries).toHaveLength(entries);
  });
});
