import { Journey, expectStatus } from './journey';
import { TestApp } from './test-app';

describe('a decision answers with what it changed', () => {
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    t = await TestApp.start();
    j = new Journey(t);
  });
  afterAll(() => t.close());

  it('names the request, its derived status and version, and each component it moved with its new version', async () => {
    const draft = await j.compose('macca', [
      { offering: 'uni-ijssel/DS-ML' },
      { offering: 'uni-ijssel/DS-VIS' },
    ]);
    const submitted = expectStatus(await t.as('macca').post(`/requests/${draft.id}/submit`), 200);
    const view = await j.view('macca', draft.id);
    // Exactly the declared fields: nothing of the request view comes with it.
    expect(submitted.body).toEqual({
      requestId: draft.id,
      requestStatus: 'in_progress',
      requestVersion: view.version,
      components: draft.components.map((c) => ({
        id: c.id,
        state: 'awaiting_approval',
        version: c.version + 1,
      })),
    });

    // One of the two: only that one is named, and its version is the one to send with the next decision.
    const [first, second] = view.components;
    const rejected = expectStatus(
      await t.as('waal-eb-life').post(j.path(view, 1, 'approval'), {
        decision: 'reject',
        motivation: 'Not part of an approved minor.',
        expectedVersion: second.version,
      }),
      200,
    );
    expect(rejected.body).toEqual({
      requestId: draft.id,
      requestStatus: 'in_progress',
      requestVersion: view.version + 1,
      components: [{ id: second.id, state: 'rejected_by_exam_board', version: second.version + 1 }],
    });
    expect((await j.view('macca', draft.id)).components[0]).toMatchObject({
      id: first.id,
      state: 'awaiting_approval',
      version: first.version,
    });
  });

  it('a refused decision changes nothing and names nothing', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-LAB' }]);
    const stale = await t.as('waal-eb-life').post(j.path(request, 0, 'approval'), {
      decision: 'approve',
      expectedVersion: request.components[0].version - 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).not.toHaveProperty('components');
    expect(await j.state(request.components[0].id)).toBe('awaiting_approval');
  });
});
