import { HostConfigError, loadHostConfig } from './host-config';

describe('the demo institution system: its configuration', () => {
  it('runs on 127.0.0.1:3002 with its own database and calls Leerroutes back on 3000 unless told', () => {
    const config = loadHostConfig({});
    expect(config).toMatchObject({
      port: 3002,
      address: '127.0.0.1',
      publicUrl: 'http://127.0.0.1:3002',
      issuer: 'http://127.0.0.1:3002/oauth',
      ooapiAudience: 'http://127.0.0.1:3002/ooapi/v5',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/leerroutes_eem',
      leerroutesSecret: 'leerroutes-dev-secret',
      leerroutesUrl: 'http://127.0.0.1:3000',
      leerroutesAudience: 'leerroutes',
      staffPassword: undefined,
    });
    // Its own machine client's secret never leaves the process: made up when not given.
    expect(config.systemSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('takes where callers reach it, for its issuer, from OOAPI_HOST_PUBLIC_URL', () => {
    const config = loadHostConfig({
      OOAPI_HOST_PUBLIC_URL: 'http://ooapi-host:3002/',
      LEERROUTES_URL: 'http://api:3000/',
    });
    expect(config.issuer).toBe('http://ooapi-host:3002/oauth');
    expect(config.leerroutesUrl).toBe('http://api:3000');
  });

  it('opens the staff screen beyond this machine only with a password, and lists every problem', () => {
    expect(() => loadHostConfig({ OOAPI_HOST_ADDRESS: '0.0.0.0' })).toThrow(
      /"OOAPI_HOST_STAFF_PASSWORD" is needed when OOAPI_HOST_ADDRESS \(0.0.0.0\) is not loopback/,
    );
    expect(
      loadHostConfig({ OOAPI_HOST_ADDRESS: '0.0.0.0', OOAPI_HOST_STAFF_PASSWORD: 'demo-staff' })
        .staffPassword,
    ).toBe('demo-staff');
    expect(() =>
      loadHostConfig({ OOAPI_HOST_PORT: 'x', OOAPI_HOST_DATABASE_URL: 'mysql://db/eem' }),
    ).toThrow(
      new HostConfigError(
        'Invalid configuration: "OOAPI_HOST_PORT" must be a number; "OOAPI_HOST_DATABASE_URL" must be a valid uri with a scheme matching the postgres|postgresql pattern',
      ),
    );
  });
});
