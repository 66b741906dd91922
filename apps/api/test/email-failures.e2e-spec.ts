import { NotificationEntity, PersonEntity } from '@lr/database';
import { NOTIFICATIONS_QUEUE, QueuesService, jobIdFor } from '@lr/queue';
import { waitFor } from '@lr/testing';
import { DeliveryReconciler } from '@lr/workflow';
import { Journey, expectStatus } from './journey';
import { MailServer, startMailServer } from './mail-server';
import { TEST_START, TestApp } from './test-app';

const EMAIL_ATTEMPTS = 3;

describe('e-mail that cannot be delivered', () => {
  const asked: string[] = [];
  let mailServer: MailServer;
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    // The institution's mail server refuses every recipient at bounce.example for good (550), keeps deferring
    // every recipient at busy.example (451), and accepts the rest; it counts how often it was asked for whom.
    mailServer = await startMailServer({
      recipient: (address) => {
        asked.push(address);
        if (address.endsWith('@bounce.example')) return { code: 550, message: 'No such user' };
        if (address.endsWith('@busy.example')) return { code: 451, message: 'Try again later' };
        return undefined;
      },
    });
    t = await TestApp.start({
      env: { SMTP_URL: mailServer.url, EMAIL_ATTEMPTS: String(EMAIL_ATTEMPTS) },
    });
    j = new Journey(t);
  });
  afterAll(async () => {
    await t.close();
    await mailServer.close();
  });

  const setEmail = (personId: string, email: string) =>
    t.dataSource.manager.update(PersonEntity, { id: personId }, { email });
  const emailRow = (id: string) =>
    t.dataSource.manager.findOneOrFail(NotificationEntity, {
      where: { id },
      select: { emailStatus: true, emailFailedAt: true, emailFailedReason: true },
    });
  const submitNotice = (recipientId: string, componentId: string) =>
    waitFor(
      async () =>
        (
          await t.dataSource.manager.findOneBy(NotificationEntity, {
            recipientId,
            componentId,
            kind: 'submit',
          })
        )?.id,
    );
  /** Waits until the e-mail has failed, letting each retry run at once instead of after its backoff. */
  const failed = (id: string) =>
    waitFor(
      async () => {
        await t.app.get(QueuesService).get(NOTIFICATIONS_QUEUE).promoteJobs();
        const row = await emailRow(id);
        return row.emailStatus === 'failed' ? row : undefined;
      },
      { what: `e-mail ${id} to fail` },
    );
  /** Several reconciler runs, as the worker makes one each interval, with time for a job they add to run. */
  const reconcileSeveralTimes = async () => {
    for (let run = 0; run < 3; run += 1) {
      await t.app.get(DeliveryReconciler).reconcileOnce({ settleMs: 0 });
      await t.app.get(QueuesService).get(NOTIFICATIONS_QUEUE).promoteJobs();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const timesAsked = (address: string) => asked.filter((a) => a === address).length;

  it('marks an e-mail the mail server refuses for good (550) as failed after one try, and leaves it so', async () => {
    await setEmail('waal-eb-life', 'waal-eb-life@bounce.example');
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
    const id = await submitNotice('waal-eb-life', request.components[0].id);

    const row = await failed(id);
    expect(row.emailFailedReason).toMatch(/550/);
    expect(row.emailFailedAt).not.toBeNull();
    await reconcileSeveralTimes();
    expect(timesAsked('waal-eb-life@bounce.example')).toBe(1);
    expect((await emailRow(id)).emailStatus).toBe('failed');

    // The recipient sees that the e-mail did not go out; why is for administrators.
    const listed = expectStatus(await t.as('waal-eb-life').get('/notifications'), 200).body
      .items as Record<string, unknown>[];
    const notice = listed.find((n) => n.id === id)!;
    expect(notice.emailStatus).toBe('failed');
    expect(Object.keys(notice)).not.toContain('emailFailedReason');
    // The other board member's e-mail went out.
    expect(asked).toContain('chair-ec-ls@uni-waal.example');

    // Redis keeps the failed job for inspection, but not for ever.
    const job = await t.app
      .get(QueuesService)
      .get(NOTIFICATIONS_QUEUE)
      .getJob(jobIdFor('notification.send-email', { notificationId: id }));
    expect(await job?.getState()).toBe('failed');
    expect(job?.opts.removeOnFail).toEqual({ age: 7 * 24 * 3600, count: 1000 });
  });

  it('marks an e-mail to a person without an e-mail address, or to no known person, as failed without trying', async () => {
    await setEmail('waal-eb-nutrition', '');
    const request = await j.submitted('noor', [{ offering: 'uni-ijssel/DS-VIS' }]);
    const componentId = request.components[0].id;
    const withoutAddress = await submitNotice('waal-eb-nutrition', componentId);
    // A person who is no longer there by the time their e-mail is sent (its job lost, so the reconciler adds it).
    const { id: unknown } = await t.dataSource.manager.save(NotificationEntity, {
      recipientId: 'departed',
      recipientInstitutionCode: 'uni-waal',
      requestId: request.id,
      componentId,
      kind: 'submit',
      message: 'A request awaits you.',
      dedupeKey: 'departed',
      createdAt: new Date(TEST_START),
      readAt: null,
      emailStatus: 'pending',
    });
    await reconcileSeveralTimes();

    expect((await failed(withoutAddress)).emailFailedReason).toMatch(/no e-mail address/);
    expect((await failed(unknown)).emailFailedReason).toMatch(/no person/i);
    await reconcileSeveralTimes();
    expect(asked).not.toContain('');
    expect((await emailRow(withoutAddress)).emailStatus).toBe('failed');
    expect((await emailRow(unknown)).emailStatus).toBe('failed');
  });

  it('retries an e-mail the mail server keeps deferring (451) EMAIL_ATTEMPTS times, then marks it failed for good', async () => {
    await setEmail('delta-eb-pabo', 'delta-eb-pabo@busy.example');
    const request = await j.submitted('kyra', [{ offering: 'hs-delta/ALO-SPW' }]);
    const id = await submitNotice('delta-eb-pabo', request.components[0].id);

    const row = await failed(id);
    expect(row.emailFailedReason).toMatch(/451/);
    expect(row.emailFailedReason).toMatch(new RegExp(`${EMAIL_ATTEMPTS} attempts`));
    expect(timesAsked('delta-eb-pabo@busy.example')).toBe(EMAIL_ATTEMPTS);
    await reconcileSeveralTimes();
    expect(timesAsked('delta-eb-pabo@busy.example')).toBe(EMAIL_ATTEMPTS);
    expect((await emailRow(id)).emailStatus).toBe('failed');

    // As if the worker had died before it could write the failure: the reconciler writes it, sends nothing.
    await t.dataSource.manager.update(
      NotificationEntity,
      { id },
      { emailStatus: 'pending', emailFailedAt: null, emailFailedReason: null },
    );
    expect(await t.app.get(DeliveryReconciler).reconcileOnce({ settleMs: 0 })).toMatchObject({
      markedFailed: 1,
    });
    await reconcileSeveralTimes();
    expect(timesAsked('delta-eb-pabo@busy.example')).toBe(EMAIL_ATTEMPTS);
    expect((await emailRow(id)).emailFailedReason).toMatch(
      new RegExp(`After ${EMAIL_ATTEMPTS} attempts: .*451`),
    );
  });
});
