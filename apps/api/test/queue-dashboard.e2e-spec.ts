import { QueuesService } from '@lr/queue';
import { TestApp } from './test-app';

const SESSION = '/admin/queues/session';
const WAAL = '/admin/queues/uni-waal';

describe('the queue dashboard at /admin/queues', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ withWorker: false });
  });
  afterAll(() => t.close());

  const bearer = async (person: string) => `Bearer ${await t.token(person)}`;

  /** Opens a dashboard session as a person; the cookie to send with it, and the answer. */
  const signIn = async (person: string, secure = false) => {
    const answer = t
      .http()
      .post(SESSION)
      .set('Authorization', await bearer(person));
    const response = await (secure ? answer.set('X-Forwarded-Proto', 'https') : answer);
    const setCookie = (response.headers['set-cookie'] as unknown as string[] | undefined)?.[0];
    return { response, setCookie, cookie: setCookie?.split(';')[0] ?? '' };
  };

  const queueNames = async (board: string, cookie: string) => {
    const api = await t.http().get(`${board}/api/queues`).set('Cookie', cookie);
    expect(api.status).toBe(200);
    return (api.body.queues as { name: string }[]).map((q) => q.name);
  };

  it('is closed to anyone but an admin', async () => {
    expect((await t.http().get(WAAL)).status).toBe(401);
    expect((await t.http().get(`${WAAL}/api/queues`)).status).toBe(401);
    const student = await t
      .http()
      .get(WAAL)
      .set('Authorization', await bearer('macca'));
    expect(student.status).toBe(403);
    expect(student.headers['content-type']).toMatch(/application\/problem\+json/);
    const { response, setCookie } = await signIn('macca');
    expect(response.status).toBe(403);
    expect(setCookie).toBeUndefined();
    expect((await t.http().post(SESSION)).status).toBe(401);
  });

  it('opens a session for an admin by bearer token, kept in a strict, HttpOnly cookie for the dashboard only', async () => {
    const { response, setCookie, cookie } = await signIn('waal-admin');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${WAAL}/`);
    expect(setCookie).toMatch(/^lr_dashboard=[\w-]{40,};/);
    expect(setCookie).toMatch(/; Path=\/admin\/queues;/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Max-Age=\d+/);
    expect(setCookie).not.toMatch(/; Secure/);
    // Not the token itself: the cookie holds an opaque session id.
    expect(cookie).not.toContain((await t.token('waal-admin')).slice(0, 20));

    const page = await t.http().get(`${WAAL}/`).set('Cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<html/i);
  });

  it('marks the cookie Secure when the request came over TLS', async () => {
    const { setCookie } = await signIn('waal-admin', true);
    // Without TRUST_PROXY the forwarded protocol is not believed; with it, see below.
    expect(setCookie).not.toMatch(/; Secure/);
    const proxied = await TestApp.start({ withWorker: false, env: { TRUST_PROXY: '1' } });
    try {
      const behindTls = await proxied
        .http()
        .post(SESSION)
        .set('Authorization', `Bearer ${await proxied.token('waal-admin')}`)
        .set('X-Forwarded-Proto', 'https');
      expect((behindTls.headers['set-cookie'] as unknown as string[])[0]).toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('shows an admin their own institution’s queue only', async () => {
    const { cookie } = await signIn('waal-admin');
    expect(await queueNames(WAAL, cookie)).toEqual(['institution.uni-waal']);

    const other = await t.http().get('/admin/queues/hs-delta/api/queues').set('Cookie', cookie);
    expect(other.status).toBe(403);
    expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
    const byBearer = await t
      .http()
      .get('/admin/queues/hs-delta/api/queues')
      .set('Authorization', await bearer('waal-admin'));
    expect(byBearer.status).toBe(403);
    // Nor can another's queue be named on one's own board.
    const through = await t
      .http()
      .put(`${WAAL}/api/queues/institution.hs-delta/retry/failed`)
      .set('Cookie', cookie);
    expect(through.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses actions on another institution’s queue and changes nothing', async () => {
    const queue = t.app.get(QueuesService).get('institution.hs-delta');
    const job = await queue.add('probe', {}, { delay: 60_000 });
    const { cookie } = await signIn('waal-admin');
    for (const [method, path] of [
      ['put', '/admin/queues/hs-delta/api/queues/institution.hs-delta/retry/failed'],
      ['put', '/admin/queues/hs-delta/api/queues/institution.hs-delta/clean/delayed'],
      ['put', '/admin/queues/hs-delta/api/queues/institution.hs-delta/promote'],
      ['get', `/admin/queues/hs-delta/api/queues/institution.hs-delta/${job.id}`],
      ['put', '/admin/queues/hs-delta/api/queues/institution.hs-delta/pause'],
    ] as const) {
      expect([path, (await t.http()[method](path).set('Cookie', cookie)).status]).toEqual([
        path,
        403,
      ]);
    }
    expect(await queue.getJobState(job.id!)).toBe('delayed');
    expect(await queue.isPaused()).toBe(false);
    await job.remove();
  });

  it('no longer signs in from a token in the URL', async () => {
    const opened = await t.http().get(`${WAAL}/?token=${await t.token('waal-admin')}`);
    expect(opened.status).toBe(401);
    expect(opened.headers['set-cookie']).toBeUndefined();
    const root = await t.http().get(`/admin/queues?token=${await t.token('waal-admin')}`);
    expect(root.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a made-up session and the raw token as a cookie', async () => {
    expect((await t.http().get(WAAL).set('Cookie', 'lr_dashboard=made-up')).status).toBe(401);
    const raw = `lr_dashboard=${await t.token('waal-admin')}`;
    expect((await t.http().get(WAAL).set('Cookie', raw)).status).toBe(401);
  });

  it('offers a sign-in form that posts the token in the body, not the URL', async () => {
    const form = await t.http().get('/admin/queues');
    expect(form.status).toBe(200);
    expect(form.text).toMatch(/<form method="post" action="\/admin\/queues\/session"/);
    const posted = await t
      .http()
      .post(SESSION)
      .type('form')
      .send({ token: await t.token('ijssel-admin') });
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe('/admin/queues/uni-ijssel/');
  });

  it('is read-only: an admin cannot pause or empty their own queue from it', async () => {
    const { cookie } = await signIn('waal-admin');
    const pause = await t
      .http()
      .put(`${WAAL}/api/queues/institution.uni-waal/pause`)
      .set('Cookie', cookie);
    expect(pause.status).toBeGreaterThanOrEqual(400);
    expect(await t.app.get(QueuesService).get('institution.uni-waal').isPaused()).toBe(false);
  });
});
