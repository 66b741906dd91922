import { Journey, expectStatus } from './journey';
import { TestApp } from './test-app';

interface Entry {
  actorId: string;
  actorRole: string;
  actorInstitutionCode: string;
  action: string;
  objectType: string;
  objectId: string;
  requestVersion: number;
  motivation: string | null;
  clientAddress: string | null;
}

describe('the audit log', () => {
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    t = await TestApp.start();
    j = new Journey(t);
  });
  afterAll(() => t.close());

  const audit = async (person: string, requestId: string) =>
    expectStatus(await t.as(person).get(`/audit?requestId=${requestId}&pageSize=100`), 200).body
      .items as Entry[];

  it('records who decided what, why, on which version and from where; exam boards and admins read their scope', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
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
      clientAddress: expect.stringMatching(/127\.0\.0\.1|::1/),
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
    expect(delivery.clientAddress).toBeNull();

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

  it('cannot be changed or emptied, not even by the application database user', async () => {
    const [before] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM audit_log',
    );
    expect(before.n).toBeGreaterThan(0);
    for (const sql of [
      `UPDATE audit_log SET motivation = 'rewritten'`,
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
    ]) {
      await expect(t.dataSource.query(sql)).rejects.toThrow(/audit_log is append-only/);
    }
    const [after] = await t.dataSource.query<{ n: number; rewritten: number }[]>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE motivation = 'rewritten')::int AS rewritten
       FROM audit_log`,
    );
    expect(after).toEqual({ n: before.n, rewritten: 0 });
  });
});
