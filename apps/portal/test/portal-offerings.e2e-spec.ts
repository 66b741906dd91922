/// <reference lib="dom" />
import { Browser, Page } from 'playwright-core';
import { OoapiStub } from '../../api/test/ooapi-stub';
import { offeringIn, sampleCatalogue } from '../../api/test/stub-catalogue';
import { TestApp } from '../../api/test/test-app';
import { launchChromium, screenshot, seriousViolations, signedInPage } from './browser';

/** uni-waal's admin keeps its catalogue in the portal; Daan, a student of uni-ijssel, looks for its units. */
describe("the portal's offerings page, for an institution's admin", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    t = await TestApp.start();
    base = await t.listen();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The student searches the catalogue; the number of results says whether it has loaded. */
  async function searchCatalogue(student: Page, words: string): Promise<void> {
    await student.getByLabel('Zoekwoorden').fill(words);
    await student.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await student
      .getByRole('status')
      .filter({ hasText: /gevonden/ })
      .waitFor();
  }

  // Two minutes: two people in two browsers, each change waiting for the list and the catalogue to load again.
  it('lets an admin add an offering, change its capacity and close it, as a student sees in the catalogue', async () => {
    const admin = await signedInPage(browser, base, 'uni-waal', 'waal-admin');
    await admin.getByRole('heading', { name: 'Aanbod beheren' }).waitFor();
    await admin.getByRole('row').filter({ hasText: 'Food Quality Design' }).waitFor();
    expect(await admin.getByRole('link', { name: 'Aanbod beheren' }).count()).toBe(1);
    expect(await seriousViolations(admin)).toEqual([]);

    const form = admin.getByRole('region', { name: 'Nieuw onderdeel' });
    await form.getByLabel('Code').fill('FQD-50306');
    await form.getByLabel('Opleiding').selectOption('msc-food');
    await form.getByLabel('Titel').fill('Fermentation Science');
    await form.getByLabel('Studiepunten (EC)').fill('6');
    await form.getByLabel('Periode').fill('spring');
    await form.getByLabel('Voertaal').selectOption('en');
    await form.getByLabel('Capaciteit').fill('2');
    await form.getByLabel('Aanmelden tot en met').fill('2027-03-01');
    await form.getByLabel('Beschrijving').fill('Microbial fermentation in food production.');
    await form.getByLabel('Voorkennis').fill('Food microbiology');
    await form.getByRole('button', { name: 'Toevoegen aan het aanbod' }).click();
    // The API names the field; the portal shows its message there and marks it invalid.
    await form.getByText(/period must start with its academic year/).waitFor();
    expect(await form.getByLabel('Periode').getAttribute('aria-invalid')).toBe('true');
    await screenshot(admin, '20-offering-field-error');

    await form.getByLabel('Periode').fill('2026-2027 P4');
    await form.getByRole('button', { name: 'Toevoegen aan het aanbod' }).click();
    await admin.getByText('Toegevoegd aan het aanbod: Fermentation Science.').waitFor();
    const row = admin.getByRole('row').filter({ hasText: 'Fermentation Science' });
    // The list loads again after each change: wait for it to show the change.
    await row.getByTestId('places').getByText('0 / 2', { exact: true }).waitFor();
    await row.getByText('open', { exact: true }).waitFor();

    const student = await signedInPage(browser, base, 'uni-ijssel', 'daan');
    await searchCatalogue(student, 'fermentation');
    const card = student.getByRole('article', { name: 'Fermentation Science' });
    await card.getByText('2 plaatsen vrij').waitFor();

    await admin.getByRole('button', { name: 'Wijzigen: Fermentation Science' }).click();
    const edit = admin.getByRole('form', { name: 'Fermentation Science wijzigen' });
    await edit.getByLabel('Capaciteit').fill('5');
    await screenshot(admin, '21-offering-edit');
    expect(await seriousViolations(admin)).toEqual([]);
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await admin.getByText('Opgeslagen: Fermentation Science.').waitFor();
    await row.getByTestId('places').getByText('0 / 5', { exact: true }).waitFor();
    await searchCatalogue(student, 'fermentation');
    await card.getByText('5 plaatsen vrij').waitFor();

    await admin.getByRole('button', { name: 'Sluiten: Fermentation Science' }).click();
    const confirmation = admin.getByRole('group', { name: 'Sluiten' });
    expect(await confirmation.innerText()).toContain('Aanvragen die al lopen gaan door');
    await screenshot(admin, '22-offering-close-confirmation');
    await confirmation.getByRole('button', { name: 'Ja, sluiten' }).click();
    await admin.getByText('Gesloten: Fermentation Science.').waitFor();
    await row.getByText('gesloten', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Heropenen: Fermentation Science' }).waitFor();
    await screenshot(admin, '23-offerings-managed');

    await searchCatalogue(student, 'fermentation');
    await student.getByText('Niets gevonden.').waitFor();
    expect(await card.count()).toBe(0);
  }, 120000);
});

/** uni-ijssel's own system keeps its catalogue here: its admin sees the synchronisation and asks for one. */
describe("the portal's offerings page, for an institution whose own system keeps its catalogue", () => {
  let stub: OoapiStub;
  let t: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    stub = await OoapiStub.start({ 'uni-ijssel': 'ijssel-system' });
    stub.catalogue = sampleCatalogue();
    t = await TestApp.start({
      institutions: stub.institutions(),
      env: { OOAPI_CLIENT_SECRETS: stub.clientSecrets, CATALOGUE_SYNC_INTERVAL_MS: '3600000' },
    });
    base = await t.listen();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await stub?.close();
  });

  it('shows the last synchronisation, keeps the offerings read-only, and synchronises on request', async () => {
    const admin = await signedInPage(browser, base, 'uni-ijssel', 'ijssel-admin');
    const panel = admin.getByRole('region', { name: 'Synchronisatie met het eigen systeem' });
    await panel.getByTestId('sync-status').getByText('Uitkomst: voltooid').waitFor();
    expect(await panel.getByTestId('sync-counts').innerText()).toBe(
      '4 nieuw, 0 gewijzigd, 0 gesloten, 0 heropend, 0 ongewijzigd',
    );
    const row = admin.getByRole('row').filter({ hasText: 'IJ-ROB-P3' });
    await row.getByText('Uit het eigen systeem').waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await admin.getByRole('region', { name: 'Nieuw onderdeel' }).count()).toBe(0);
    expect(await seriousViolations(admin)).toEqual([]);

    offeringIn(stub.catalogue!, 'IJ-ROB-P3').maxNumberStudents = 25;
    await panel.getByRole('button', { name: 'Nu synchroniseren' }).click();
    // The run asked for is the last one now; the page follows it until it has finished.
    await panel.getByText(/door Application Administrator IJsselland/).waitFor();
    await panel
      .getByTestId('sync-counts')
      .getByText(/^0 nieuw, 1 gewijzigd/)
      .waitFor();
    await panel.getByTestId('sync-status').getByText('Uitkomst: voltooid').waitFor();
    await row.getByTestId('places').getByText('0 / 25', { exact: true }).waitFor();
    await screenshot(admin, '24-offerings-own-system');
    expect(stub.sentViolations).toEqual([]);
    expect(stub.answerViolations).toEqual([]);
  }, 120000);
});
