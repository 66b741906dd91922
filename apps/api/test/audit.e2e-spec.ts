import { AuditAddressRetention } from '@lr/workflow';
import { Journey, expectStatus } from './journey';
import { TestApp } from './test-app';

interface Entry {
  id: string;
  actorId: string;
  actorRole: string;
  actorInstitutionCode: string;
  action: string;
  objectType: string;
  objectId: string;
  requestId: string;
  requestVersion: number;
  motivation: string | null;
  clientAddress: string | null;
}

const LOOPBACK = /127\.0\.0\.1|::1/;

describe('the audit log', () => {
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    t = await TestApp.start();
    j = new Journey(t);
  });
  afterAll(() => t.close());

  /** A copy of Machine Learning for each request: a student has one live request per offering. */
  const machineLearning = async () => [{ offering: (await j.copiesOf('uni-ijssel/DS-ML', 1))[0] }];

  const audit = async (person: string, requestId: string) =>
    expectStatus(await t.as(person).get(`/audit?requestId=${requestId}&pageSize=100`), 200).body
      .items as Entry[];
  const whole = async (person: string) =>
    expectStatus(await t.as(person).get('/audit?pageSize=100'), 200).body.items as Entry[];

  it('records who decided what, why, on which version and from where; exam boards and admins read their scope', async () => {
    const request = await j.submitted('macca', await machineLearning());
    await j.approved('waal-eb-life', request, 0, {
      motivation: 'Fits the master profile; counts as elective space.',
    });
    await j.admitted('ijssel-admissions', request);

    const seen = await audit('waal-eb-life', request.id);
    expect(seen.map((e) => [e.action, e.actorId])).toEqual([
      ['admit', 'ijssel-admissions'],
      ['deliver_to_host', 'system'],
      ['approve', 'waal-eb-life'],
      ['submit', 'macca'],
      ['create', 'macca'],
    ]);
    const [admit, delivery, approve, submit, create] = seen;
    expect(approve).toMatchObject({
      actorRole: 'exam-board',
      actorInstitutionCode: 'uni-waal',
      objectType: 'component',
      objectId: request.components[0].id,
      motivation: 'Fits the master profile; counts as elective space.',
    });
    expect(create).toMatchObject({
      objectType: 'request',
      objectId: request.id,
      motivation: 'This learning route fits my graduation plan.',
      requestVersion: 1,
    });
    // Each entry carries the request's version after its change, in order.
    expect([create, submit, approve, delivery, admit].map((e) => e.requestVersion)).toEqual([
      1, 2, 3, 4, 5,
    ]);

    // The host's admin sees what the host's people and its system did, not what the student wrote to their
    // own exam board or how that board decided.
    expect((await audit('ijssel-admin', request.id)).map((e) => e.action)).toEqual([
      'admit',
      'deliver_to_host',
    ]);
    expect(await audit('waal-admin', request.id)).toHaveLength(5);
    // Another institution's exam board may not see the request: 404, as for one that does not exist. Students
    // and staff without the role get 403.
    const otherBoard = await t.as('ijssel-eb').get(`/audit?requestId=${request.id}`);
    expect(otherBoard.status).toBe(404);
    expect(otherBoard.body.code).toBe('REQUEST.NOT_FOUND');
    for (const person of ['macca', 'ijssel-admissions']) {
      expect((await t.as(person).get(`/audit?requestId=${request.id}`)).status).toBe(403);
    }
  });

  it("shows a client's address only to the admins of the caller's own institution", async () => {
    const request = await j.submitted('macca', await machineLearning());
    await j.approved('waal-eb-life', request);
    await j.admitted('ijssel-admissions', request);
    const addresses = async (person: string) =>
      Object.fromEntries((await audit(person, request.id)).map((e) => [e.action, e.clientAddress]));

    // The exam board reads decisions, not where people sat.
    expect(Object.values(await addresses('waal-eb-life')).every((a) => a === null)).toBe(true);
    // The home admin: the addresses of the home's own people, not the host's admissions officer's.
    expect(await addresses('waal-admin')).toEqual({
      create: expect.stringMatching(LOOPBACK),
      submit: expect.stringMatching(LOOPBACK),
      approve: expect.stringMatching(LOOPBACK),
      deliver_to_host: null,
      admit: null,
    });
    // The host admin: their own admissions officer's; the system has none.
    expect(await addresses('ijssel-admin')).toEqual({
      admit: expect.stringMatching(LOOPBACK),
      deliver_to_host: null,
    });
  });

  it("keeps a draft out of the home side's log until the student submits it", async () => {
    const draft = await j.compose('macca', await machineLearning());
    const withdrawn = await j.compose('macca', await machineLearning());
    await j.act('macca', `/requests/${withdrawn.id}/withdraw`);
    const actions = async (person: string, requestId: string) =>
      (await whole(person)).filter((e) => e.requestId === requestId).map((e) => e.action);

    for (const person of ['waal-eb-life', 'waal-admin']) {
      expect(await actions(person, draft.id)).toEqual([]);
      expect(await actions(person, withdrawn.id)).toEqual([]);
    }
    await j.act('macca', `/requests/${draft.id}/submit`);
    for (const person of ['waal-eb-life', 'waal-admin']) {
      expect(await actions(person, draft.id)).toEqual(['submit', 'create']);
    }
  });

  it('cannot be changed or emptied by its owner: the trigger refuses', async () => {
    const [before] = await t.ownerQuery<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(before.n).toBeGreaterThan(0);
    for (const sql of [
      `UPDATE audit_log SET motivation = 'rewritten'`,
      'DELETE FROM audit_log',
      // CASCADE: the client addresses refer to the log, which would refuse a plain TRUNCATE before the trigger.
      'TRUNCATE audit_log CASCADE',
    ]) {
      await expect(t.ownerQuery(sql)).rejects.toThrow(/audit_log is append-only/);
    }
    const [after] = await t.ownerQuery<{ n: number; rewritten: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE motivation = 'rewritten')::int AS rewritten
       FROM audit_log`,
    );
    expect(after).toEqual({ n: before.n, rewritten: 0 });
  });

  it("the application's database role may only read and append it, and cannot switch its trigger off", async () => {
    const [role] = await t.dataSource.query<{ superuser: boolean; owner: boolean }[]>(
      `SELECT rolsuper AS superuser, pg_has_role(current_user, tableowner, 'USAGE') AS owner
       FROM pg_roles, pg_tables WHERE rolname = current_user AND tablename = 'audit_log'`,
    );
    expect(role).toEqual({ superuser: false, owner: false });
    const [before] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM audit_log',
    );
    for (const sql of [
      `UPDATE audit_log SET motivation = 'rewritten'`,
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
      'ALTER TABLE audit_log DISABLE TRIGGER ALL',
      'SET session_replication_role = replica',
    ]) {
      // Refused for want of a privilege, before the trigger (which would say "append-only") is asked.
      await expect(t.dataSource.query(sql)).rejects.toMatchObject({
        code: '42501',
        message: expect.stringMatching(/^(permission denied|must be owner)/),
      });
    }
    await t.dataSource.query(
      `INSERT INTO audit_log (at, actor_id, actor_role, actor_institution_code, action, object_type,
         object_id, request_id, home_institution_code, home_programme_code, request_version)
       SELECT now(), 'test', 'system', '-', 'probe', 'request', request_id, request_id,
         home_institution_code, home_programme_code, request_version FROM audit_log LIMIT 1`,
    );
    const [after] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM audit_log',
    );
    expect(after.n).toBe(before.n + 1);
  });

  it('forgets client addresses once they are older than the retention, and keeps newer ones', async () => {
    const retention = t.config.auditAddressRetentionDays;
    const old = await j.compose('noor', await machineLearning());
    t.clock.advanceDays(retention + 1);
    const recent = await j.compose('noor', await machineLearning());
    const addressOf = async (requestId: string) =>
      (
        await t.dataSource.query<{ address: string | null }[]>(
          `SELECT c.client_address AS address FROM audit_log a
         LEFT JOIN audit_client_addresses c ON c.audit_id = a.id
         WHERE a.request_id = $1 AND a.action = 'create'`,
          [requestId],
        )
      )[0].address;
    expect(await addressOf(old.id)).toMatch(LOOPBACK);

    await t.app.get(AuditAddressRetention).forgetExpired();

    expect(await addressOf(old.id)).toBeNull();
    expect(await addressOf(recent.id)).toMatch(LOOPBACK);
    // The entry itself stays: only the address is forgotten.
    const [entries] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_log WHERE request_id = $1`,
      [old.id],
    );
    expect(entries.n).toBe(1);
  });
});
