import { Logger } from '@nestjs/common';
import { getStorageToken } from '@nestjs/throttler';
import { randomBytes } from 'crypto';
import type { Response } from 'supertest';
import { AuditClientAddressEntity, AuditEntryEntity, OfferingEntity } from '@lr/database';
import { RedisRateLimitStorage } from '../src/http/rate-limit';
import { TestApp } from './test-app';

const PORTAL = 'https://portal.leerroutes.example';
const STRANGER = 'https://elsewhere.example';

/** The same-origin scripts and stylesheets a page loads, as paths, resolved against the page. */
function assets(page: Response, pagePath: string): string[] {
  const base = /<base href="([^"]+)"/.exec(page.text)?.[1] ?? pagePath;
  const references = [...page.text.matchAll(/<(?:script|link)[^>]*?(?:src|href)="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((ref) => !/^https?:/.test(ref));
  return references.map((ref) => new URL(ref, `http://api${base}`).pathname);
}

/** Scripts written into the page itself: a page policy without 'unsafe-inline' would block them. */
function inlineScripts(page: Response): string[] {
  return [...page.text.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/json)[^>]*>/g)].map(
    (m) => m[0],
  );
}

describe('hardening: headers, CORS, body limit and error bodies', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({
      withWorker: false,
      env: {
        CORS_ORIGINS: `${PORTAL},https://other-portal.example`,
        BODY_LIMIT: '20kb',
        SHUTDOWN_DRAIN_MS: '0',
      },
    });
  });
  afterAll(() => t.close());

  it('sends security headers on API answers, with a content policy that allows nothing', async () => {
    for (const response of [
      await t.as('macca').get('/offerings'),
      await t.http().get('/offerings'), // a 401 problem too
    ]) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toBe(
        "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
      );
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers).not.toHaveProperty('x-powered-by');
    }
  });

  it('keeps the OpenAPI documentation working under its page policy', async () => {
    const page = await t.http().get('/docs').redirects(1);
    expect(page.status).toBe(200);
    const policy = page.headers['content-security-policy'];
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(inlineScripts(page)).toEqual([]);
    const files = assets(page, '/docs');
    expect(files).toEqual(expect.arrayContaining(['/docs/swagger-ui-bundle.js']));
    for (const file of files) {
      expect([file, (await t.http().get(file)).status]).toEqual([file, 200]);
    }
    expect((await t.http().get('/docs-json')).status).toBe(200);
  });

  it('keeps the queue dashboard working under its page policy', async () => {
    const admin = `Bearer ${await t.token('waal-admin')}`;
    const page = await t.http().get('/admin/queues/uni-waal/').set('Authorization', admin);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(inlineScripts(page)).toEqual([]);
    const files = assets(page, '/admin/queues/uni-waal/');
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    for (const file of files) {
      const asset = await t.http().get(file).set('Authorization', admin);
      expect([file, asset.status]).toEqual([file, 200]);
    }
  });

  it('lets a configured origin read answers from a browser, and no other', async () => {
    const allowed = await t.as('macca').get('/offerings');
    expect(allowed.headers).not.toHaveProperty('access-control-allow-origin'); // no Origin sent
    const fromPortal = await t
      .http()
      .get('/offerings')
      .set('Origin', PORTAL)
      .set('Authorization', `Bearer ${await t.token('macca')}`);
    expect(fromPortal.status).toBe(200);
    expect(fromPortal.headers['access-control-allow-origin']).toBe(PORTAL);
    expect(fromPortal.headers.vary).toMatch(/Origin/);
    expect(fromPortal.headers['access-control-expose-headers']).toContain('Retry-After');
    expect(fromPortal.headers).not.toHaveProperty('access-control-allow-credentials');

    for (const origin of [STRANGER, `${PORTAL}.evil.example`, 'http://portal.leerroutes.example']) {
      const response = await t
        .http()
        .get('/offerings')
        .set('Origin', origin)
        .set('Authorization', `Bearer ${await t.token('macca')}`);
      expect([origin, response.headers['access-control-allow-origin']]).toEqual([
        origin,
        undefined,
      ]);
    }
  });

  it('answers a preflight from a configured origin for the methods and headers the API uses', async () => {
    const preflight = await t
      .http()
      .options('/requests')
      .set('Origin', PORTAL)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(PORTAL);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET,HEAD,POST,PUT,PATCH');
    expect(preflight.headers['access-control-allow-headers']).toBe('Authorization,Content-Type');
    expect(preflight.headers['access-control-max-age']).toBe('600');

    const stranger = await t
      .http()
      .options('/requests')
      .set('Origin', STRANGER)
      .set('Access-Control-Request-Method', 'POST');
    expect(stranger.headers).not.toHaveProperty('access-control-allow-origin');
  });

  it('refuses a body over BODY_LIMIT with 413 as problem+json, and reads one under it', async () => {
    const token = `Bearer ${await t.token('macca')}`;
    const large = await t
      .http()
      .post('/requests')
      .set('Authorization', token)
      .send({ motivation: 'x'.repeat(30 * 1024), components: [] });
    expect(large.status).toBe(413);
    expect(large.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(large.headers['x-content-type-options']).toBe('nosniff');
    expect(large.body).toEqual({
      type: 'urn:leerroutes:problem:HTTP.413',
      title: 'payload too large',
      status: 413,
      code: 'HTTP.413',
      detail: 'The request body is larger than the limit of 20480 bytes.',
      instance: '/requests',
    });

    const small = await t
      .http()
      .post('/requests')
      .set('Authorization', token)
      .send({ motivation: 'x'.repeat(10 * 1024), components: [], unknown: true });
    expect(small.status).toBe(400);
    expect(small.body.code).toBe('REQUEST.VALIDATION_FAILED');
  });

  it('answers an unexpected error with a generic 500: no stack, SQL or table names, and logs the cause', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await t.ownerQuery('ALTER TABLE offerings RENAME TO offerings_hidden');
    try {
      const response = await t.as('macca').get('/offerings?q=tomaten');
      expect(response.status).toBe(500);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toEqual({
        type: 'urn:leerroutes:problem:INTERNAL',
        title: 'internal server error',
        status: 500,
        code: 'INTERNAL',
        detail: 'Something went wrong on our side.',
        instance: '/offerings?q=tomaten',
      });
      expect(response.text).not.toMatch(/offerings_hidden|relation|SELECT|QueryFailed|\.ts:\d+/i);
      expect(logged).toHaveBeenCalledWith(
        expect.stringMatching(/relation "offerings" does not exist/),
      );
    } finally {
      await t.ownerQuery('ALTER TABLE offerings_hidden RENAME TO offerings');
      logged.mockRestore();
    }
    expect((await t.as('macca').get('/offerings')).status).toBe(200);
  });
});

describe('rate limits, shared by every API process on the same Redis', () => {
  const LIMIT = 4;
  // Two API processes of one deployment: their own databases, but one Redis key prefix.
  const prefix = `lrtest-${randomBytes(4).toString('hex')}`;
  let a: TestApp;
  let b: TestApp;
  const open = new Set<TestApp>();

  beforeAll(async () => {
    const env = {
      QUEUE_PREFIX: prefix,
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      SHUTDOWN_DRAIN_MS: '0',
    };
    [a, b] = await Promise.all([
      TestApp.start({ withWorker: false, env }),
      TestApp.start({ withWorker: false, env }),
    ]);
    open.add(a).add(b);
  });
  afterAll(() => Promise.all([...open].map((app) => app.close())));

  const expectLimited = (response: Response) => {
    expect(response.status).toBe(429);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 429, code: 'HTTP.429' });
    expect(response.body.detail).toMatch(/^Too many requests: at most 4 a minute/);
    const retryAfter = Number(response.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  };

  it('counts one person across both processes, and answers 429 with Retry-After over the limit', async () => {
    const statuses = [];
    for (const app of [a, b, a, b]) statuses.push((await app.as('macca').get('/me')).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    const remaining = await a.as('daan').get('/me');
    expect(remaining.headers['x-ratelimit-remaining']).toBe(String(LIMIT - 1));

    expectLimited(await a.as('macca').get('/me'));
    expectLimited(await b.as('macca').get('/institutions'));
    // By person, not by address: someone else from the same address goes on.
    expect((await b.as('daan').get('/me')).status).toBe(200);
  });

  it('limits requests without a valid token by address, before they are refused as unauthorized', async () => {
    const statuses = [];
    for (const app of [a, b, a, b]) statuses.push((await app.http().get('/me')).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    expectLimited(await b.http().get('/me').set('Authorization', 'Bearer not-a-token'));
  });

  it('never limits /health', async () => {
    for (let i = 0; i < LIMIT + 2; i++) expect((await a.http().get('/health')).status).toBe(200);
  });

  it('closes its Redis connection when the API closes', async () => {
    const storage = b.app.get<RedisRateLimitStorage>(getStorageToken());
    expect(storage.redis.status).toBe('ready');
    open.delete(b);
    await b.close();
    expect(storage.redis.status).toBe('end');
  });
});

describe('behind a proxy', () => {
  const LIMIT = 3;
  let proxied: TestApp;
  let direct: TestApp;

  beforeAll(async () => {
    const env = { RATE_LIMIT_PER_MINUTE: String(LIMIT), SHUTDOWN_DRAIN_MS: '0' };
    [proxied, direct] = await Promise.all([
      TestApp.start({ withWorker: false, env: { ...env, TRUST_PROXY: '1' } }),
      TestApp.start({ withWorker: false, env }),
    ]);
  });
  afterAll(() => Promise.all([proxied.close(), direct.close()]));

  const from = (app: TestApp, address: string) =>
    app.http().get('/me').set('X-Forwarded-For', address);

  it('with TRUST_PROXY=1, limits each client by the address the proxy names', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await from(proxied, '203.0.113.7')).status).toBe(401);
    expect((await from(proxied, '203.0.113.7')).status).toBe(429);
    // Another client behind the same proxy (the same socket address) goes on.
    expect((await from(proxied, '203.0.113.8')).status).toBe(401);
  });

  it('with TRUST_PROXY=1, writes the client the proxy names into the audit log', async () => {
    const { id: offeringId } = await proxied.dataSource.manager.findOneByOrFail(OfferingEntity, {
      institutionCode: 'uni-ijssel',
      code: 'DS-ML',
    });
    const created = await proxied
      .http()
      .post('/requests')
      .set('Authorization', `Bearer ${await proxied.token('macca')}`)
      .set('X-Forwarded-For', '198.51.100.23')
      .send({
        motivation: 'This learning route fits my graduation plan.',
        components: [
          { offeringId, countsAs: 'elective-space', motivation: 'It completes my profile.' },
        ],
      });
    expect(created.status).toBe(201);
    const [entry] = await proxied.dataSource.manager.findBy(AuditEntryEntity, {
      objectId: (created.body as { id: string }).id,
    });
    const address = await proxied.dataSource.manager.findOneBy(AuditClientAddressEntity, {
      auditId: entry.id,
    });
    expect(address?.clientAddress).toBe('198.51.100.23');
  });

  it('without TRUST_PROXY, ignores a forged X-Forwarded-For and counts the socket address', async () => {
    const statuses = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push((await from(direct, `203.0.113.${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
