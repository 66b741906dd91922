/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser, hence the DOM types.
import { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort } from '@lr/testing';
import { TestApp } from '../../api/test/test-app';
import { launchChromium, screenshot, signInThroughIssuer } from './browser';

/** Everything the tab keeps in its storage areas, to see where tokens are and are not. */
function storage(page: Page) {
  return page.evaluate(() => ({
    session: JSON.stringify({ ...sessionStorage }),
    local: JSON.stringify({ ...localStorage }),
  }));
}

/** How long the short-lived app's tokens last: long enough to sign in, short enough to wait out. */
const SHORT_TOKEN_SECONDS = 6;

describe('signing in to the portal through the institution, in a real browser', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await TestApp.start({ withWorker: false });
    base = await t.listen();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  }

  it('lets a person find their institution, sign in at its provider and come back signed in, for this tab only', async () => {
    const page = await newPage();
    const calls: URL[] = [];
    page.on('request', (r) => calls.push(new URL(r.url())));
    await page.goto(`${base}/portal/`);
    await page.getByLabel('Zoek je instelling').fill('ijssel');
    expect(await page.locator('[data-institution]').count()).toBe(1);
    await page.getByLabel('Zoek je instelling').fill('hbo');
    const hbo = await page
      .locator('[data-institution]')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-institution')));
    expect(hbo.sort()).toEqual(['hs-delta', 'hs-westland']);
    await page.getByLabel('Zoek je instelling').fill('');
    await screenshot(page, '13-choose-institution');

    await page.locator('[data-institution="uni-waal"]').click();
    // At the institution's provider, a page of its own (here the development issuer's realm for uni-waal).
    await page.waitForURL(/\/realms\/uni-waal\//);
    const authorize = calls.find((url) => url.pathname.endsWith('/auth'))!;
    expect(authorize.pathname).toBe('/realms/uni-waal/auth');
    // Code flow with PKCE, state and nonce; the federation's claims asked for in the ID token itself.
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(JSON.parse(authorize.searchParams.get('claims')!)).toMatchObject({
      id_token: { schac_home_organization: null, eduperson_entitlement: null },
    });
    await page.getByRole('heading', { name: /Sign in at Universiteit/ }).waitFor();
    await screenshot(page, '14-issuer-sign-in');
    await page.locator('button[name="person"][value="macca"]').click();

    await page.getByText('Aangemeld als Macca Janssen').waitFor();
    // Back at the portal, the code and state gone from the address bar, and never a call to /dev/tokens.
    expect(new URL(page.url()).pathname).toBe('/portal/');
    expect(new URL(page.url()).search).toBe('');
    expect(calls.some((url) => url.pathname.startsWith('/dev/'))).toBe(false);
    // The token lives in this tab's session storage and nowhere a second tab could read it.
    const kept = await storage(page);
    expect(kept.session).toContain('eyJ');
    expect(kept.local).not.toContain('eyJ');
    const secondTab = await page.context().newPage();
    await secondTab.goto(`${base}/portal/`);
    await secondTab.getByLabel('Zoek je instelling').waitFor();
    expect(await secondTab.getByText('Aangemeld als').count()).toBe(0);
  });

  it('comes back to the page the person asked for before signing in', async () => {
    const page = await newPage();
    await page.goto(`${base}/portal/#/credits`);
    await signInThroughIssuer(page, 'uni-waal', { personId: 'macca' });
    expect(new URL(page.url()).hash).toBe('#/credits');
    await page.getByRole('heading', { name: 'Mijn studiepunten' }).waitFor();
  });

  it('signs out at the issuer too: the next sign-in asks who the person is again', async () => {
    const page = await newPage();
    await page.goto(`${base}/portal/`);
    await signInThroughIssuer(page, 'uni-ijssel', { personId: 'ijssel-admissions' });
    await page.getByRole('button', { name: 'Afmelden' }).click();
    // The issuer's end-session endpoint sends the browser back to the portal's start.
    await page.waitForURL(`${base}/portal/`);
    await page.getByLabel('Zoek je instelling').waitFor();
    expect(await page.getByText('Aangemeld als').count()).toBe(0);
    expect((await storage(page)).session).not.toContain('eyJ');
    // Had the issuer's session survived, choosing the institution would sign the person straight back in.
    await page.locator('[data-institution="uni-ijssel"]').click();
    await page.locator('button[name="person"][value="ijssel-admissions"]').waitFor();
  });

  it('refuses a code that comes back with a state this tab never sent, and stays signed out', async () => {
    const page = await newPage();
    await page.goto(`${base}/portal/callback?code=forged&state=not-ours`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByText('Aangemeld als').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/portal/');
  });

  describe('when the token expires', () => {
    let short: TestApp;
    let shortBase: string;

    beforeAll(async () => {
      short = await TestApp.start({
        withWorker: false,
        env: {
          DEV_ISSUER_PORT: String(await freePort()),
          DEV_ISSUER_TOKEN_TTL_SECONDS: String(SHORT_TOKEN_SECONDS),
          OIDC_CLOCK_SKEW_SECONDS: '0',
        },
      });
      shortBase = await short.listen();
    });
    afterAll(() => short?.close());

    it('sends the person to sign in with a message that says so, then back to the same page', async () => {
      const page = await newPage();
      await page.goto(`${shortBase}/portal/`);
      await signInThroughIssuer(page, 'uni-waal', { personId: 'macca' });
      await page.getByRole('link', { name: 'Mijn aanvragen' }).click();
      await page.getByRole('heading', { name: 'Mijn aanvragen' }).waitFor();
      await page.waitForTimeout((SHORT_TOKEN_SECONDS + 1) * 1000);

      await page.getByRole('link', { name: 'Studiepunten' }).click();
      await page.getByText('Je sessie is verlopen').waitFor();
      expect(new URL(page.url()).hash).toBe('#/credits');
      await screenshot(page, '15-session-expired');

      // The provider still knows the person: choosing the institution brings them straight back.
      await page.locator('[data-institution="uni-waal"]').click();
      await page.getByText('Aangemeld als Macca Janssen').waitFor();
      expect(new URL(page.url()).hash).toBe('#/credits');
      await page.getByRole('heading', { name: 'Mijn studiepunten' }).waitFor();
    });
  });
});
