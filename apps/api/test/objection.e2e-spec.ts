import { Journey, expectStatus } from './journey';
import { TEST_START, TestApp } from './test-app';

describe('rejections: what the student is told, and an objection', () => {
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    t = await TestApp.start();
    j = new Journey(t);
  });
  afterEach(() => t.clock.set(TEST_START));
  afterAll(() => t.close());

  const rejected = async (student = 'macca', board = 'waal-eb-life') => {
    const request = await j.submitted(student, [{ offering: 'uni-ijssel/DS-ML' }]);
    await j.act(board, j.path(request, 0, 'approval'), {
      decision: 'reject',
      motivation: 'The unit overlaps with Statistics 2 of your own programme.',
    });
    return request;
  };
  const objection = (person: string, request: { id: string }, body: object) =>
    t.as(person).post(j.path(request as never, 0, 'objection'), body);

  it("shows the date, the deciding body, the motivation and where to appeal; the student's objection sends it back to the board", async () => {
    const request = await rejected();
    const view = await j.view('macca', request.id);
    expect(view.status).toBe('completed');
    expect(view.components[0].rejection).toEqual({
      at: expect.any(String),
      decidedBy: 'Examencommissie Life Sciences',
      motivation: 'The unit overlaps with Statistics 2 of your own programme.',
      appeal: {
        to: expect.stringMatching(
          /^Examination Appeals Board \(College van beroep voor de examens\) of /,
        ),
        until: '2027-01-12',
      },
      objectionUntil: '2027-01-12',
    });

    // Only the student may object, and only with grounds; nothing changes otherwise.
    expect((await objection('noor', request, { grounds: 'Not mine.' })).status).toBe(404);
    expect((await objection('waal-eb-life', request, { grounds: 'Review.' })).status).toBe(403);
    const empty = await objection('macca', request, { grounds: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'grounds' })]);
    expect(await j.state(request.components[0].id)).toBe('rejected_by_exam_board');

    const grounds = 'Statistics 2 covers regression only; this unit is about machine learning.';
    expectStatus(await objection('macca', request, { grounds }), 200);
    const after = await j.view('macca', request.id);
    expect(after.status).toBe('in_progress');
    expect(after.components[0]).toMatchObject({ state: 'awaiting_approval', rejection: null });
    expect(after.timeline.at(-1)).toMatchObject({
      event: 'object',
      from: 'rejected_by_exam_board',
      to: 'awaiting_approval',
      motivation: grounds,
    });
    const inbox = expectStatus(await t.as('waal-eb-life').get('/inbox/exam-board'), 200).body;
    expect(inbox.items.map((i: { componentId: string }) => i.componentId)).toContain(
      request.components[0].id,
    );
    const notices = expectStatus(await t.as('waal-eb-life').get('/notifications'), 200).body;
    expect(notices.items.map((n: { kind: string }) => n.kind)).toContain('object');
    // The board reviews and, this time, approves.
    await j.approved('waal-eb-life', request);
  });

  it('refuses an objection after six weeks, and changes nothing', async () => {
    const request = await rejected('aurelie');
    t.clock.set('2027-01-13T09:00:00Z');
    const late = await objection('aurelie', request, { grounds: 'I was abroad.' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('OBJECTION.TERM_PASSED');
    expect(await j.state(request.components[0].id)).toBe('rejected_by_exam_board');
  });

  it("tells the student of a host's refusal where to appeal; there is nothing to object to at home", async () => {
    const request = await j.submitted('noor', [{ offering: 'uni-ijssel/DS-ML' }]);
    await j.approved('waal-eb-nutrition', request);
    await j.act('ijssel-admissions', j.path(request, 0, 'admission'), {
      decision: 'refuse',
      reason: 'The prerequisites are not met.',
    });
    const view = await j.view('noor', request.id);
    expect(view.components[0].rejection).toMatchObject({
      decidedBy: expect.stringMatching(/, admissions$/),
      motivation: 'The prerequisites are not met.',
      objectionUntil: null,
    });
    expect((await objection('noor', request, { grounds: 'Please.' })).status).toBe(409);
  });
});
