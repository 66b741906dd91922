import { createRemoteJWKSet, jwtVerify } from 'jose';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { OoapiValidator } from '@lr/ooapi';
import { waitFor } from '@lr/testing';
import { runHostCli } from '../src/cli-commands';
import { hostDataSourceOptions } from '../src/database/host-data-source.options';
import { DEMO_OFFERINGS } from '../src/database/seed-catalogue';
import { CallbackReceiver, ReceivedCallback } from './callback-receiver';
import { TestHost, enrolment, person } from './test-host';

const [DATA_SCIENCE, WATER, ETHICS] = DEMO_OFFERINGS;

describe('the demo institution system: an association from request to corrected result', () => {
  let receiver: CallbackReceiver;
  let host: TestHost;
  let dataSource: DataSource;
  let students = 0;

  beforeAll(async () => {
    receiver = await CallbackReceiver.start();
    host = await TestHost.start({
      LEERROUTES_URL: receiver.url,
      OOAPI_HOST_CALLBACK_ATTEMPTS: '3',
    });
    dataSource = await new DataSource(hostDataSourceOptions(host.databaseUrl)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await host.stop();
    await receiver.close();
  });

  /** Leerroutes enrols a new student in the offering; the association's id. */
  async function enrol(offeringId: string): Promise<{ id: string; state: string }> {
    const offering = (await host.ooapi('get', `/offerings/${offeringId}`)).body;
    students += 1;
    const who = person(`Student ${students} Jansen`, `s${1000 + students}`);
    const { status, body } = await host.ooapi(
      'post',
      '/associations/external/me',
      enrolment(offering, who),
    );
    expect(status).toBe(201);
    return { id: body.associationId, state: body.state };
  }

  /** A form on the staff screen, submitted as a browser does. */
  function staffPost(path: string, form: Record<string, string>): request.Test {
    return request(host.url).post(`/staff/associations/${path}`).type('form').send(form);
  }

  /** What Leerroutes checks of a callback: its token by discovery and keys, and its body by the standard. */
  async function expectValidCallback(
    callback: ReceivedCallback,
    associationId: string,
  ): Promise<void> {
    expect(callback.method).toBe('PATCH');
    expect(callback.headers['content-type']).toBe('application/merge-patch+json');
    const token = /^Bearer (.+)$/.exec(callback.headers.authorization ?? '')?.[1] ?? '';
    const discovery = (await (
      await fetch(`${host.config.issuer}/.well-known/openid-configuration`)
    ).json()) as { issuer: string; jwks_uri: string };
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(discovery.jwks_uri)), {
      issuer: discovery.issuer,
      audience: 'leerroutes',
    });
    expect(payload.client_id).toBe('uni-eem-system');
    const violations = (await OoapiValidator.v5()).request({
      method: 'patch',
      path: `/associations/${associationId}`,
      headers: { 'content-type': 'application/merge-patch+json' },
      body: callback.body,
    });
    expect(violations).toEqual([]);
  }

  it('admits on the staff screen, and tells Leerroutes with a JWT of its own issuer', async () => {
    const { id, state } = await enrol(DATA_SCIENCE.id);
    expect(state).toBe('pending');

    const list = await request(host.url).get('/staff').expect(200);
    expect(list.text).toContain(`href="/staff/associations/${id}"`);
    const page = await request(host.url).get(`/staff/associations/${id}`).expect(200);
    expect(page.text).toContain('<button type="submit">Admit</button>');
    // Every field has its label.
    for (const [, field] of page.text.matchAll(/<(?:textarea|input) id="([^"]+)"/g)) {
      expect(page.text).toContain(`<label for="${field}">`);
    }

    const admitted = await staffPost(`${id}/decisions`, { action: 'admit' }).expect(303);
    expect(admitted.headers.location).toBe(`/staff/associations/${id}?done=admit`);
    const callback = await receiver.nth(id, 1);
    await expectValidCallback(callback, id);
    expect(callback.body).toMatchObject({ remoteState: 'associated' });
    expect((await host.ooapi('get', `/associations/${id}`)).body.state).toBe('associated');
    const after = await request(host.url).get(`/staff/associations/${id}?done=admit`).expect(200);
    expect(after.text).toContain('<p role="status" class="status">Admitted');
  });

  it('denies with a reason the student reads, and not without one', async () => {
    const { id } = await enrol(WATER.id);
    const noReason = await staffPost(`${id}/decisions`, { action: 'deny', reason: ' ' }).expect(
      400,
    );
    expect(noReason.text).toContain('role="alert"');
    await staffPost(`${id}/decisions`, {
      action: 'deny',
      reason: 'Hydrology 1 is required',
    }).expect(303);
    const callback = await receiver.nth(id, 1);
    await expectValidCallback(callback, id);
    // The fields Leerroutes takes: the state, and the reason as the message (also there when it asks).
    expect(callback.body).toEqual({
      remoteState: 'denied',
      message: [
        { language: 'en-GB', value: 'Not admitted: Hydrology 1 is required' },
        { language: 'nl-NL', value: 'Niet toegelaten: Hydrology 1 is required' },
      ],
    });
    const read = await host.ooapi('get', `/associations/${id}`);
    expect(read.body).toMatchObject({
      state: 'denied',
      message: expect.arrayContaining([
        { language: 'en-GB', value: 'Not admitted: Hydrology 1 is required' },
      ]),
    });
    // A refusal is final: it cannot be admitted or withdrawn after.
    await staffPost(`${id}/decisions`, { action: 'admit' }).expect(409);
    const withdrawn = await host.ooapi('patch', `/associations/${id}`, { remoteState: 'canceled' });
    expect(withdrawn.body.state).toBe('denied');
  });

  it('queues when the places are taken, and admits from the waiting list only when one is free', async () => {
    const first = await enrol(ETHICS.id);
    const second = await enrol(ETHICS.id);
    const third = await enrol(ETHICS.id);
    expect([first.state, second.state, third.state]).toEqual(['pending', 'pending', 'queued']);
    const offering = (await host.ooapi('get', `/offerings/${ETHICS.id}`)).body;
    expect(offering).toMatchObject({ maxNumberStudents: 2, pendingNumberStudents: 2 });

    await staffPost(`${first.id}/decisions`, { action: 'admit' }).expect(303);
    await staffPost(`${second.id}/decisions`, { action: 'admit' }).expect(303);
    const full = await staffPost(`${third.id}/decisions`, { action: 'admit' }).expect(409);
    expect(full.text).toContain('2 places and 2 students enrolled');

    await receiver.nth(second.id, 1);
    // The second withdraws (Leerroutes' merge patch): its place goes to the waiting list.
    const withdrawn = await host.ooapi('patch', `/associations/${second.id}`, {
      remoteState: 'canceled',
    });
    expect(withdrawn.body).toMatchObject({ associationId: second.id, state: 'canceled' });
    await staffPost(`${third.id}/decisions`, { action: 'admit' }).expect(303);
    await expectValidCallback(await receiver.nth(third.id, 1), third.id);
    expect((await receiver.nth(third.id, 1)).body.remoteState).toBe('associated');
    // Leerroutes withdrew the second itself: it is not told what it said.
    expect(receiver.callsFor(second.id).map((c) => c.body.remoteState)).toEqual(['associated']);
  });

  it('puts a pending request on the waiting list and cancels an enrolment, telling Leerroutes each time', async () => {
    const queued = await enrol(DATA_SCIENCE.id);
    await staffPost(`${queued.id}/decisions`, {
      action: 'queue',
      reason: 'Waiting for a lab place',
    }).expect(303);
    const callback = await receiver.nth(queued.id, 1);
    await expectValidCallback(callback, queued.id);
    expect(callback.body.remoteState).toBe('queued');

    await staffPost(`${queued.id}/decisions`, { action: 'admit' }).expect(303);
    // Each change is told on its own once the one before was taken (the relay sends the state as it is then).
    expect((await receiver.nth(queued.id, 2)).body.remoteState).toBe('associated');
    await staffPost(`${queued.id}/decisions`, { action: 'cancel', reason: 'Course moved' }).expect(
      303,
    );
    const canceled = await receiver.nth(queued.id, 3);
    await expectValidCallback(canceled, queued.id);
    expect(canceled.body.remoteState).toBe('canceled');
  });

  it('records a result and a corrected result; Leerroutes hears the one in force, the history stays', async () => {
    const { id } = await enrol(DATA_SCIENCE.id);
    const early = await staffPost(`${id}/results`, {
      score: '7.5',
      pass: 'passed',
      resultDate: '2027-04-20',
      final: 'yes',
    }).expect(409);
    expect(early.text).toMatch(/enrolled student only/);
    await staffPost(`${id}/decisions`, { action: 'admit' }).expect(303);
    await receiver.nth(id, 1);

    await staffPost(`${id}/results`, {
      score: '5.0',
      pass: 'failed',
      resultDate: '2027-04-20',
      final: 'yes',
    }).expect(303);
    const result = await receiver.nth(id, 2);
    await expectValidCallback(result, id);
    expect(result.body).toMatchObject({
      remoteState: 'associated',
      result: {
        state: 'completed',
        pass: 'failed',
        score: '5.0',
        resultDate: '2027-04-20',
        studyLoad: { studyLoadUnit: 'ects', value: 6 },
      },
    });

    await staffPost(`${id}/results`, {
      score: '11',
      pass: 'passed',
      resultDate: '2027-04-20',
      final: 'yes',
    }).expect(400);
    await staffPost(`${id}/results`, {
      score: '6.5',
      pass: 'passed',
      resultDate: '2027-05-02',
      final: 'yes',
    }).expect(303);
    const corrected = await receiver.nth(id, 3);
    await expectValidCallback(corrected, id);
    expect(corrected.body.result).toMatchObject({
      pass: 'passed',
      score: '6.5',
      resultDate: '2027-05-02',
    });

    const read = await host.ooapi('get', `/associations/${id}`);
    expect(read.body.result).toMatchObject({ score: '6.5', pass: 'passed', state: 'completed' });
    const rows = await dataSource.query<
      { score: string; corrects_id: string | null; id: string }[]
    >('SELECT id, score, corrects_id FROM results WHERE association_id = $1 ORDER BY recorded_at', [
      id,
    ]);
    expect(rows.map((r) => r.score)).toEqual(['5.0', '6.5']);
    expect(rows[1].corrects_id).toBe(rows[0].id);
    const page = await request(host.url).get(`/staff/associations/${id}`).expect(200);
    expect(page.text).toContain('Record the corrected result');
  });

  it('takes the staff work from the command line too; the running server sends the callback', async () => {
    const { id } = await enrol(WATER.id);
    const lines: string[] = [];
    expect(await runHostCli(['admit', id], host.config, (line) => lines.push(line))).toBe(0);
    expect(lines).toEqual([`${id} is associated.`]);
    expect((await receiver.nth(id, 1)).body.remoteState).toBe('associated');
    expect(
      await runHostCli(['result', id, '8.2', 'passed', '2027-07-01'], host.config, (l) =>
        lines.push(l),
      ),
    ).toBe(0);
    expect((await receiver.nth(id, 2)).body.result).toMatchObject({ score: '8.2', pass: 'passed' });
    expect(await runHostCli(['deny', id, 'too late'], host.config, (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toBe("An association that is associated cannot be given 'deny'.");
  });

  it('answers a repeated request with the association it made before', async () => {
    const offering = (await host.ooapi('get', `/offerings/${WATER.id}`)).body;
    const body = enrolment(offering, person('Aurelie Bakker', 's3000001'));
    const first = await host.ooapi('post', '/associations/external/me', body);
    const again = await host.ooapi('post', '/associations/external/me', body);
    expect(again.status).toBe(201);
    expect(again.body.associationId).toBe(first.body.associationId);
  });

  it('retries a callback Leerroutes did not take, and gives up after the attempts the configuration allows', async () => {
    const late = await enrol(DATA_SCIENCE.id);
    receiver.fail(late.id, 2);
    await staffPost(`${late.id}/decisions`, { action: 'admit' }).expect(303);
    const delivered = await receiver.nth(late.id, 3);
    await expectValidCallback(delivered, late.id);
    expect(delivered.body.remoteState).toBe('associated');

    const lost = await enrol(DATA_SCIENCE.id);
    receiver.fail(lost.id, 99);
    await staffPost(`${lost.id}/decisions`, { action: 'admit' }).expect(303);
    const [row] = await waitFor(
      async () => {
        const rows = await dataSource.query<{ attempts: number; last_error: string }[]>(
          'SELECT attempts, last_error FROM callbacks WHERE association_id = $1 AND abandoned_at IS NOT NULL',
          [lost.id],
        );
        return rows.length ? rows : undefined;
      },
      { what: 'the callback given up', timeoutMs: 10000 },
    );
    expect(row.attempts).toBe(3);
    expect(row.last_error).toMatch(/503/);
    expect(receiver.callsFor(lost.id)).toHaveLength(3);
    const page = await request(host.url).get(`/staff/associations/${lost.id}`).expect(200);
    expect(page.text).toContain('<dt>Caller told of the last change</dt><dd>abandoned</dd>');
    // Leerroutes still learns it by asking.
    expect((await host.ooapi('get', `/associations/${lost.id}`)).body.state).toBe('associated');
  });

  it('refuses a form posted from another site', async () => {
    const { id } = await enrol(WATER.id);
    await request(host.url)
      .post(`/staff/associations/${id}/decisions`)
      .set('origin', 'https://evil.example')
      .type('form')
      .send({ action: 'admit' })
      .expect(403);
  });
});
