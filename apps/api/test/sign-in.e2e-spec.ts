import { spawnSync } from 'child_process';
import { join } from 'path';
import { SignJWT, base64url, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { DevIssuer, DevIssuerHost, TokenVerifier } from '@lr/auth';
import { ComponentEntity } from '@lr/database';
import { REGISTERED_INSTITUTIONS } from '@lr/institutions';
import type { RequestView } from '@lr/workflow';
import { Journey } from './journey';
import { TestApp } from './test-app';

const now = () => Math.floor(Date.now() / 1000);

describe('sign-in: OpenID Connect tokens of the institutions’ issuers', () => {
  let t: TestApp;
  let issuer: DevIssuer;
  const waal = REGISTERED_INSTITUTIONS.find((i) => i.code === 'uni-waal')!;
  const ijssel = REGISTERED_INSTITUTIONS.find((i) => i.code === 'uni-ijssel')!;
  const macca = {
    id: 'macca',
    role: 'student' as const,
    name: 'Macca Janssen',
    email: 'macca@student.uni-waal.example',
    programmeCodes: ['msc-food'],
  };

  beforeAll(async () => {
    // A short cooldown, so that the key-rotation case need not wait 30 s before the keys may be fetched again.
    t = await TestApp.start({ withWorker: false, env: { OIDC_JWKS_COOLDOWN_MS: '0' } });
    issuer = t.app.get(DevIssuerHost).issuer;
  });
  afterAll(() => t.close());

  const audience = () => t.config.oidcAudience;
  const me = (token: string) => t.http().get('/me').set('Authorization', `Bearer ${token}`);

  /** 401 problem+json whose detail and challenge give this reason. */
  async function expectRefused(token: string, reason: RegExp): Promise<void> {
    const response = await me(token);
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.detail).toMatch(reason);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
  }

  it('accepts a token of the institution’s issuer and maps its claims to the person', async () => {
    const token = await issuer.sign('uni-waal', waal.signIn.claims.claimsOf(macca), {
      audience: audience(),
    });
    const response = await me(token);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: 'macca',
      role: 'student',
      institutionCode: 'uni-waal',
      programmeCodes: ['msc-food'],
      name: 'Macca Janssen',
    });
  });

  it('maps each institution’s own claim format: eduPerson entitlements, Entra ID app roles', async () => {
    const board = await me(await t.token('waal-eb-life'));
    expect(board.body).toMatchObject({
      role: 'exam-board',
      institutionCode: 'uni-waal',
      programmeCodes: ['msc-food', 'msc-plant'],
    });
    const mbo = await t.http().post('/dev/tokens').send({ personId: 'energie-eb' });
    expect(mbo.status).toBe(200);
    const payload = decodeJwt(mbo.body.token);
    expect(payload).toMatchObject({ tid: expect.any(String), roles: ['Leerroutes.ExamBoard'] });
    expect((await me(mbo.body.token)).body).toMatchObject({
      role: 'exam-board',
      institutionCode: 'mbo-energie',
    });
  });

  it('refuses a token of an issuer it does not trust', async () => {
    const token = await issuer.sign('elsewhere', waal.signIn.claims.claimsOf(macca), {
      audience: audience(),
    });
    await expectRefused(token, /issuer is not one this service trusts/);
  });

  it('refuses a token whose signature was not made with the issuer’s key', async () => {
    const genuine = await issuer.sign('uni-waal', waal.signIn.claims.claimsOf(macca), {
      audience: audience(),
    });
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT(waal.signIn.claims.claimsOf(macca))
      .setProtectedHeader(decodeProtectedHeader(genuine) as { alg: string; kid: string })
      .setIssuer(issuer.issuerOf('uni-waal'))
      .setAudience(audience())
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    await expectRefused(forged, /signature is not valid/);
    // The payload of a genuine token with one claim changed: the signature no longer matches.
    const [header, , signature] = genuine.split('.');
    const claims = decodeJwt(genuine);
    const tampered = base64url.encode(JSON.stringify({ ...claims, sub: 'aurelie' }));
    await expectRefused(`${header}.${tampered}.${signature}`, /signature is not valid/);
  });

  it('refuses an expired token, and one not valid yet, beyond the allowed clock skew', async () => {
    const skew = t.config.oidcClockSkewSeconds;
    const sign = (times: { issuedAt?: number; expiresAt?: number; notBefore?: number }) =>
      issuer.sign('uni-waal', waal.signIn.claims.claimsOf(macca), {
        audience: audience(),
        ...times,
      });
    await expectRefused(
      await sign({ issuedAt: now() - 3600, expiresAt: now() - skew - 5 }),
      /has expired/,
    );
    await expectRefused(await sign({ notBefore: now() + skew + 60 }), /not valid yet/);
    // Within the skew both are accepted: the issuer's clock may run a little ahead or behind ours.
    expect((await me(await sign({ issuedAt: now() - 3600, expiresAt: now() - 5 }))).status).toBe(
      200,
    );
    expect((await me(await sign({ notBefore: now() + 5 }))).status).toBe(200);
  });

  it('checks a token once, and keeps its acceptance only while the token is valid', async () => {
    const verifier = t.app.get(TokenVerifier);
    const skew = t.config.oidcClockSkewSeconds;
    // Valid for two more seconds, the allowed skew included.
    const token = await issuer.sign('uni-waal', waal.signIn.claims.claimsOf(macca), {
      audience: audience(),
      issuedAt: now() - 60,
      expiresAt: now() - skew + 2,
    });
    const before = verifier.checked;
    for (let i = 0; i < 3; i += 1) expect((await me(token)).status).toBe(200);
    expect(verifier.checked - before).toBe(1);
    // Another person's token is checked on its own, and answers as that person.
    const other = await issuer.sign('uni-waal', waal.signIn.claims.claimsOf({ ...macca, id: 'aurelie', name: 'Aurélie Dubois' }), {
      audience: audience(),
    });
    expect((await me(other)).body).toMatchObject({ id: 'aurelie' });
    expect(verifier.checked - before).toBe(2);

    await new Promise((resolve) => setTimeout(resolve, 2500));
    await expectRefused(token, /has expired/);
    expect(verifier.checked - before).toBe(3);
  });

  it('refuses a token meant for another audience', async () => {
    const token = await issuer.sign('uni-waal', waal.signIn.claims.claimsOf(macca), {
      audience: 'another-application',
    });
    await expectRefused(token, /meant for another audience/);
  });

  it('refuses an unsigned token (alg: none), whatever it claims', async () => {
    const genuine = await issuer.sign('uni-waal', waal.signIn.claims.claimsOf(macca), {
      audience: audience(),
    });
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const payload = genuine.split('.')[1];
    await expectRefused(`${header}.${payload}.`, /signature algorithm is not accepted/);
  });

  it('refuses a valid token whose institution claim names an institution that issuer does not sign for', async () => {
    // Signed by uni-waal's issuer, but claiming to be one of uni-ijssel's people.
    const claims = ijssel.signIn.claims.claimsOf({ ...macca, id: 'ijssel-admin', role: 'admin' });
    const token = await issuer.sign('uni-waal', claims, { audience: audience() });
    await expectRefused(token, /no person of an institution that signs in through its issuer/);
  });

  it('refuses a valid token of one institution acting on another institution’s request, changing nothing', async () => {
    const j = new Journey(t);
    const request: RequestView = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
    const before = await t.dataSource.manager.findOneByOrFail(ComponentEntity, {
      id: request.components[0].id,
    });
    const outsider = await t
      .as('ijssel-eb')
      .post(j.path(request, 0, 'approval'), { decision: 'approve' });
    expect(outsider.status).toBe(404);
    expect(await t.dataSource.manager.findOneByOrFail(ComponentEntity, { id: before.id })).toEqual(
      before,
    );
  });

  it('follows a key rotation: a token signed with the issuer’s new key is accepted', async () => {
    const claims = waal.signIn.claims.claimsOf(macca);
    const before = await issuer.sign('uni-waal', claims, { audience: audience() });
    expect((await me(before)).status).toBe(200);
    await issuer.rotate('uni-waal');
    const after = await issuer.sign('uni-waal', claims, { audience: audience() });
    expect(decodeProtectedHeader(after).kid).not.toBe(decodeProtectedHeader(before).kid);
    expect((await me(after)).status).toBe(200);
    // The old key is still published, so tokens handed out before the rotation stay valid.
    expect((await me(before)).status).toBe(200);
  });

  it('checks each institution’s own client id as the audience, also where institutions share an issuer', async () => {
    // As at SURFconext: one issuer for both universities, and uni-ijssel's portal registered under its own id.
    const federation = issuer.issuerOf('federation');
    const shared = await TestApp.start({
      withWorker: false,
      env: {
        DEV_TOKENS_ENABLED: 'false',
        OIDC_ISSUERS: `uni-waal=${federation},uni-ijssel=${federation}`,
        OIDC_CLIENT_IDS: 'uni-ijssel=ijssel-portal',
      },
    });
    try {
      const listed = (await shared.http().get('/sign-in/institutions')).body as {
        code: string;
        issuer: string;
        clientId: string;
        idTokenClaims: string[];
      }[];
      expect(listed.find((i) => i.code === 'uni-ijssel')).toMatchObject({
        issuer: federation,
        clientId: 'ijssel-portal',
      });
      expect(listed.find((i) => i.code === 'uni-waal')).toMatchObject({
        issuer: federation,
        clientId: shared.config.oidcAudience,
      });
      // The federation releases its claims at userinfo unless asked for them in the ID token.
      expect(listed.find((i) => i.code === 'uni-waal')?.idTokenClaims).toContain(
        'eduperson_entitlement',
      );
      expect(listed.find((i) => i.code === 'mbo-energie')?.idTokenClaims).toEqual([]);

      const teacher = {
        id: 'ijssel-admissions',
        role: 'host-admissions' as const,
        name: 'IJssel Admissions',
        email: 'admissions@uni-ijssel.example',
        programmeCodes: [],
      };
      const asShared = (token: string) =>
        shared.http().get('/me').set('Authorization', `Bearer ${token}`);
      const ijsselClaims = ijssel.signIn.claims.claimsOf(teacher);
      const forIjssel = await issuer.sign('federation', ijsselClaims, {
        audience: 'ijssel-portal',
      });
      expect((await asShared(forIjssel)).body).toMatchObject({ institutionCode: 'uni-ijssel' });
      // uni-ijssel's person in a token issued to another client: not a token of uni-ijssel's portal.
      const wrongClient = await issuer.sign('federation', ijsselClaims, { audience: audience() });
      expect((await asShared(wrongClient)).status).toBe(401);
      const waalToIjssel = await issuer.sign('federation', waal.signIn.claims.claimsOf(macca), {
        audience: 'ijssel-portal',
      });
      expect((await asShared(waalToIjssel)).status).toBe(401);
      const waalOwn = await issuer.sign('federation', waal.signIn.claims.claimsOf(macca), {
        audience: audience(),
      });
      expect((await asShared(waalOwn)).body).toMatchObject({ institutionCode: 'uni-waal' });
    } finally {
      await shared.close();
    }
  });

  it('refuses every token with 503, not 401, while an issuer cannot be reached', async () => {
    const unreachable = await TestApp.start({
      withWorker: false,
      env: { DEV_TOKENS_ENABLED: 'false', OIDC_ISSUERS: 'uni-waal=http://127.0.0.1:9' },
    });
    try {
      const token = await issuer.sign('uni-waal', waal.signIn.claims.claimsOf(macca), {
        audience: audience(),
      });
      const response = await unreachable.http().get('/me').set('Authorization', `Bearer ${token}`);
      // The token names the development realm, which this app does not trust: refused as such.
      expect(response.status).toBe(401);
      const forUnreachable = await new SignJWT(waal.signIn.claims.claimsOf(macca))
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer('http://127.0.0.1:9')
        .setAudience(audience())
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign((await generateKeyPair('ES256')).privateKey);
      const down = await unreachable
        .http()
        .get('/me')
        .set('Authorization', `Bearer ${forUnreachable}`);
      expect(down.status).toBe(503);
      expect(down.body.detail).toMatch(/identity provider did not answer/);
    } finally {
      await unreachable.close();
    }
  });
});

describe('the development issuer outside explicit development mode', () => {
  const start = (env: NodeJS.ProcessEnv) => {
    const result = spawnSync(process.execPath, ['dist/apps/api/src/main.js'], {
      cwd: join(__dirname, '../../..'),
      env,
      encoding: 'utf8',
      timeout: 20000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };

  it('refuses to start the API with NODE_ENV=production and development sign-in on', () => {
    const result = start({ ...process.env, NODE_ENV: 'production', DEV_TOKENS_ENABLED: 'true' });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(
      /"DEV_TOKENS_ENABLED" must be false in production: the development issuer signs a token for anyone/,
    );
  });

  it('refuses to start the API with development sign-in on and NODE_ENV unset', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DEV_TOKENS_ENABLED: 'true' };
    delete env.NODE_ENV;
    const result = start(env);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(
      /"DEV_TOKENS_ENABLED" must be false in production: .*unset means production/,
    );
  });

  it('refuses to start the API with development sign-in on an address other than loopback', () => {
    const result = start({
      ...process.env,
      NODE_ENV: 'development',
      DEV_TOKENS_ENABLED: 'true',
      HOST: '0.0.0.0',
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/"DEV_TOKENS_ENABLED" needs HOST on loopback .*not 0\.0\.0\.0/);
  });
});
