import { loadConfig } from '@lr/config';
import type { InstitutionDefinition } from './institution.definition';
import { resolveOoapiConnection, resolveOoapiConnections } from './ooapi-connection';
import { REGISTERED_INSTITUTIONS } from './registered-institutions';

const [base] = REGISTERED_INSTITUTIONS;
const eem: InstitutionDefinition = {
  ...base,
  code: 'uni-eem',
  ooapi: {
    baseUrl: 'https://ooapi.uni-eem.example/ooapi/v5',
    tokenEndpoint: 'https://ooapi.uni-eem.example/oauth/token',
    clientId: 'leerroutes',
    callback: { issuer: 'https://ooapi.uni-eem.example/oauth', clientId: 'uni-eem-system' },
  },
};

describe("an institution's OOAPI connection, as the deployment has it", () => {
  it('is absent for an institution that works in Leerroutes itself', () => {
    expect(resolveOoapiConnection(loadConfig({}), base)).toBeUndefined();
  });

  it("takes the module's connection with the secret from OOAPI_CLIENT_SECRETS", () => {
    const config = loadConfig({ OOAPI_CLIENT_SECRETS: 'uni-eem=s3cret' });
    expect(resolveOoapiConnection(config, eem)).toEqual({
      ...eem.ooapi,
      institutionCode: 'uni-eem',
      clientSecret: 's3cret',
      programmeCode: base.programmes[0].code,
    });
  });

  it("files the system's offerings under the programme the connection names, else the first", () => {
    const [first, second] = base.programmes;
    const config = loadConfig({ OOAPI_CLIENT_SECRETS: 'uni-eem=s3cret' });
    const named = { ...eem, ooapi: { ...eem.ooapi!, programmeCode: second.code } };
    expect(resolveOoapiConnection(config, named)?.programmeCode).toBe(second.code);
    expect(resolveOoapiConnection(config, eem)?.programmeCode).toBe(first.code);
    const unknown = { ...eem, ooapi: { ...eem.ooapi!, programmeCode: 'msc-astrology' } };
    expect(() => resolveOoapiConnection(config, unknown)).toThrow(
      'The OOAPI connection of uni-eem files offerings under msc-astrology, which is none of its programmes',
    );
  });

  it('lets OOAPI_CONNECTIONS change any part, the callback part by part', () => {
    const config = loadConfig({
      OOAPI_CLIENT_SECRETS: 'uni-eem=s3cret',
      OOAPI_CONNECTIONS: JSON.stringify({
        'uni-eem': {
          baseUrl: 'http://127.0.0.1:3002/ooapi/v5',
          callback: { issuer: 'http://127.0.0.1:3002/oauth' },
        },
      }),
    });
    expect(resolveOoapiConnection(config, eem)).toMatchObject({
      baseUrl: 'http://127.0.0.1:3002/ooapi/v5',
      tokenEndpoint: eem.ooapi!.tokenEndpoint,
      callback: { issuer: 'http://127.0.0.1:3002/oauth', clientId: 'uni-eem-system' },
    });
  });

  it('connects an institution whose module has none, when the deployment gives all of it', () => {
    const config = loadConfig({
      OOAPI_CLIENT_SECRETS: `${base.code}=x`,
      OOAPI_CONNECTIONS: JSON.stringify({ [base.code]: eem.ooapi }),
    });
    expect(resolveOoapiConnection(config, base)?.baseUrl).toBe(eem.ooapi!.baseUrl);
  });

  it('refuses to start with a connection that is not whole, not on https, or for an unknown institution', () => {
    expect(() => resolveOoapiConnections(loadConfig({}), [eem])).toThrow(
      'The OOAPI connection of uni-eem lacks a secret in OOAPI_CLIENT_SECRETS',
    );
    const partial = loadConfig({
      OOAPI_CLIENT_SECRETS: `${base.code}=x`,
      OOAPI_CONNECTIONS: JSON.stringify({ [base.code]: { baseUrl: eem.ooapi!.baseUrl } }),
    });
    expect(() => resolveOoapiConnections(partial, [base])).toThrow(
      `The OOAPI connection of ${base.code} lacks tokenEndpoint, clientId, callback.issuer, callback.clientId`,
    );
    const plain = { ...eem, ooapi: { ...eem.ooapi!, baseUrl: 'http://ooapi.uni-eem.example' } };
    expect(() =>
      resolveOoapiConnections(loadConfig({ OOAPI_CLIENT_SECRETS: 'uni-eem=x' }), [plain]),
    ).toThrow('has baseUrl not on https');
    expect(() =>
      resolveOoapiConnections(loadConfig({ OOAPI_CLIENT_SECRETS: 'uni-elders=x' }), [eem]),
    ).toThrow('OOAPI_CLIENT_SECRETS names institutions this deployment does not have: uni-elders');
  });
});
