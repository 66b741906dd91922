import { createHash, randomBytes } from 'crypto';
import { DevIssuerHost } from '@lr/auth';
import type { Role } from '@lr/domain';
import { TestApp } from './test-app';

/** Where the portal runs in development (Vite), and so where the issuer sends the browser back with a code. */
export const PORTAL = 'http://127.0.0.1:5173';
export const REDIRECT_URI = `${PORTAL}/portal/callback`;

/** A browser, as far as the code flow needs one: it keeps the issuer's cookies and follows nothing by itself. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }

  /** Follows redirects until one leaves for the portal (returned) or a page answers. */
  async follow(url: string, init?: RequestInit): Promise<Response | URL> {
    let response = await this.request(url, init);
    while (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location')!, response.url || url);
      if (next.href.startsWith(`${PORTAL}/`)) return next;
      url = next.href;
      response = await this.request(url);
    }
    return response;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** Someone the sign-in page's form creates, as a developer fills it in. */
export interface NewPerson {
  name: string;
  email: string;
  role: Role;
  /** A student's programme, or one an exam-board member decides for. */
  programme?: string;
}

/** Who signs in at a realm's page: a demo person (by subject), or a new person from the form. */
export type SignInChoice = { person: string } | NewPerson;

/** An authorization request the portal has started: the sign-in page, and what the portal keeps meanwhile. */
export interface Authorization {
  page: Response;
  verifier: string;
  state: string;
  nonce: string;
}

/** The form fields the sign-in page posts for a choice. */
export function formOf(choice: SignInChoice): Record<string, string> {
  if ('person' in choice) return { person: choice.person };
  const { name, email, role, programme = '' } = choice;
  return { new: 'yes', name, email, role, programme };
}

/** The portal's side of the code flow with PKCE at one realm of the development issuer. */
export class PortalAtDevIssuer {
  private constructor(
    readonly issuer: string,
    readonly discovery: Record<string, string>,
    readonly clientId: string,
  ) {}

  static async at(t: TestApp, realm: string): Promise<PortalAtDevIssuer> {
    const issuer = t.app.get(DevIssuerHost).issuer.issuerOf(realm);
    const discovery = (await (
      await fetch(`${issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    return new PortalAtDevIssuer(issuer, discovery, t.config.oidcAudience);
  }

  /** An authorization request with a fresh PKCE verifier, state and nonce. */
  authorizationRequest(): { url: URL; verifier: string; state: string; nonce: string } {
    const verifier = randomBytes(32).toString('base64url');
    const state = randomBytes(8).toString('hex');
    const nonce = randomBytes(8).toString('hex');
    const url = new URL(this.discovery.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: this.clientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid',
      state,
      nonce,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    return { url, verifier, state, nonce };
  }

  /** Starts an authorization request in the browser; answers the sign-in page and what the portal keeps. */
  async authorize(browser: Browser): Promise<Authorization> {
    const { url, ...kept } = this.authorizationRequest();
    const page = await browser.follow(url.href);
    if (page instanceof URL)
      throw new Error(`Expected the sign-in page, was sent back to ${page.href}`);
    return { page, ...kept };
  }

  /** Posts the sign-in page's form: the portal's callback URL, or the page again when the form was refused. */
  async submit(
    browser: Browser,
    page: Response,
    form: Record<string, string>,
  ): Promise<Response | URL> {
    const action = /<form method="post" action="([^"]+)"/.exec(await page.text())![1];
    return browser.follow(new URL(action, this.issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  /** The token request the portal makes with the code (and, unless left out, its PKCE verifier). */
  exchange(code: string, verifier?: string): Promise<Response> {
    return fetch(this.discovery.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PORTAL },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: this.clientId,
        redirect_uri: REDIRECT_URI,
        code,
        ...(verifier ? { code_verifier: verifier } : {}),
      }).toString(),
    });
  }

  /** The whole code flow in a browser of its own: the ID token the portal then sends as its bearer token. */
  async signIn(choice: SignInChoice): Promise<string> {
    const browser = new Browser();
    const { page, verifier, state } = await this.authorize(browser);
    const back = await this.submit(browser, page, formOf(choice));
    if (!(back instanceof URL)) {
      throw new Error(`The sign-in page refused the form (${back.status}): ${await back.text()}`);
    }
    if (back.searchParams.get('state') !== state) throw new Error('The state came back changed');
    const tokens = await this.exchange(back.searchParams.get('code')!, verifier);
    const body = (await tokens.json()) as { id_token?: string };
    if (!tokens.ok || !body.id_token) {
      throw new Error(`The token request failed (${tokens.status}): ${JSON.stringify(body)}`);
    }
    return body.id_token;
  }
}

/**
 * Signs in at the development issuer's realm of an institution as the portal does (authorization code with
 * PKCE, through the sign-in page) and returns the ID token.
 */
export async function signInAtDevIssuer(
  t: TestApp,
  realm: string,
  choice: SignInChoice,
): Promise<string> {
  return (await PortalAtDevIssuer.at(t, realm)).signIn(choice);
}
