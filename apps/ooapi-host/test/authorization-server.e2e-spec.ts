import { SignJWT, createRemoteJWKSet, decodeJwt, generateKeyPair, jwtVerify } from 'jose';
import request from 'supertest';
import { TestHost } from './test-host';

/** As Leerroutes checks a token of an institution's system: discovery, then its keys. */
async function verifyByDiscovery(issuer: string, token: string, audience: string) {
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as {
    issuer: string;
    jwks_uri: string;
  };
  const keys = createRemoteJWKSet(new URL(discovery.jwks_uri));
  return (await jwtVerify(token, keys, { issuer: discovery.issuer, audience })).payload;
}

describe('the demo institution system: its authorization server', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await TestHost.start({ LEERROUTES_URL: 'http://127.0.0.1:3999' });
  });
  afterAll(async () => {
    await host.stop();
  });

  it('publishes discovery under /oauth with a token endpoint for client credentials', async () => {
    const { body } = await request(host.url)
      .get('/oauth/.well-known/openid-configuration')
      .expect(200);
    expect(body.issuer).toBe(`${host.url}/oauth`);
    expect(body.token_endpoint).toBe(`${host.url}/oauth/token`);
    expect(body.jwks_uri).toBe(`${host.url}/oauth/jwks`);
    expect(body.grant_types_supported).toContain('client_credentials');
  });

  it('gives client leerroutes a JWT access token for its OOAPI, and refuses a wrong secret', async () => {
    const { body } = await host.tokenRequest('leerroutes', 'leerroutes-dev-secret').expect(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const claims = await verifyByDiscovery(
      host.config.issuer,
      body.access_token,
      `${host.url}/ooapi/v5`,
    );
    expect(claims.client_id).toBe('leerroutes');

    const wrong = await host.tokenRequest('leerroutes', 'not-the-secret').expect(401);
    expect(wrong.body.error).toBe('invalid_client');
    await host.tokenRequest('someone', 'leerroutes-dev-secret').expect(401);
    // A scope the connector may be configured to ask for is no reason to refuse.
    await host.tokenRequest('leerroutes', 'leerroutes-dev-secret', { scope: 'ooapi' }).expect(200);
  });

  it("gives its own machine client a token that Leerroutes verifies by discovery: audience 'leerroutes'", async () => {
    const { body } = await host
      .tokenRequest('uni-eem-system', host.config.systemSecret)
      .expect(200);
    const claims = await verifyByDiscovery(host.config.issuer, body.access_token, 'leerroutes');
    expect(claims).toMatchObject({ iss: `${host.url}/oauth`, client_id: 'uni-eem-system' });
    // Each client gets tokens for its one resource only.
    const elsewhere = await host
      .tokenRequest('uni-eem-system', host.config.systemSecret, {
        resource: `${host.url}/ooapi/v5`,
      })
      .expect(400);
    expect(elsewhere.body.error).toBe('invalid_target');
  });

  it('opens its OOAPI to a token of client leerroutes only', async () => {
    await host.ooapi('get', '/courses').then((r) => expect(r.status).toBe(200));
    const none = await request(host.url).get('/ooapi/v5/courses').expect(401);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(none.headers['www-authenticate']).toBe('Bearer');

    const system = await host.tokenRequest('uni-eem-system', host.config.systemSecret).expect(200);
    const own = await host.ooapi('get', '/courses', undefined, system.body.access_token);
    expect(own.status).toBe(401);

    // Signed by a key that is not the issuer's, with the right claims otherwise.
    const { privateKey } = await generateKeyPair('ES256');
    const leerroutes = decodeJwt(await host.leerroutesToken());
    const forged = await new SignJWT({ client_id: 'leerroutes' })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' })
      .setIssuer(String(leerroutes.iss))
      .setAudience(String(leerroutes.aud))
      .setExpirationTime('5m')
      .sign(privateKey);
    const refused = await host.ooapi('get', '/courses', undefined, forged);
    expect(refused.status).toBe(401);
    expect(refused.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(refused.body.detail).toMatch(/refused/);
  });

  it('keeps its signing key over a restart: a token issued before still opens the OOAPI', async () => {
    const token = await host.leerroutesToken();
    await host.restart();
    expect((await host.ooapi('get', '/courses', undefined, token)).status).toBe(200);
  });
});

describe('the demo institution system: its staff screen with a password', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await TestHost.start({ OOAPI_HOST_STAFF_PASSWORD: 'demo-staff-password' });
  });
  afterAll(async () => {
    await host.stop();
  });

  it('asks for it with HTTP Basic, user staff', async () => {
    const refused = await request(host.url).get('/staff').expect(401);
    expect(refused.headers['www-authenticate']).toMatch(/^Basic realm="staff"/);
    expect(refused.text).toContain('role="alert"');
    await request(host.url).get('/staff').auth('staff', 'wrong-password').expect(401);
    await request(host.url).get('/staff').auth('staff', 'demo-staff-password').expect(200);
  });
});
