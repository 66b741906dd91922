import { REGISTERED_INSTITUTIONS } from '@lr/institutions';
import { freePort, waitFor } from '@lr/testing';
import type { CatalogueSyncView } from '@lr/workflow';
import { TestHost } from '../../ooapi-host/test/test-host';
import { expectStatus } from './journey';
import { TestApp, TestAppOptions } from './test-app';

/**
 * Leerroutes, listening on 127.0.0.1, with the registered institutions as `npm start` runs them: uni-eem takes
 * part through the demo system (apps/ooapi-host), booted beside it on a database and a free port of its own, and
 * calling Leerroutes back over HTTP. Only the addresses differ from the module's: the test's own ports.
 */
export async function withDemoSystem(
  options: Omit<TestAppOptions, 'institutions'> = {},
): Promise<{ t: TestApp; host: TestHost; base: string; close: () => Promise<void> }> {
  const port = await freePort();
  const system = `http://127.0.0.1:${port}`;
  const institutions = REGISTERED_INSTITUTIONS.map((d) =>
    d.ooapi
      ? {
          ...d,
          ooapi: {
            ...d.ooapi,
            baseUrl: `${system}/ooapi/v5`,
            tokenEndpoint: `${system}/oauth/token`,
            callback: { ...d.ooapi.callback, issuer: `${system}/oauth` },
          },
        }
      : d,
  );
  const secret = 'demo-system-test-secret';
  const t = await TestApp.start({
    ...options,
    institutions,
    env: { OOAPI_CLIENT_SECRETS: `uni-eem=${secret}`, ...options.env },
  });
  const base = await t.listen();
  const host = await TestHost.start({
    OOAPI_HOST_PORT: String(port),
    OOAPI_HOST_LEERROUTES_SECRET: secret,
    LEERROUTES_URL: base,
  });
  return {
    t,
    host,
    base,
    close: async () => {
      await host.stop();
      await t.close();
    },
  };
}

/** The demo system's catalogue in Leerroutes: a synchronisation uni-eem's admin asks for, finished without errors. */
export async function syncedCatalogue(t: TestApp): Promise<void> {
  const asked = expectStatus(
    await t.as('eem-admin').post('/admin/catalogue-syncs', { institutionCode: 'uni-eem' }),
    202,
  ).body as CatalogueSyncView;
  const run = await waitFor(
    async () => {
      const runs = expectStatus(await t.as('eem-admin').get('/admin/catalogue-syncs'), 200).body
        .items as CatalogueSyncView[];
      const found = runs.find((r) => r.id === asked.id);
      return found && ['completed', 'failed'].includes(found.status) ? found : undefined;
    },
    { timeoutMs: 30000, intervalMs: 100, what: 'the synchronisation to finish' },
  );
  expect(run).toMatchObject({ status: 'completed', errors: [] });
}
