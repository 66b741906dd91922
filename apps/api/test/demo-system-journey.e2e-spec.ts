import request from 'supertest';
import { ComponentEntity, OfferingEntity } from '@lr/database';
import { Journey, expectStatus } from './journey';
import { TestHost } from '../../ooapi-host/test/test-host';
import { TestApp } from './test-app';
import { syncedCatalogue, withDemoSystem } from './with-demo-system';

/**
 * Route 5 as `npm start` runs it: Macca of Universiteit aan de Waal takes a unit at Universiteit aan de Eem,
 * whose own system (the demo system, apps/ooapi-host) takes part over OOAPI v5 across real HTTP both ways: the
 * catalogue comes from it, the enrolment goes to it, its staff admit and grade there, and its answers come back
 * by callback.
 */
describe('route 5 with a host that takes part through its own system (the demo system)', () => {
  let t: TestApp;
  let host: TestHost;
  let close: () => Promise<void>;
  let j: Journey;

  beforeAll(async () => {
    ({ t, host, close } = await withDemoSystem());
    j = new Journey(t, 30000);
    await syncedCatalogue(t);
  }, 90000);

  afterAll(async () => {
    await close();
  });

  const eemOffering = (title: string) =>
    t.dataSource.manager.findOneByOrFail(OfferingEntity, { institutionCode: 'uni-eem', title });
  const component = (id: string) => t.dataSource.manager.findOneByOrFail(ComponentEntity, { id });

  /** What the staff of the demo system do on its staff screen: a form posted, answered with a redirect. */
  const staff = (associationId: string, action: 'decisions' | 'results', form: object) =>
    request(host.url)
      .post(`/staff/associations/${associationId}/${action}`)
      .type('form')
      .send(form)
      .expect(303);

  /** Macca's approved request for a unit of uni-eem, delivered to its system as an association. */
  async function delivered(title: string) {
    const offering = await eemOffering(title);
    const view = await j.submitted('macca', [{ offering: `uni-eem/${offering.code}` }]);
    await j.approved('waal-eb-life', view);
    const { associationId } = await component(view.components[0].id);
    expect(associationId).toEqual(expect.any(String));
    return { view, componentId: view.components[0].id, associationId: associationId! };
  }

  it('takes the whole journey: delivered, admitted and graded at the host, recognised and registered at home', async () => {
    const { view, componentId, associationId } = await delivered(
      'Data Science for the Life Sciences',
    );
    // The host's system holds the association with the person as her home institution knows her.
    const association = await host.ooapi('get', `/associations/${associationId}`);
    expect(association.status).toBe(200);
    expect(association.body).toMatchObject({ associationId, state: 'pending' });

    await staff(associationId, 'decisions', { action: 'admit' });
    await j.waitForState(componentId, 'enrolled');

    await staff(associationId, 'results', {
      score: '8.5',
      pass: 'passed',
      resultDate: '2027-04-16',
      final: 'yes',
    });
    await j.waitForState(componentId, 'recognised');
    expect((await j.view('macca', view.id)).components[0].result).toMatchObject({
      grade: '8.5',
      passed: true,
      credits: 6,
      creditUnit: 'EC',
      isFinal: true,
    });

    expectStatus(await t.as('waal-registrar').post(j.path(view, 0, 'registration')), 201);
    expect(await j.state(componentId)).toBe('registered');
    const [entry, ...more] = await j.creditEntries(componentId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ credits: 6, creditUnit: 'EC' });

    // The student's timeline holds every step, the host system's among them.
    const timeline = (await j.view('macca', view.id)).timeline.map((step) => step.to);
    expect(timeline).toEqual([
      'draft',
      'awaiting_approval',
      'approved',
      'awaiting_admission',
      'enrolled',
      'result_recorded',
      'recognised',
      'registered',
    ]);
  });

  it('brings a refusal home with the reason the host gave', async () => {
    const { view, componentId, associationId } = await delivered(
      'Ethiek van kunstmatige intelligentie',
    );
    await staff(associationId, 'decisions', {
      action: 'deny',
      reason: 'This course is taught in Dutch at C1 level.',
    });
    await j.waitForState(componentId, 'rejected_by_host');
    const seen = (await j.view('macca', view.id)).components[0];
    expect(seen.rejection?.motivation).toBe(
      'Not admitted: This course is taught in Dutch at C1 level.',
    );
  });
});
