import { Browser, Page } from 'playwright-core';
import { TestHost } from '../../ooapi-host/test/test-host';
import { TestApp } from '../../api/test/test-app';
import { syncedCatalogue, withDemoSystem } from '../../api/test/with-demo-system';
import { launchChromium, screenshot, seriousViolations } from './browser';
import { PortalSteps, openFromInbox, shows, submitRequest } from './portal-steps';

/**
 * The Quick start's route-5 journey with a host that takes part through its own system: Macca asks for a unit
 * of Universiteit aan de Eem in the portal, and its staff admit and grade her on the demo system's own staff
 * screen, in the same browser; OOAPI v5 carries it across real HTTP both ways.
 */
describe('the portal with a host that works in its own system, in a real browser', () => {
  let t: TestApp;
  let host: TestHost;
  let close: () => Promise<void>;
  let base: string;
  let browser: Browser;
  let steps: PortalSteps;

  beforeAll(async () => {
    ({ t, host, base, close } = await withDemoSystem());
    await syncedCatalogue(t);
    browser = await launchChromium();
    steps = new PortalSteps(t, base, browser);
  }, 90000);
  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  /** The demo system's staff screen, at the association of this student. */
  async function staffScreen(studentName: string): Promise<Page> {
    const page = await steps.newPage();
    await page.goto(`${host.url}/staff`);
    await page.getByRole('link', { name: studentName }).first().click();
    await page.waitForURL(/\/staff\/associations\//);
    return page;
  }

  it('takes Macca from the catalogue to registered credits, the host acting in its own system', async () => {
    const student = await steps.signedIn('macca');
    const requestId = await submitRequest(
      student,
      'life sciences',
      'Data Science for the Life Sciences',
    );
    expect(await shows(student, 'Leerroute 5')).toBe(true);
    expect(await shows(student, 'Universiteit aan de Eem')).toBe(true);

    const board = await steps.signedIn('waal-eb-life');
    await openFromInbox(board, 'Te beslissen', 'Macca Janssen');
    await board.getByRole('button', { name: 'Goedkeuren' }).click();
    await steps.waitForState(requestId, 'awaiting_admission');

    // At the host, in its own system: the association came in over OOAPI; the admissions office admits.
    const admissions = await staffScreen('Macca Janssen');
    await screenshot(admissions, '20-demo-system-association');
    await admissions.getByRole('button', { name: 'Admit' }).click();
    await steps.waitForState(requestId, 'enrolled');
    await student.reload();
    await student.getByTestId('state').getByText('ingeschreven').waitFor();

    const registrar = await staffScreen('Macca Janssen');
    await registrar.getByLabel('Grade (1 to 10, one decimal)').fill('8.5');
    await registrar.getByLabel('Passed').check();
    await registrar.getByLabel('Date of the result').fill('2027-04-16');
    await registrar.getByRole('button', { name: 'Record the result' }).click();
    await steps.waitForState(requestId, 'recognised');

    const homeRegistrar = await steps.signedIn('waal-registrar');
    await openFromInbox(homeRegistrar, 'Studiepunten registreren', 'Macca Janssen');
    await homeRegistrar.getByRole('button', { name: 'Studiepunten registreren' }).click();
    await homeRegistrar.getByText('studiepunten geregistreerd').first().waitFor();
    expect(await steps.componentState(requestId)).toBe('registered');

    await student.getByRole('link', { name: 'Studiepunten' }).click();
    await student.getByRole('cell', { name: 'Data Science for the Life Sciences' }).waitFor();
    expect(await student.getByRole('cell', { name: '6 EC' }).count()).toBeGreaterThan(0);
    await screenshot(student, '21-demo-system-credit-record');
    expect(await seriousViolations(student)).toEqual([]);
    // Two systems and five people in browsers of their own: longer than a test of one party.
  }, 120000);
});
