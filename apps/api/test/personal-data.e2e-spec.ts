import { Journey, expectStatus } from './journey';
import { TestApp } from './test-app';

describe('the personal data export', () => {
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    t = await TestApp.start();
    j = new Journey(t);
  });
  afterAll(() => t.close());

  it("gives a student everything held about them, as a download, and nobody else's", async () => {
    const own = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
    await j.approved('waal-eb-life', own);
    const other = await j.submitted('noor', [{ offering: 'uni-ijssel/DS-ML' }]);

    const response = expectStatus(await t.as('macca').get('/me/export'), 200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="leerroutes-my-data.json"',
    );
    const data = response.body;
    expect(Object.keys(data).sort()).toEqual([
      'audit',
      'creditRecord',
      'exportedAt',
      'notifications',
      'person',
      'requests',
    ]);
    expect(data.person).toEqual({
      id: 'macca',
      name: 'Macca Janssen',
      email: 'macca@student.uni-waal.example',
      studentNumber: 's1029384',
      institutionCode: 'uni-waal',
      programmeCodes: ['msc-food'],
    });
    expect(data.requests.map((r: { id: string }) => r.id)).toEqual([own.id]);
    expect(data.requests[0].timeline.map((e: { event: string }) => e.event).slice(0, 4)).toEqual([
      'create',
      'submit',
      'approve',
      'deliver_to_host',
    ]);
    expect(data.notifications.map((n: { kind: string }) => n.kind)).toContain('approve');
    expect(data.audit.map((a: { action: string }) => a.action).slice(0, 3)).toEqual([
      'create',
      'submit',
      'approve',
    ]);
    // Where anyone called from is kept for their own institution's admins only, not even for the student.
    expect(data.audit.map((a: { clientAddress: unknown }) => a.clientAddress ?? null)).toEqual(
      data.audit.map(() => null),
    );
    expect(JSON.stringify(data)).not.toMatch(/127\.0\.0\.1|::1|::ffff/);
    expect(data.creditRecord.student.id).toBe('macca');
    expect(JSON.stringify(data)).not.toContain(other.id);

    for (const staff of ['waal-eb-life', 'waal-admin']) {
      expect((await t.as(staff).get('/me/export')).status).toBe(403);
    }
  });
});
