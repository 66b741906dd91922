import { ConfigValidationError, loadConfig } from './config.schema';

describe('sign-in configuration', () => {
  it('reads OIDC_ISSUERS as institution=issuer pairs', () => {
    const config = loadConfig({
      OIDC_ISSUERS:
        'uni-waal=https://connect.test.surfconext.nl, hs-delta=http://127.0.0.1:3999/realms/x',
    });
    expect(config.oidcIssuers).toEqual({
      'uni-waal': 'https://connect.test.surfconext.nl',
      'hs-delta': 'http://127.0.0.1:3999/realms/x',
    });
    expect(loadConfig({}).oidcIssuers).toEqual({});
  });

  it('refuses an issuer over plain http anywhere but this machine, and an entry without an institution', () => {
    expect(() => loadConfig({ OIDC_ISSUERS: 'uni-waal=http://idp.example' })).toThrow(
      /"OIDC_ISSUERS" must list institution=issuer pairs with an https issuer, not uni-waal=http:\/\/idp.example/,
    );
    expect(() => loadConfig({ OIDC_ISSUERS: 'https://connect.surfconext.nl' })).toThrow(
      ConfigValidationError,
    );
  });

  it('refuses development sign-in in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEV_TOKENS_ENABLED: 'true' })).toThrow(
      /"DEV_TOKENS_ENABLED" must be false in production/,
    );
    expect(loadConfig({ NODE_ENV: 'production' }).devTokensEnabled).toBe(false);
  });
});

describe('database configuration', () => {
  it('migrates as DATABASE_URL unless MIGRATION_DATABASE_URL names the owner', () => {
    const app = 'postgres://leerroutes_app:secret@db.example:5432/leerroutes';
    expect(loadConfig({ DATABASE_URL: app }).migrationDatabaseUrl).toBe(app);
    const owner = 'postgres://postgres:secret@db.example:5432/leerroutes';
    expect(
      loadConfig({ DATABASE_URL: app, MIGRATION_DATABASE_URL: owner }).migrationDatabaseUrl,
    ).toBe(owner);
    expect(() => loadConfig({ MIGRATION_DATABASE_URL: 'mysql://x' })).toThrow(
      /"MIGRATION_DATABASE_URL" must be a valid uri/,
    );
  });

  it('keeps client addresses for 180 days unless told otherwise, and at least a day', () => {
    expect(loadConfig({}).auditAddressRetentionDays).toBe(180);
    expect(loadConfig({ AUDIT_ADDRESS_RETENTION_DAYS: '30' }).auditAddressRetentionDays).toBe(30);
    expect(() => loadConfig({ AUDIT_ADDRESS_RETENTION_DAYS: '0' })).toThrow(ConfigValidationError);
  });
});
