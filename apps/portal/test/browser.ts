/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser, hence the DOM types.
import { existsSync, mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Browser, Page, chromium } from 'playwright-core';

// Debian's Chromium (the .ci/run script installs it), driven headless by playwright-core: Playwright's own
// browser download does not work here. The flags keep it from calling home, which this network refuses.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Screenshots of the key screens, kept as the run's artefacts. */
export const ARTIFACTS = join(__dirname, '../../../test-artifacts/portal');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's chromium package (.ci/run does).`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Signs in as a person does: at the portal they choose their institution, at its (development) identity provider
 * they click their name (a demo person) or fill in the form (a new person), and they come back to the portal.
 */
export async function signInThroughIssuer(
  page: Page,
  institutionCode: string,
  as: { personId: string } | { name: string; email: string; role: string; programme?: string },
): Promise<void> {
  await page.locator(`[data-institution="${institutionCode}"]`).click();
  if ('personId' in as) {
    await page.locator(`button[name="person"][value="${as.personId}"]`).click();
  } else {
    await page.getByLabel('Name').fill(as.name);
    await page.getByLabel('E-mail').fill(as.email);
    await page.getByLabel('Role').selectOption(as.role);
    if (as.programme) await page.getByLabel(/^Programme/).selectOption(as.programme);
    await page.getByRole('button', { name: 'Sign in as this person' }).click();
  }
  await page.getByRole('button', { name: /Afmelden|Sign out/ }).waitFor();
}

/** A browser context of its own for a demo person, signed in through their institution's (development) issuer. */
export async function signedInPage(
  browser: Browser,
  base: string,
  institutionCode: string,
  personId: string,
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${base}/portal/`);
  await signInThroughIssuer(page, institutionCode, { personId });
  return page;
}

// Evaluated through the DevTools protocol: the portal's CSP forbids inline scripts, rightly, and axe is one.
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's findings of serious or critical impact on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
