import { QueuesService } from '@lr/queue';
import { TestApp } from './test-app';

describe('the queue dashboard at /admin/queues', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ withWorker: false });
  });
  afterAll(() => t.close());

  const bearer = async (person: string) => `Bearer ${await t.token(person)}`;

  it('is closed to anyone but an admin', async () => {
    expect((await t.http().get('/admin/queues')).status).toBe(401);
    const student = await t
      .http()
      .get('/admin/queues')
      .set('Authorization', await bearer('macca'));
    expect(student.status).toBe(403);
    expect(student.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('opens for an admin, lists every queue, and keeps the admin signed in by cookie', async () => {
    const page = await t
      .http()
      .get('/admin/queues')
      .set('Authorization', await bearer('waal-admin'));
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<html/i);

    const opened = await t.http().get(`/admin/queues?token=${await t.token('waal-admin')}`);
    expect(opened.status).toBe(200);
    const cookie = (opened.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/lr_dashboard=.*HttpOnly.*SameSite=Strict/);
    const api = await t.http().get('/admin/queues/api/queues').set('Cookie', cookie.split(';')[0]);
    expect(api.status).toBe(200);
    const names = (api.body.queues as { name: string }[]).map((q) => q.name).sort();
    expect(names).toEqual([
      'institution.hs-delta',
      'institution.hs-westland',
      'institution.mbo-energie',
      'institution.uni-ijssel',
      'institution.uni-waal',
      'notifications',
    ]);
  });

  it('is read-only: an admin cannot pause or empty a queue from it', async () => {
    const cookie = `lr_dashboard=${await t.token('waal-admin')}`;
    const pause = await t
      .http()
      .put('/admin/queues/api/queues/institution.uni-ijssel/pause')
      .set('Cookie', cookie);
    expect(pause.status).toBeGreaterThanOrEqual(400);
    const queue = t.app.get(QueuesService).get('institution.uni-ijssel');
    expect(await queue.isPaused()).toBe(false);
  });
});
