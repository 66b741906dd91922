import { AddressInfo } from 'net';
import { SMTPServer } from 'smtp-server';
import { NotificationEntity } from '@lr/database';
import { QueuesService, jobIdFor } from '@lr/queue';
import { waitFor } from '@lr/testing';
import { DeliveryReconciler } from '@lr/workflow';
import { Journey, expectStatus } from './journey';
import { TestApp } from './test-app';

interface Mail {
  to: string[];
  body: string;
}

/** Stands in for the institution's mail server: refuses the first message it gets, accepts the rest. */
async function startMailServer(received: Mail[], refusals: { count: number }): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
      stream.on('end', () => {
        if (refusals.count === 0) {
          refusals.count += 1;
          const error = Object.assign(new Error('try again later'), { responseCode: 451 });
          return callback(error);
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('timers and notifications', () => {
  const mails: Mail[] = [];
  const refusals = { count: 0 };
  let mailServer: SMTPServer;
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    mailServer = await startMailServer(mails, refusals);
    const { port } = mailServer.server.address() as AddressInfo;
    t = await TestApp.start({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    j = new Journey(t);
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => mailServer.close(() => resolve()));
  });

  const notices = async (person: string) =>
    expectStatus(await t.as(person).get('/notifications?pageSize=100'), 200).body.items as {
      id: string;
      kind: string;
      componentId: string;
      message: string;
      emailStatus: string;
    }[];
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
    await noticeOf('macca', 'approve', componentId);
    await noticeOf('ijssel-admissions', 'deliver_to_host', componentId);

    const read = expectStatus(
      await t
        .as('macca')
        .post(`/notifications/${(await noticeOf('macca', 'approve', componentId)).id}/read`),
      200,
    );
    expect(read.body.readAt).not.toBeNull();
    expect((await t.as('aurelie').post(`/notifications/${read.body.id}/read`)).status).toBe(404);
    const unread = expectStatus(await t.as('macca').get('/notifications?unread=true'), 200).body
      .items;
    expect(unread.map((n: { id: string }) => n.id)).not.toContain(read.body.id);

    await waitFor(
      () =>
        Promise.resolve(
          mails.some((m) => m.to.includes('macca@student.uni-waal.example')) ? true : undefined,
        ),
      {
        what: 'the e-mail to Macca',
      },
    );
    const toMacca = mails.find((m) => m.to.includes('macca@student.uni-waal.example'))!;
    expect(toMacca.body).toContain('The exam board approved Machine Learning');
    // The mail server refused one message; its job retried it, so every mail queued so far has gone out.
    expect(refusals.count).toBe(1);
    await waitFor(async () =>
      (await t.dataSource.manager.countBy(NotificationEntity, { emailStatus: 'pending' })) === 0
        ? true
        : undefined,
    );
    const sent = await t.dataSource.manager.countBy(NotificationEntity, { emailStatus: 'sent' });
    expect(mails).toHaveLength(sent);
  });

  it('reminds the exam board before its term ends, then tells the chair and the student when it has passed', async () => {
    t.clock.set('2026-12-01T09:00:00Z');
    const request = await j.submitted('aurelie', [{ offering: 'uni-waal/FQD-31306' }]);
    const componentId = request.components[0].id;
    // The board's 56-day term ends 2027-01-26; the reminder comes seven days before.
    const reminderId = jobIdFor('timer.decision-reminder', {
      requestId: request.id,
      componentId,
      expectedVersion: 2,
    });
    const queue = t.app.get(QueuesService).get('institution.uni-waal');
    await waitFor(async () =>
      (await (await queue.getJob(reminderId))?.getState()) === 'delayed' ? true : undefined,
    );

    await moveClockTo('2027-01-19T10:00:00Z');
    const reminder = await noticeOf('waal-eb-life', 'decision_reminder', componentId);
    expect(reminder.message).toBe('The decision term for Food Quality Design ends on 2027-01-26.');
    expect((await notices('aurelie')).some((n) => n.kind === 'decision_overdue')).toBe(false);

    await moveClockTo('2027-01-26T10:00:00Z');
    const toStudent = await noticeOf('aurelie', 'decision_overdue', componentId);
    expect(toStudent.message).toMatch(/can be appealed/);
    await noticeOf('waal-eb-life-chair', 'decision_overdue', componentId);
    expect(
      (await notices('waal-eb-life')).some(
        (n) => n.kind === 'decision_overdue' && n.componentId === componentId,
      ),
    ).toBe(false);
    t.clock.set('2026-12-01T09:00:00Z');
  });

  it('takes the timers away when the board decides', async () => {
    const request = await j.submitted('noor', [{ offering: 'uni-ijssel/DS-VIS' }]);
    const componentId = request.components[0].id;
    const data = { requestId: request.id, componentId, expectedVersion: 2 };
    const queue = t.app.get(QueuesService).get('institution.uni-waal');
    await waitFor(async () =>
      (await queue.getJob(jobIdFor('timer.decision-overdue', data))) ? true : undefined,
    );
    await j.act('waal-eb-nutrition', j.path(request, 0, 'approval'), {
      decision: 'reject',
      motivation: 'Not now.',
    });
    await waitFor(async () =>
      !(await queue.getJob(jobIdFor('timer.decision-overdue', data))) &&
      !(await queue.getJob(jobIdFor('timer.decision-reminder', data)))
        ? true
        : undefined,
    );
  });

  it('expires a component the host left undecided past the enrolment deadline, and tells the student', async () => {
    const request = await j.submitted('aurelie', [{ offering: 'hs-westland/TB-KAS-TOM' }]);
    await j.approved('waal-eb-life', request);
    // The deadline is 2027-01-31: it has passed at midnight in Amsterdam, 23:00 UTC.
    await moveClockTo('2027-01-31T22:30:00Z');
    await new Promise((r) => setTimeout(r, 300));
    expect(await j.state(request.components[0].id)).toBe('awaiting_admission');
    await moveClockTo('2027-01-31T23:00:01Z');
    await j.waitForState(request.components[0].id, 'expired');
    expect((await j.view('aurelie', request.id)).timeline.at(-1)).toMatchObject({
      event: 'expire',
      motivation: 'The host did not decide before the enrolment deadline of 2027-01-31.',
    });
    await noticeOf('aurelie', 'expire', request.components[0].id);
    t.clock.set('2026-12-01T09:00:00Z');
  });

  it('re-creates timers that Redis lost, from the database', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-VIS' }]);
    const data = {
      requestId: request.id,
      componentId: request.components[0].id,
      expectedVersion: 2,
    };
    const queue = t.app.get(QueuesService).get('institution.uni-waal');
    const ids = [
      jobIdFor('timer.decision-reminder', data),
      jobIdFor('timer.decision-overdue', data),
    ];
    await waitFor(async () => ((await queue.getJob(ids[1])) ? true : undefined));
    for (const id of ids) await queue.remove(id);
    await t.app.get(DeliveryReconciler).reconcileOnce({ settleMs: 0 });
    for (const id of ids) expect(await (await queue.getJob(id))?.getState()).toBe('delayed');
  });
});
