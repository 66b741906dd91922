/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser, hence the DOM types.
import { Browser, Page } from 'playwright-core';
import type { ComponentState } from '@lr/domain';
import { Journey } from '../../api/test/journey';
import { TestApp } from '../../api/test/test-app';
import { launchChromium, screenshot, seriousViolations, signInThroughIssuer } from './browser';
import { PortalSteps, openFromInbox, shows, submitRequest } from './portal-steps';

describe('the web portal, in a real browser', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    t = await TestApp.start();
    base = await t.listen();
    browser = await launchChromium();
    steps = new PortalSteps(t, base, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  let steps: PortalSteps;
  const signedIn = (personId: string, viewport?: { width: number; height: number }) =>
    steps.signedIn(personId, viewport);
  const componentState = (requestId: string) => steps.componentState(requestId);
  const waitForState = (requestId: string, state: ComponentState) =>
    steps.waitForState(requestId, state);

  it('takes a whole route-5 journey by clicking: student, exam board, host admissions, both registrars', async () => {
    const student = await signedIn('macca');
    await screenshot(student, '01-catalogue');
    expect(await seriousViolations(student)).toEqual([]);
    const requestId = await submitRequest(student, 'machine', 'Machine Learning');
    expect(await shows(student, 'Leerroute 5')).toBe(true);
    await screenshot(student, '02-request-submitted');
    expect(await seriousViolations(student)).toEqual([]);

    const board = await signedIn('waal-eb-life');
    await screenshot(board, '03-exam-board-inbox');
    expect(await seriousViolations(board)).toEqual([]);
    await openFromInbox(board, 'Te beslissen', 'Macca Janssen');
    // The board sees the student's motivation and programme.
    expect(await shows(board, 'This learning route fits my graduation plan.')).toBe(true);
    expect(await shows(board, 'MSc Food Technology')).toBe(true);
    await screenshot(board, '04-exam-board-decides');
    expect(await seriousViolations(board)).toEqual([]);
    await board.getByRole('button', { name: 'Goedkeuren' }).click();
    await waitForState(requestId, 'awaiting_admission');

    const admissions = await signedIn('ijssel-admissions');
    await screenshot(admissions, '05-admissions-inbox');
    expect(await seriousViolations(admissions)).toEqual([]);
    await openFromInbox(admissions, 'Aanmeldingen', 'Macca Janssen');
    await admissions.getByRole('button', { name: 'Toelaten' }).click();
    await admissions.getByText('ingeschreven', { exact: true }).waitFor();
    expect(await componentState(requestId)).toBe('enrolled');

    const hostRegistrar = await signedIn('ijssel-registrar');
    await openFromInbox(hostRegistrar, 'Resultaten invoeren', 'Macca Janssen');
    await hostRegistrar.getByLabel('Cijfer').fill('7.5');
    await hostRegistrar.getByLabel('Behaalde studiepunten').fill('6');
    await screenshot(hostRegistrar, '06-host-registrar-result');
    expect(await seriousViolations(hostRegistrar)).toEqual([]);
    await hostRegistrar.getByRole('button', { name: 'Resultaat vastleggen' }).click();
    await waitForState(requestId, 'recognised');

    const homeRegistrar = await signedIn('waal-registrar');
    await openFromInbox(homeRegistrar, 'Studiepunten registreren', 'Macca Janssen');
    await homeRegistrar.getByRole('button', { name: 'Studiepunten registreren' }).click();
    await homeRegistrar.getByText('studiepunten geregistreerd').first().waitFor();
    expect(await componentState(requestId)).toBe('registered');

    // Back with the student: the timeline spans every party, and the credits are on the record.
    await student.reload();
    await student.getByText('studiepunten geregistreerd').first().waitFor();
    for (const step of ['goedgekeurd', 'ingeschreven', 'erkend']) {
      expect(await student.getByText(step, { exact: false }).count()).toBeGreaterThan(0);
    }
    await screenshot(student, '07-request-timeline');
    await student.getByRole('link', { name: 'Studiepunten' }).click();
    await student.getByRole('cell', { name: 'Machine Learning' }).waitFor();
    expect(await student.getByRole('cell', { name: '6 EC' }).count()).toBeGreaterThan(0);
    await screenshot(student, '08-credit-record');
    expect(await seriousViolations(student)).toEqual([]);
  });

  it('takes a route-5 journey by people who sign in for the first time, none of them seeded', async () => {
    /** A browser for someone the people table has never held, signed in with the issuer's new-person form. */
    const newcomer = async (
      institutionCode: string,
      person: { name: string; role: string; programme?: string },
    ): Promise<Page> => {
      const page = await steps.newPage();
      await page.goto(`${base}/portal/`);
      const email = `${person.name.toLowerCase().replace(/\W+/g, '.')}@${institutionCode}.example`;
      await signInThroughIssuer(page, institutionCode, { ...person, email });
      return page;
    };
    const student = await newcomer('uni-waal', {
      name: 'Sanne de Vries',
      role: 'student',
      programme: 'msc-food',
    });
    // Her institution's administration knows her (the development issuer entered her, as it would).
    const [{ student_number: studentNumber }] = await t.ownerQuery<{ student_number: string }>(
      `SELECT r.student_number FROM student_register r JOIN people p
         ON p.institution_code = r.institution_code AND p.id = r.subject WHERE p.name = 'Sanne de Vries'`,
    );
    const requestId = await submitRequest(student, 'machine', 'Machine Learning');

    const board = await newcomer('uni-waal', {
      name: 'Dr. Eva Smit',
      role: 'exam-board',
      programme: 'msc-food',
    });
    await openFromInbox(board, 'Te beslissen', 'Sanne de Vries');
    await board.getByRole('button', { name: 'Goedkeuren' }).click();
    await waitForState(requestId, 'awaiting_admission');

    const admissions = await newcomer('uni-ijssel', {
      name: 'Bram Toelating',
      role: 'host-admissions',
    });
    await openFromInbox(admissions, 'Aanmeldingen', 'Sanne de Vries');
    // The host sees the student's name and student number, from her home institution's records.
    expect(await shows(admissions, studentNumber)).toBe(true);
    await admissions.getByRole('button', { name: 'Toelaten' }).click();
    await admissions.getByText('ingeschreven', { exact: true }).waitFor();

    const hostRegistrar = await newcomer('uni-ijssel', { name: 'Iris Cijfers', role: 'registrar' });
    await openFromInbox(hostRegistrar, 'Resultaten invoeren', 'Sanne de Vries');
    await hostRegistrar.getByLabel('Cijfer').fill('8');
    await hostRegistrar.getByLabel('Behaalde studiepunten').fill('6');
    await hostRegistrar.getByRole('button', { name: 'Resultaat vastleggen' }).click();
    await waitForState(requestId, 'recognised');

    const homeRegistrar = await newcomer('uni-waal', {
      name: 'Tom Registratie',
      role: 'registrar',
    });
    await openFromInbox(homeRegistrar, 'Studiepunten registreren', 'Sanne de Vries');
    await homeRegistrar.getByRole('button', { name: 'Studiepunten registreren' }).click();
    await homeRegistrar.getByText('studiepunten geregistreerd').first().waitFor();
    expect(await componentState(requestId)).toBe('registered');

    await student.getByRole('link', { name: 'Studiepunten' }).click();
    await student.getByRole('cell', { name: 'Machine Learning' }).waitFor();
    expect(await student.getByRole('cell', { name: '6 EC' }).count()).toBeGreaterThan(0);
  });

  it('shows a validation error at its field, then the rejection with its motivation to the student', async () => {
    const student = await signedIn('aurelie');
    const requestId = await submitRequest(student, 'visualisation', 'Data Visualisation');

    const board = await signedIn('waal-eb-life');
    await board.goto(`${base}/portal/#/requests/${requestId}`);
    await board.getByRole('button', { name: 'Afwijzen' }).click();
    // The API's 400 names the field; the portal shows it there and marks the field invalid.
    const motivation = board.getByLabel('Motivering');
    await board.getByText('motivation is required for a rejection').waitFor();
    expect(await motivation.getAttribute('aria-invalid')).toBe('true');
    await screenshot(board, '09-validation-error');
    expect(await componentState(requestId)).toBe('awaiting_approval');

    await motivation.fill(
      'Data Visualisation overlaps with the course Visual Analytics you passed.',
    );
    await board.getByRole('button', { name: 'Afwijzen' }).click();
    await board.getByText('afgewezen door examencommissie').first().waitFor();

    await student.reload();
    const rejection = student.getByTestId('rejection');
    await rejection.waitFor();
    expect(await rejection.innerText()).toContain(
      'Data Visualisation overlaps with the course Visual Analytics you passed.',
    );
    expect(await rejection.innerText()).toMatch(/in beroep gaan bij het .+/);
    expect(await rejection.innerText()).toMatch(/\d{2}-\d{2}-\d{4}/);
    await screenshot(student, '10-rejection');
    expect(await seriousViolations(student)).toEqual([]);
  });

  it('lets an exam board decide recognition with the result and the approved credits side by side', async () => {
    // Taken to the board's recognition through the API: Aurelie obtained 4 of the 5 EC approved.
    const j = new Journey(t);
    const request = await j.enrolled({ student: 'aurelie', offering: 'uni-ijssel/DS-VIS' });
    await j.resultHome(
      'ijssel-registrar',
      request,
      0,
      { grade: '7', passed: true, credits: 4 },
      'awaiting_recognition',
    );

    const board = await signedIn('waal-eb-life');
    await board.getByRole('combobox', { name: 'Alleen' }).selectOption('awaiting_recognition');
    await board.getByRole('link', { name: 'Aurelie Bakker' }).click();
    const decision = board.locator(`[data-component="${request.components[0].id}"]`);
    await decision.getByRole('button', { name: 'Erkennen', exact: true }).waitFor();
    expect(await decision.getByTestId('obtained').innerText()).toBe('7 · 4 EC');
    expect(await decision.getByTestId('approved').innerText()).toBe('5 EC');
    await screenshot(board, '13-recognition-decision');
    expect(await seriousViolations(board)).toEqual([]);
    await decision.getByLabel('Studiepunten (thuis)').fill('4');
    await decision.getByRole('button', { name: 'Erkennen', exact: true }).click();
    await waitForState(request.id, 'recognised');
    expect(await shows(board, 'eb-life-sciences/')).toBe(true);
  });

  it('shows the student a host’s refusal with its reason', async () => {
    const j = new Journey(t);
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-SEM' }]);
    await j.approved('waal-eb-life', request);

    const admissions = await signedIn('ijssel-admissions');
    await admissions.goto(`${base}/portal/#/requests/${request.id}`);
    await admissions.getByLabel('Reden').fill('The seminar is full for this period.');
    await admissions.getByRole('button', { name: 'Weigeren' }).click();
    await waitForState(request.id, 'rejected_by_host');

    const student = await signedIn('macca');
    await student.goto(`${base}/portal/#/requests/${request.id}`);
    const refusal = student.getByTestId('rejection');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('The seminar is full for this period.');
  });

  it('switches between Dutch and English, keeping dates in the Dutch format', async () => {
    const student = await signedIn('macca');
    expect(await student.evaluate(() => document.documentElement.lang)).toBe('nl');
    await student.getByRole('combobox', { name: 'Taal', exact: true }).selectOption('en');
    await student.getByRole('link', { name: 'My requests' }).click();
    await student.getByRole('heading', { name: 'My requests' }).waitFor();
    expect(await student.evaluate(() => document.documentElement.lang)).toBe('en');
    // The heading shows before the list has loaded: wait for a date (it fails when none comes).
    await student
      .getByRole('cell', { name: /^\d{2}-\d{2}-\d{4}$/ })
      .first()
      .waitFor();
    await screenshot(student, '11-english');
    await student.getByRole('combobox', { name: 'Language', exact: true }).selectOption('nl');
    await student.getByRole('heading', { name: 'Mijn aanvragen' }).waitFor();
  });

  it('works with the keyboard alone, with a visible focus, and at phone width', async () => {
    const page = await steps.newPage({ width: 375, height: 800 });
    await page.goto(`${base}/portal/`);
    await page.locator('[data-institution="uni-waal"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '00-sign-in-phone');
    // Type to find the institution, then Tab on until its button has focus, and press Enter.
    await page.getByLabel('Zoek je instelling').focus();
    await page.keyboard.type('waal');
    expect(await page.locator('[data-institution]').count()).toBe(1);
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (
        await page.evaluate(
          () => document.activeElement?.getAttribute('data-institution') === 'uni-waal',
        )
      )
        break;
    }
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    // The institution's sign-in page (here the development issuer's) is plain HTML: Tab to Macca, Enter.
    await page.locator('button[name="person"][value="macca"]').waitFor();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('value') === 'macca')) {
        break;
      }
    }
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Afmelden' }).waitFor();
    // Nothing wider than the phone's screen: no sideways scrolling.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, '12-catalogue-phone');
  });
});
