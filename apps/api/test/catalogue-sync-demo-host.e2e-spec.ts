import request from 'supertest';
import { In } from 'typeorm';
import { OfferingEntity } from '@lr/database';
import { REGISTERED_INSTITUTIONS } from '@lr/institutions';
import { waitFor } from '@lr/testing';
import type { CatalogueSyncView } from '@lr/workflow';
import {
  DEMO_OFFERINGS,
  LEERROUTES_CLIENT_ID,
  SYSTEM_CLIENT_ID,
  TestHost,
} from '../../ooapi-host/test/test-host';
import { expectStatus } from './journey';
import { IN_APP_INSTITUTIONS, TestApp } from './test-app';

/**
 * Leerroutes against the demo institution system itself (apps/ooapi-host), over HTTP, as Universiteit aan de Eem
 * takes part through it: its catalogue comes in, and a change its staff make there arrives with the next
 * synchronisation.
 */
describe('the catalogue of the demo institution system, synchronised into Leerroutes', () => {
  let host: TestHost;
  let t: TestApp;
  const [DATA_SCIENCE] = DEMO_OFFERINGS;

  const offerings = () =>
    t.dataSource.manager.find(OfferingEntity, {
      where: { institutionCode: 'uni-eem', code: In(DEMO_OFFERINGS.map((o) => o.code)) },
    });
  const offering = (code: string) =>
    t.dataSource.manager.findOneByOrFail(OfferingEntity, { institutionCode: 'uni-eem', code });
  const runs = async () =>
    expectStatus(await t.as('eem-admin').get('/admin/catalogue-syncs'), 200).body
      .items as CatalogueSyncView[];
  const finished = (id?: string) =>
    waitFor(
      async () => {
        const run = (await runs()).find((r) => id === undefined || r.id === id);
        return run && ['completed', 'failed'].includes(run.status) ? run : undefined;
      },
      { timeoutMs: 30000, intervalMs: 100, what: 'the synchronisation to finish' },
    );

  beforeAll(async () => {
    host = await TestHost.start({ LEERROUTES_URL: 'http://127.0.0.1:3999' });
    t = await TestApp.start({
      institutions: [
        ...IN_APP_INSTITUTIONS,
        {
          ...REGISTERED_INSTITUTIONS.find((d) => d.code === 'uni-eem')!,
          // This test's own copy of the system, on a port of its own.
          ooapi: {
            baseUrl: `${host.url}/ooapi/v5`,
            tokenEndpoint: `${host.url}/oauth/token`,
            clientId: LEERROUTES_CLIENT_ID,
            callback: { issuer: host.config.issuer, clientId: SYSTEM_CLIENT_ID },
          },
        },
      ],
      env: {
        OOAPI_CLIENT_SECRETS: `uni-eem=${host.config.leerroutesSecret}`,
        CATALOGUE_SYNC_INTERVAL_MS: '3600000',
      },
    });
  }, 60000);
  afterAll(async () => {
    await t.close();
    await host.stop();
  });

  it("takes in the system's catalogue when the worker starts, then a change its staff make there", async () => {
    const first = await finished();
    // Every answer passed the validator (the system's gate held every question to the standard too).
    expect(first).toMatchObject({
      trigger: 'schedule',
      status: 'completed',
      counts: { created: DEMO_OFFERINGS.length },
      errors: [],
    });
    expect((await offerings()).length).toBe(DEMO_OFFERINGS.length);
    expect(await offering(DATA_SCIENCE.code)).toMatchObject({
      externalId: DATA_SCIENCE.id,
      programmeCode: 'msc-water',
      title: 'Data Science for the Life Sciences',
      credits: 6,
      period: '2026-2027 2027-02-01/2027-04-16',
      language: 'en',
      capacity: 30,
      enrolmentDeadline: '2027-01-15',
    });
    expect(await offering('EEM-ET305-2627-P3')).toMatchObject({ language: 'nl', capacity: 2 });

    // The system's staff change the offering on their own screen.
    await request(host.url)
      .post(`/staff/offerings/${DATA_SCIENCE.id}`)
      .type('form')
      .send({
        places: '24',
        enrolEndDate: '2027-01-22',
        description: 'Lectures, a lab, and a project with data of your own field.',
      })
      .expect(303);
    const asked = expectStatus(
      await t.as('eem-admin').post('/admin/catalogue-syncs', { institutionCode: 'uni-eem' }),
      202,
    ).body as CatalogueSyncView;
    expect(await finished(asked.id)).toMatchObject({
      status: 'completed',
      counts: { created: 0, changed: 1, unchanged: DEMO_OFFERINGS.length - 1 },
      errors: [],
    });
    expect(await offering(DATA_SCIENCE.code)).toMatchObject({
      capacity: 24,
      enrolmentDeadline: '2027-01-22',
      description: 'Lectures, a lab, and a project with data of your own field.',
    });
    const found = expectStatus(await t.as('macca').get('/offerings?q=life sciences'), 200).body;
    expect(found.items).toContainEqual(
      expect.objectContaining({ code: DATA_SCIENCE.code, placesLeft: 24 }),
    );
  });
});
