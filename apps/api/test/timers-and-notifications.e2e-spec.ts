import { NotificationEntity } from '@lr/database';
import { NOTIFICATIONS_QUEUE, QueuesService, jobIdFor } from '@lr/queue';
import { waitFor } from '@lr/testing';
import { DeliveryReconciler } from '@lr/workflow';
import { Journey, expectStatus } from './journey';
import { Mail, MailServer, startMailServer } from './mail-server';
import { TEST_START, TestApp } from './test-app';

describe('timers and notifications', () => {
  // Who each message was for and what it said (a retried message has a new Message-ID, so not its body).
  const mails: Pick<Mail, 'to' | 'subject'>[] = [];
  const refused: Pick<Mail, 'to' | 'subject'>[] = [];
  let mailServer: MailServer;
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    // The institution's mail server refuses the first message it gets for now (451), and accepts the rest.
    mailServer = await startMailServer({
      message: ({ to, subject }) => {
        if (refused.length === 0) {
          refused.push({ to, subject });
          return { code: 451, message: 'try again later' };
        }
        mails.push({ to, subject });
        return undefined;
      },
    });
    t = await TestApp.start({ env: { SMTP_URL: mailServer.url } });
    j = new Journey(t);
  });
  afterEach(() => t.clock.set(TEST_START));
  afterAll(async () => {
    await t.close();
    await mailServer.close();
  });

  type Notice = {
    id: string;
    kind: string;
    componentId: string;
    message: string;
    emailStatus: string;
  };
  const notices = async (person: string) =>
    expectStatus(await t.as(person).get('/notifications?pageSize=100'), 200).body.items as Notice[];
  const noticeOf = (person: string, kind: string, componentId: string) =>
    waitFor(
      async () =>
        (await notices(person)).find((n) => n.kind === kind && n.componentId === componentId),
      {
        what: `${kind} notice for ${person}`,
      },
    );
  /** Moves the workflow's clock and lets every waiting timer run now; early ones go back to wait. */
  const moveClockTo = async (at: string) => {
    t.clock.set(at);
    for (const queue of t.app.get(QueuesService).all()) await queue.promoteJobs();
  };
  const jobState = async (queue: string, jobId: string) =>
    (await t.app.get(QueuesService).get(queue).getJob(jobId))?.getState();

  it('tells each party of their next step, lists it in the app and e-mails it, retrying a refused mail', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
    const componentId = request.components[0].id;
    const submitted = await noticeOf('waal-eb-life', 'submit', componentId);
    expect(submitted.message).toBe('A request to take Machine Learning awaits your decision.');
    expect(await noticeOf('waal-eb-life-chair', 'submit', componentId)).toBeDefined();
    expect((await notices('waal-eb-nutrition')).some((n) => n.componentId === componentId)).toBe(
      false,
    );

    await j.approved('waal-eb-life', request);
    const approved = await noticeOf('macca', 'approve', componentId);
    await noticeOf('ijssel-admissions', 'deliver_to_host', componentId);

    const read = expectStatus(await t.as('macca').post(`/notifications/${approved.id}/read`), 200);
    expect(read.body.readAt).not.toBeNull();
    expect((await t.as('aurelie').post(`/notifications/${approved.id}/read`)).status).toBe(404);
    const unread = expectStatus(await t.as('macca').get('/notifications?unread=true'), 200).body
      .items;
    expect(unread.map((n: { id: string }) => n.id)).not.toContain(approved.id);

    // Every notice is mailed once it is sent; the one the mail server refused came again and went through.
    await waitFor(async () =>
      (await t.dataSource.manager.countBy(NotificationEntity, { emailStatus: 'pending' })) === 0
        ? true
        : undefined,
    );
    expect(refused).toHaveLength(1);
    expect(mails).toContainEqual(refused[0]);
    expect(mails).toHaveLength(
      await t.dataSource.manager.countBy(NotificationEntity, { emailStatus: 'sent' }),
    );
    expect(mails).toContainEqual({
      to: 'macca@student.uni-waal.example',
      subject: expect.stringContaining('The exam board approved Machine Learning'),
    });
  });

  it('tells the host nothing of a request that never reached it', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-VIS' }]);
    await j.act('macca', j.path(request, 0, 'withdraw'), {});
    await noticeOf('waal-eb-life', 'withdraw', request.components[0].id);
    expect(
      (await notices('ijssel-admissions')).some((n) => n.componentId === request.components[0].id),
    ).toBe(false);
  });

  it('reminds the exam board before its term ends, then tells the chair and the student when it has passed', async () => {
    const request = await j.submitted('aurelie', [{ offering: 'uni-waal/FQD-31306' }]);
    const componentId = request.components[0].id;
    // The board's 56-day term ends 2027-01-26; the reminder comes seven days before.
    const data = { requestId: request.id, componentId, expectedVersion: 2 };
    await waitFor(async () =>
      (await jobState('institution.uni-waal', jobIdFor('timer.decision-reminder', data))) ===
      'delayed'
        ? true
        : undefined,
    );

    await moveClockTo('2027-01-19T10:00:00Z');
    const reminder = await noticeOf('waal-eb-life', 'decision_reminder', componentId);
    expect(reminder.message).toBe('The decision term for Food Quality Design ends on 2027-01-26.');
    // The overdue timer fired too early by the workflow's clock, and went back to wait.
    await waitFor(async () =>
      (await jobState('institution.uni-waal', jobIdFor('timer.decision-overdue', data))) ===
      'delayed'
        ? true
        : undefined,
    );
    expect((await notices('aurelie')).some((n) => n.kind === 'decision_overdue')).toBe(false);

    await moveClockTo('2027-01-26T10:00:00Z');
    const toStudent = await noticeOf('aurelie', 'decision_overdue', componentId);
    expect(toStudent.message).toMatch(/can be appealed/);
    await noticeOf('waal-eb-life-chair', 'decision_overdue', componentId);
    const members = await notices('waal-eb-life');
    expect(
      members.some((n) => n.kind === 'decision_overdue' && n.componentId === componentId),
    ).toBe(false);
  });

  it('takes the timers away when the board decides', async () => {
    const request = await j.submitted('noor', [{ offering: 'uni-ijssel/DS-VIS' }]);
    const data = {
      requestId: request.id,
      componentId: request.components[0].id,
      expectedVersion: 2,
    };
    const ids = [
      jobIdFor('timer.decision-reminder', data),
      jobIdFor('timer.decision-overdue', data),
    ];
    await waitFor(async () =>
      (await jobState('institution.uni-waal', ids[1])) ? true : undefined,
    );
    await j.act('waal-eb-nutrition', j.path(request, 0, 'approval'), {
      decision: 'reject',
      motivation: 'Not now.',
    });
    await waitFor(async () => {
      const states = await Promise.all(ids.map((id) => jobState('institution.uni-waal', id)));
      return states.every((s) => s === undefined) ? true : undefined;
    });
  });

  it('expires a component the host left undecided past the enrolment deadline, and tells the student', async () => {
    const request = await j.submitted('aurelie', [{ offering: 'hs-westland/TB-KAS-TOM' }]);
    await j.approved('waal-eb-life', request);
    const componentId = request.components[0].id;
    const timer = jobIdFor('timer.enrolment-deadline', {
      requestId: request.id,
      componentId,
      expectedVersion: 4,
    });
    // The deadline is 2027-01-31: it has passed at midnight in Amsterdam, 23:00 UTC. Half an hour before, the
    // timer runs, finds it early and goes back to wait.
    await moveClockTo('2027-01-31T22:30:00Z');
    await waitFor(async () =>
      (await jobState('institution.hs-westland', timer)) === 'delayed' ? true : undefined,
    );
    expect(await j.state(componentId)).toBe('awaiting_admission');

    await moveClockTo('2027-01-31T23:00:01Z');
    await j.waitForState(componentId, 'expired');
    expect((await j.view('aurelie', request.id)).timeline.at(-1)).toMatchObject({
      event: 'expire',
      motivation: 'The host did not decide before the enrolment deadline of 2027-01-31.',
    });
    await noticeOf('aurelie', 'expire', componentId);
  });

  it('re-creates timers and e-mails that Redis lost, from the database', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-VIS' }]);
    const data = {
      requestId: request.id,
      componentId: request.components[0].id,
      expectedVersion: 2,
    };
    const queues = t.app.get(QueuesService);
    const timers = [
      jobIdFor('timer.decision-reminder', data),
      jobIdFor('timer.decision-overdue', data),
    ];
    await waitFor(async () =>
      (await jobState('institution.uni-waal', timers[1])) ? true : undefined,
    );
    for (const id of timers) await queues.get('institution.uni-waal').remove(id);
    // An e-mail still to send whose job is gone (once its first send is over, so the job can be removed).
    const notice = await waitFor(() =>
      t.dataSource.manager
        .findOneBy(NotificationEntity, {
          componentId: data.componentId,
          kind: 'submit',
          recipientId: 'waal-eb-life',
          emailStatus: 'sent',
        })
        .then((n) => n ?? undefined),
    );
    await t.dataSource.manager.update(
      NotificationEntity,
      { id: notice.id },
      { emailStatus: 'pending' },
    );
    await queues
      .get(NOTIFICATIONS_QUEUE)
      .remove(jobIdFor('notification.send-email', { notificationId: notice.id }));

    const counts = await t.app.get(DeliveryReconciler).reconcileOnce({ settleMs: 0 });
    expect(counts.redriven).toBeGreaterThanOrEqual(3);
    for (const id of timers) expect(await jobState('institution.uni-waal', id)).toBe('delayed');
    await waitFor(async () =>
      (await t.dataSource.manager.findOneByOrFail(NotificationEntity, { id: notice.id }))
        .emailStatus === 'sent'
        ? true
        : undefined,
    );
  });
});
