import { Browser, Page } from 'playwright-core';
import { ComponentEntity, PersonEntity } from '@lr/database';
import type { ComponentState } from '@lr/domain';
import { waitFor } from '@lr/testing';
import { TestApp } from '../../api/test/test-app';
import { signInThroughIssuer } from './browser';

/** The steps the portal's journeys share: people signed in in browsers of their own, and where a request stands. */
export class PortalSteps {
  constructor(
    private readonly t: TestApp,
    private readonly base: string,
    private readonly browser: Browser,
  ) {}

  /**
   * A browser of its own for each person, signed in as a person does: they choose their institution, sign in
   * at its (development) identity provider by clicking their name, and come back to the portal.
   */
  async signedIn(personId: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const { institutionCode } = await this.t.dataSource.manager.findOneByOrFail(PersonEntity, {
      id: personId,
    });
    const page = await this.newPage(viewport);
    await page.goto(`${this.base}/portal/`);
    await signInThroughIssuer(page, institutionCode, { personId });
    return page;
  }

  /** A page in a browser context of its own (closed with the browser). */
  async newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await this.browser.newContext({ viewport });
    return context.newPage();
  }

  async componentState(requestId: string): Promise<ComponentState> {
    return (await this.t.dataSource.manager.findOneByOrFail(ComponentEntity, { requestId })).state;
  }

  async waitForState(requestId: string, state: ComponentState): Promise<void> {
    await waitFor(
      async () => ((await this.componentState(requestId)) === state ? true : undefined),
      { timeoutMs: 15000, intervalMs: 100 },
    );
  }
}

/** Whether the page comes to show this text (waiting for it to render), as an assertion can use it. */
export async function shows(page: Page, text: string): Promise<boolean> {
  return page
    .getByText(text)
    .first()
    .waitFor({ timeout: 5000 })
    .then(() => true)
    .catch(() => false);
}

/** The request a page shows, from its address (#/requests/<id>). */
export function requestIdOf(page: Page): string {
  const id = /#\/requests\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!id) throw new Error(`Not on a request page: ${page.url()}`);
  return id;
}

/** The student finds a unit in the catalogue and submits a one-component request for it. */
export async function submitRequest(student: Page, search: string, title: string): Promise<string> {
  await student.getByLabel('Zoekwoorden').fill(search);
  await student.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await student.getByRole('button', { name: `Toevoegen aan aanvraag: ${title}` }).click();
  await student
    .getByLabel('Waarom dit onderdeel')
    .fill('It completes my profile in data-driven food research.');
  await student
    .getByLabel('Motivatie voor de examencommissie')
    .fill('This learning route fits my graduation plan.');
  await student.getByRole('button', { name: 'Aanvraag indienen' }).click();
  await student.waitForURL(/#\/requests\/[0-9a-f-]{36}/);
  await student.getByTestId('state').getByText('wacht op examencommissie').waitFor();
  return requestIdOf(student);
}

/** A staff member opens the request of this student from their inbox. */
export async function openFromInbox(page: Page, inbox: string, studentName: string): Promise<void> {
  await page.getByRole('link', { name: inbox }).click();
  await page.getByRole('link', { name: studentName }).first().click();
  await page.waitForURL(/#\/requests\//);
}
