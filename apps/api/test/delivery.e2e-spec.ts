import { Worker } from 'bullmq';
import { IsNull } from 'typeorm';
import { ComponentEntity, OutboxMessageEntity } from '@lr/database';
import { QueuesService, jobIdFor } from '@lr/queue';
import { TEST_REDIS_URL, deleteRedisPrefix } from '@lr/testing';
import { DeliveryReconciler } from '@lr/workflow';
import { Journey, expectStatus } from './journey';
import { SwitchableHostSystem, withSwitchableWestland } from './switchable-host-system';
import { TestApp } from './test-app';

describe('delivery: failures that outlast the retries, and an admin sending again', () => {
  let westland: SwitchableHostSystem;
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    const host = withSwitchableWestland();
    t = await TestApp.start({ institutions: host.institutions, env: { JOB_ATTEMPTS: '2' } });
    westland = host.system();
    j = new Journey(t);
  });
  afterAll(() => t.close());

  it("marks the component in its timeline and the admins' list, and delivers once an admin sends it again", async () => {
    const request = await j.submitted('aurelie', [{ offering: 'hs-westland/TB-KAS-TOM' }]);
    await j.act('waal-eb-life', j.path(request, 0, 'approval'), { decision: 'approve' });
    const componentId = request.components[0].id;
    await waitForFailure(componentId);

    const view = await j.view('aurelie', request.id);
    expect(view.components[0].state).toBe('approved');
    expect(view.timeline.at(-1)).toMatchObject({
      event: 'delivery_failed',
      actor: { role: 'system' },
    });
    // The host's own error is for admins (in the job); the student reads that it is being handled.
    expect(view.timeline.at(-1)?.motivation).toBe(
      'Delivery failed after every retry; an administrator can send it again.',
    );
    expect(JSON.stringify(view)).not.toMatch(/ETIMEDOUT/);
    const listed = async (admin: string) =>
      (
        expectStatus(await t.as(admin).get('/admin/delivery-failures'), 200).body.items as {
          id: string;
        }[]
      ).map((c) => c.id);
    expect(await listed('westland-admin')).toContain(componentId);
    expect(await listed('waal-admin')).toContain(componentId);
    expect(await listed('ijssel-admin')).not.toContain(componentId);
    expect((await t.as('waal-eb-life').get('/admin/delivery-failures')).status).toBe(403);

    // The reconciler leaves a marked failure to the admin instead of sending it again by itself.
    expect(await t.app.get(DeliveryReconciler).reconcileOnce({ settleMs: 0 })).toEqual({
      redriven: 0,
      markedFailed: 0,
    });

    const path = `/requests/${request.id}/components/${componentId}/redelivery`;
    expect((await t.as('aurelie').post(path)).status).toBe(403);
    westland.up = true;
    await j.act('westland-admin', path);
    await j.waitForState(componentId, 'awaiting_admission');
    expect(await listed('westland-admin')).not.toContain(componentId);
    const again = await t.as('westland-admin').post(path);
    expect(again.status).toBe(409);
    expect((await j.history(componentId)).filter((e) => e === 'deliver_to_host')).toHaveLength(1);
  });

  it("drops a failed delivery from the admins' list once the student withdraws it", async () => {
    westland.up = false;
    const request = await j.submitted('aurelie', [{ offering: 'hs-westland/TB-ENERGIE' }]);
    await j.act('waal-eb-life', j.path(request, 0, 'approval'), { decision: 'approve' });
    const componentId = request.components[0].id;
    await waitForFailure(componentId);
    const listed = async () =>
      (
        expectStatus(await t.as('westland-admin').get('/admin/delivery-failures'), 200).body
          .items as { id: string }[]
      ).map((c) => c.id);
    expect(await listed()).toContain(componentId);
    await j.act('aurelie', j.path(request, 0, 'withdraw'), {});
    expect(await listed()).not.toContain(componentId);
    westland.up = true;
  });

  it("gives the host's admin only the delivery facts of a failed component, nothing the student told their exam board", async () => {
    westland.up = false;
    const request = await j.submitted('aurelie', [{ offering: 'hs-westland/TB-ENERGIE' }]);
    await j.act('waal-eb-life', j.path(request, 0, 'approval'), { decision: 'approve' });
    const componentId = request.components[0].id;
    await waitForFailure(componentId);
    const items = expectStatus(await t.as('westland-admin').get('/admin/delivery-failures'), 200)
      .body.items as Record<string, unknown>[];
    const failure = items.find((c) => c.id === componentId);
    expect(Object.keys(failure!).sort()).toEqual([
      'deliveryFailedAt',
      'homeInstitutionCode',
      'hostInstitutionCode',
      'id',
      'requestId',
      'state',
      'updatedAt',
      'version',
    ]);
    expect(JSON.stringify(items)).not.toContain('because it completes my profile');
    await j.act('aurelie', j.path(request, 0, 'withdraw'), {});
    westland.up = true;
  });

  it('lets exactly one of two exam-board members deciding at once win; the other gets 409 with the state', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-VIS' }]);
    const path = j.path(request, 0, 'approval');
    const [a, b] = await Promise.all([
      t.as('waal-eb-life').post(path, { decision: 'approve', expectedVersion: 2 }),
      t
        .as('waal-eb-life-chair')
        .post(path, { decision: 'reject', motivation: 'Overlaps.', expectedVersion: 2 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body).toMatchObject({ code: 'COMPONENT.STALE_VERSION', context: { version: 3 } });
    const events = await j.history(request.components[0].id);
    expect(events.filter((e) => e === 'approve' || e === 'reject')).toHaveLength(1);
  });

  async function waitForFailure(componentId: string) {
    for (let i = 0; i < 100; i += 1) {
      const c = await t.dataSource.manager.findOneByOrFail(ComponentEntity, { id: componentId });
      if (c.deliveryFailedAt) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the delivery was never marked as failed');
  }
});

describe('reconciliation after Redis lost its jobs', () => {
  let t: TestApp;
  let j: Journey;

  // No worker here: the test plays relay and Redis wipe by hand and checks what the reconciler does.
  beforeAll(async () => {
    t = await TestApp.start({ withWorker: false });
    j = new Journey(t);
  });
  afterAll(() => t.close());

  it('adds the missing job again from the database state, once', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
    await j.act('waal-eb-life', j.path(request, 0, 'approval'), { decision: 'approve' });
    // As if the relay had sent the job and Redis had then lost everything.
    await t.dataSource.manager.update(
      OutboxMessageEntity,
      { sentAt: IsNull() },
      { sentAt: new Date() },
    );
    const reconciler = t.app.get(DeliveryReconciler);
    const queue = t.app.get(QueuesService).get('institution.uni-ijssel');
    const jobId = jobIdFor('admission.deliver-request', {
      requestId: request.id,
      componentId: request.components[0].id,
      expectedVersion: 3,
    });
    expect(await queue.getJob(jobId)).toBeUndefined();

    expect(await reconciler.reconcileOnce({ settleMs: 0 })).toEqual({
      redriven: 1,
      markedFailed: 0,
    });
    expect(await (await queue.getJob(jobId))?.getState()).toBe('waiting');
    expect(await reconciler.reconcileOnce({ settleMs: 0 })).toEqual({
      redriven: 0,
      markedFailed: 0,
    });

    await deleteRedisPrefix(TEST_REDIS_URL, t.config.queuePrefix);
    expect(await reconciler.reconcileOnce({ settleMs: 0 })).toEqual({
      redriven: 1,
      markedFailed: 0,
    });
    expect(await queue.getJob(jobId)).toBeDefined();
  });

  it('runs a job again that Redis has as completed while its component still waits at that version', async () => {
    const request = await j.submitted('aurelie', [{ offering: 'uni-ijssel/DS-ML' }]);
    await j.act('waal-eb-life', j.path(request, 0, 'approval'), { decision: 'approve' });
    await t.dataSource.manager.update(
      OutboxMessageEntity,
      { sentAt: IsNull() },
      { sentAt: new Date() },
    );
    const queue = t.app.get(QueuesService).get('institution.uni-ijssel');
    const data = {
      requestId: request.id,
      componentId: request.components[0].id,
      expectedVersion: 3,
    };
    const jobId = jobIdFor('admission.deliver-request', data);
    // An attempt that finished without moving the component (it skipped while another, since dead, was at it).
    await queue.drain(); // the earlier tests' jobs wait here too, with no worker to take them
    await queue.add('admission.deliver-request', data, { jobId });
    const worker = new Worker(queue.name, null, {
      connection: { url: t.config.redisUrl },
      prefix: t.config.queuePrefix,
      autorun: false,
    });
    const taken = await worker.getNextJob('test-token');
    expect(taken?.id).toBe(jobId);
    await taken.moveToCompleted('skipped', 'test-token', false);
    await worker.close();
    expect(await (await queue.getJob(jobId))?.getState()).toBe('completed');

    // (The drained jobs of the earlier tests are added again too, so only this one's state is asserted.)
    await t.app.get(DeliveryReconciler).reconcileOnce({ settleMs: 0 });
    expect(await (await queue.getJob(jobId))?.getState()).toBe('waiting');
  });

  it("leaves components alone that changed within the settle time: those are the relay's", async () => {
    const request = await j.submitted('noor', [{ offering: 'uni-ijssel/DS-ML' }]);
    await j.act('waal-eb-nutrition', j.path(request, 0, 'approval'), { decision: 'approve' });
    expect(await t.app.get(DeliveryReconciler).reconcileOnce({ settleMs: 60_000 })).toEqual({
      redriven: 0,
      markedFailed: 0,
    });
  });
});
