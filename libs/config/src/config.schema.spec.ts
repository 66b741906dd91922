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

  it('takes an unset NODE_ENV for production: no development sign-in, no demo people', () => {
    expect(loadConfig({}).nodeEnv).toBe('production');
    expect(loadConfig({}).developmentMode).toBe(false);
    expect(() => loadConfig({ DEV_TOKENS_ENABLED: 'true' })).toThrow(
      /^Invalid configuration: "DEV_TOKENS_ENABLED" must be false in production: .*unset means production\)$/,
    );
    for (const mode of ['development', 'test']) {
      expect(loadConfig({ NODE_ENV: mode, DEV_TOKENS_ENABLED: 'true' }).developmentMode).toBe(true);
    }
  });

  it('refuses development sign-in on an address other than loopback', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'leerroutes.example']) {
      expect(() =>
        loadConfig({ NODE_ENV: 'development', DEV_TOKENS_ENABLED: 'true', HOST: host }),
      ).toThrow(
        `"DEV_TOKENS_ENABLED" needs HOST on loopback (127.0.0.1, ::1 or localhost), not ${host}`,
      );
    }
    for (const host of ['127.0.0.1', '::1', 'localhost']) {
      const config = loadConfig({ NODE_ENV: 'test', DEV_TOKENS_ENABLED: 'true', HOST: host });
      expect(config.devTokensEnabled).toBe(true);
    }
    expect(loadConfig({ NODE_ENV: 'development', HOST: '0.0.0.0' }).devTokensEnabled).toBe(false);
  });

  it('lets a container publishing to loopback only opt in to development sign-in on 0.0.0.0, never in production', () => {
    const container = {
      DEV_TOKENS_ENABLED: 'true',
      HOST: '0.0.0.0',
      DEV_TOKENS_ALLOW_NON_LOOPBACK: 'true',
    };
    expect(loadConfig({ ...container, NODE_ENV: 'development' }).devTokensEnabled).toBe(true);
    expect(() => loadConfig(container)).toThrow(/must be false in production/);
    expect(() => loadConfig({ ...container, NODE_ENV: 'production' })).toThrow(
      /must be false in production/,
    );
  });
});

describe('proxy configuration', () => {
  it('trusts no proxy unless told, then a number of hops or addresses and subnets', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(
      loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.2,loopback, fd00::/8' }).trustProxy,
    ).toEqual(['10.0.0.0/8', '192.168.1.2', 'loopback', 'fd00::/8']);
  });

  it('refuses what is neither a number of hops nor addresses and subnets', () => {
    for (const wrong of ['true', 'proxy.example', '10.0.0.0/33', '-1', '1.2.3.4/8/8']) {
      expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(
        /"TRUST_PROXY" must be a number of proxies or a list of addresses and subnets/,
      );
    }
  });
});

describe('database configuration', () => {
  it('reads OIDC_CLIENT_IDS as institution=client id pairs', () => {
    expect(
      loadConfig({ OIDC_CLIENT_IDS: 'uni-waal=leerroutes@uni-waal.example, mbo-energie=4f1c-77' })
        .oidcClientIds,
    ).toEqual({ 'uni-waal': 'leerroutes@uni-waal.example', 'mbo-energie': '4f1c-77' });
    expect(loadConfig({}).oidcClientIds).toEqual({});
    expect(() => loadConfig({ OIDC_CLIENT_IDS: 'leerroutes' })).toThrow(
      /"OIDC_CLIENT_IDS" must list institution=client id pairs, not leerroutes/,
    );
    expect(() => loadConfig({ OIDC_CLIENT_IDS: 'uni-waal=two words' })).toThrow(
      /"OIDC_CLIENT_IDS" must list institution=client id pairs/,
    );
  });

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

describe('OOAPI configuration', () => {
  it('reads OOAPI_CLIENT_SECRETS as institution=secret pairs, and never repeats a wrong secret', () => {
    expect(
      loadConfig({ OOAPI_CLIENT_SECRETS: 'uni-eem=s3cr=t, hs-delta=other' }).ooapiClientSecrets,
    ).toEqual({ 'uni-eem': 's3cr=t', 'hs-delta': 'other' });
    expect(loadConfig({}).ooapiClientSecrets).toEqual({});
    const refused = () => loadConfig({ OOAPI_CLIENT_SECRETS: 'uni-eem=two words, justasecret' });
    expect(refused).toThrow(
      /"OOAPI_CLIENT_SECRETS" must list institution=secret pairs, not the entry of uni-eem, an entry without =/,
    );
    expect(refused).not.toThrow(/two words|justasecret/);
  });

  it('reads OOAPI_CONNECTIONS as a JSON object of partial connections per institution', () => {
    const override = {
      'uni-eem': {
        baseUrl: 'https://ooapi.uni-eem.example/v5',
        callback: { issuer: 'http://127.0.0.1:3002/oauth' },
      },
    };
    expect(loadConfig({ OOAPI_CONNECTIONS: JSON.stringify(override) }).ooapiConnections).toEqual(
      override,
    );
    expect(loadConfig({}).ooapiConnections).toEqual({});
    expect(loadConfig({}).ooapiAudience).toBe('leerroutes');
  });

  it('refuses OOAPI_CONNECTIONS that is no JSON object, names unknown fields, or plain http elsewhere', () => {
    expect(() => loadConfig({ OOAPI_CONNECTIONS: '{"uni-eem":' })).toThrow(
      /"OOAPI_CONNECTIONS" must be a JSON object/,
    );
    expect(() =>
      loadConfig({ OOAPI_CONNECTIONS: '{"uni-eem":{"baseUrl":"http://ooapi.example"}}' }),
    ).toThrow(/"OOAPI_CONNECTIONS" is not valid: .*baseUrl.* must be an https URL/);
    expect(() =>
      loadConfig({ OOAPI_CONNECTIONS: '{"uni-eem":{"clientSecret":"in the open"}}' }),
    ).toThrow(/"OOAPI_CONNECTIONS" is not valid: .*clientSecret.* is not allowed/);
    expect(() => loadConfig({ OOAPI_CONNECTIONS: '{"Uni Eem":{}}' })).toThrow(
      /"OOAPI_CONNECTIONS" is not valid/,
    );
  });
});

describe('catalogue synchronisation', () => {
  it("reads the catalogues from the institutions' own systems every quarter of an hour unless told otherwise", () => {
    expect(loadConfig({}).catalogueSyncIntervalMs).toBe(900000);
    expect(loadConfig({ CATALOGUE_SYNC_INTERVAL_MS: '60000' }).catalogueSyncIntervalMs).toBe(60000);
    for (const wrong of ['999', '86400001', 'often', '1500.5'])
      expect(() => loadConfig({ CATALOGUE_SYNC_INTERVAL_MS: wrong })).toThrow(
        /CATALOGUE_SYNC_INTERVAL_MS/,
      );
  });
});

describe('OOAPI provider configuration', () => {
  it('gives the contact and documentation of the public catalogue, and refuses what is no address or URL', () => {
    expect(
      loadConfig({
        OOAPI_CONTACT_EMAIL: 'onderwijs@leerroutes.example',
        OOAPI_DOCUMENTATION_URL: 'https://leerroutes.example/ooapi',
      }),
    ).toMatchObject({
      ooapiContactEmail: 'onderwijs@leerroutes.example',
      ooapiDocumentationUrl: 'https://leerroutes.example/ooapi',
    });
    expect(() => loadConfig({ OOAPI_CONTACT_EMAIL: 'leerroutes' })).toThrow(/OOAPI_CONTACT_EMAIL/);
    expect(() => loadConfig({ OOAPI_DOCUMENTATION_URL: 'ftp://x.example' })).toThrow(
      /OOAPI_DOCUMENTATION_URL/,
    );
  });
});
