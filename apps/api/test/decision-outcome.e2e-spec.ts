import { TransitionEntity } from '@lr/database';
import type { Actor } from '@lr/domain';
import { RequestStore } from '@lr/workflow';
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

  describe('taken at once: one read, one guarded write', () => {
    const board: Actor = {
      id: 'waal-eb-life',
      role: 'exam-board',
      institutionCode: 'uni-waal',
      programmeCodes: ['msc-food', 'msc-plant'],
      name: 'Secretary, Exam Board Life Sciences',
    };

    it('two approvals at the same moment: one decides, the other is told it came too late, one delivery', async () => {
      const request = await j.submitted('aurelie', [{ offering: 'uni-ijssel/DS-SEM' }]);
      const path = j.path(request, 0, 'approval');
      const both = await Promise.all(
        ['waal-eb-life', 'waal-eb-life-chair'].map((member) =>
          t.as(member).post(path, { decision: 'approve' }),
        ),
      );
      expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
      const componentId = request.components[0].id;
      await j.waitForState(componentId, 'awaiting_admission');
      expect(await j.history(componentId)).toEqual([
        'create',
        'submit',
        'approve',
        'deliver_to_host',
      ]);
    });

    it('a request that changed between the read and the write is read and decided again', async () => {
      const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-SEM' }]);
      const componentId = request.components[0].id;
      const store = t.app.get(RequestStore);
      const seen: number[] = [];
      const outcome = await store.decideAtOnce(board, request.id, componentId, async (locked) => {
        seen.push(locked.request.version);
        // Someone else changes the request after this read (as a sibling component's transition would).
        if (seen.length === 1) {
          await t.dataSource.query('UPDATE requests SET version = version + 1 WHERE id = $1', [
            request.id,
          ]);
        }
        await store.transition(locked, { event: 'reject', actor: board, motivation: 'Overlap.' });
      });
      expect(seen).toEqual([request.version, request.version + 1]);
      expect(outcome).toEqual({
        requestId: request.id,
        requestStatus: 'completed',
        requestVersion: request.version + 2,
        components: [
          {
            id: componentId,
            state: 'rejected_by_exam_board',
            version: request.components[0].version + 1,
          },
        ],
      });
      // The first decision wrote nothing: one rejection in the history.
      expect(
        await t.dataSource.manager.countBy(TransitionEntity, { componentId, event: 'reject' }),
      ).toBe(1);
    });
  });
});
