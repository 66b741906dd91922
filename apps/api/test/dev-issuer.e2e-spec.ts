import { createHash, randomBytes } from 'crypto';
import { decodeJwt } from 'jose';
import { DevIssuerHost } from '@lr/auth';
import { TestApp } from './test-app';

const REDIRECT_URI = 'http://127.0.0.1:5173/portal/callback';

/** A browser, as far as the code flow needs one: it keeps the issuer's cookies and follows nothing by itself. */
class Browser {
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
      if (next.href.startsWith('http://127.0.0.1:5173/')) return next;
      url = next.href;
      response = await this.request(url);
    }
    return response;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

describe('the development issuer: an authorization server per institution', () => {
  let t: TestApp;
  let issuer: string;
  let discovery: Record<string, string>;
  const clientId = () => t.config.oidcAudience;

  beforeAll(async () => {
    t = await TestApp.start({ withWorker: false });
    issuer = t.app.get(DevIssuerHost).issuer.issuerOf('uni-waal');
    discovery = (await (
      await fetch(`${issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
  });
  afterAll(() => t.close());

  /** Starts an authorization request with PKCE; answers the sign-in page and what the portal keeps. */
  async function authorize(browser: Browser) {
    const verifier = randomBytes(32).toString('base64url');
    const state = randomBytes(8).toString('hex');
    const nonce = randomBytes(8).toString('hex');
    const url = new URL(discovery.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: clientId(),
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid',
      state,
      nonce,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    const page = (await browser.follow(url.href)) as Response;
    return { page, verifier, state, nonce };
  }

  async function signIn(browser: Browser, page: Response, form: Record<string, string>) {
    const html = await page.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)![1];
    const back = await browser.follow(new URL(action, issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    expect(back).toBeInstanceOf(URL);
    return back as URL;
  }

  async function exchange(code: string, verifier?: string) {
    return fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://127.0.0.1:5173',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: clientId(),
        redirect_uri: REDIRECT_URI,
        code,
        ...(verifier ? { code_verifier: verifier } : {}),
      }).toString(),
    });
  }

  it('tells the portal, without a token, where each institution signs in', async () => {
    const response = await t.http().get('/sign-in/institutions');
    expect(response.status).toBe(200);
    expect(response.body).toContainEqual({
      code: 'uni-waal',
      name: 'Universiteit aan de Waal',
      sector: 'wo',
      issuer,
      clientId: clientId(),
      scopes: ['openid', 'profile', 'email'],
      idTokenClaims: [
        'schac_home_organization',
        'eduperson_affiliation',
        'eduperson_entitlement',
        'name',
        'email',
      ],
    });
    expect(response.body).toHaveLength(5);
  });

  it('publishes authorization, token and end-session endpoints in its discovery document', () => {
    expect(discovery.issuer).toBe(issuer);
    expect(discovery.authorization_endpoint).toMatch(new RegExp(`^${issuer}/`));
    expect(discovery.token_endpoint).toMatch(new RegExp(`^${issuer}/`));
    expect(discovery.end_session_endpoint).toMatch(new RegExp(`^${issuer}/`));
    expect(discovery.code_challenge_methods_supported).toContain('S256');
  });

  it('signs a demo person in with the code flow and PKCE; the API accepts the ID token as that person', async () => {
    const browser = new Browser();
    const { page, verifier, state, nonce } = await authorize(browser);
    expect(page.status).toBe(200);
    const html = await page.clone().text();
    expect(html).toContain('Universiteit aan de Waal');
    expect(html).toContain('value="macca"');
    expect(html).not.toContain('value="chen"');

    const back = await signIn(browser, page, { person: 'macca' });
    expect(back.searchParams.get('state')).toBe(state);
    const code = back.searchParams.get('code')!;

    const tokens = (await (await exchange(code, verifier)).json()) as { id_token: string };
    const claims = decodeJwt(tokens.id_token);
    expect(claims).toMatchObject({
      iss: issuer,
      aud: clientId(),
      sub: 'macca',
      nonce,
      schac_home_organization: 'uni-waal.example',
    });
    const me = await t.http().get('/me').set('Authorization', `Bearer ${tokens.id_token}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: 'macca', institutionCode: 'uni-waal', role: 'student' });
  });

  it('refuses to exchange a code without its PKCE verifier', async () => {
    const browser = new Browser();
    const { page } = await authorize(browser);
    const back = await signIn(browser, page, { person: 'macca' });
    const refused = await exchange(back.searchParams.get('code')!);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('signs in a new person from the form, with the claims their institution would send', async () => {
    const browser = new Browser();
    const { page, verifier } = await authorize(browser);
    const back = await signIn(browser, page, {
      new: 'yes',
      name: 'Noor de Vries',
      email: 'noor@student.uni-waal.example',
      role: 'student',
      programme: 'msc-food',
    });
    const tokens = (await (await exchange(back.searchParams.get('code')!, verifier)).json()) as {
      id_token: string;
    };
    const claims = decodeJwt(tokens.id_token);
    expect(claims.sub).toMatch(/^dev-/);
    expect(claims).toMatchObject({
      name: 'Noor de Vries',
      email: 'noor@student.uni-waal.example',
      eduperson_affiliation: ['student', 'member'],
      eduperson_entitlement: [expect.stringMatching(/:programme:msc-food$/)],
    });
  });

  it('shows the form again with the reason when a new person lacks what their role needs', async () => {
    const browser = new Browser();
    const { page } = await authorize(browser);
    const action = /<form method="post" action="([^"]+)"/.exec(await page.text())![1];
    const again = await browser.request(new URL(action, issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        new: 'yes',
        name: 'Noor',
        email: 'n@x.example',
        role: 'student',
      }),
    });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('A student needs a programme.');
  });

  it('ends the session at the end-session endpoint: the next authorization shows the sign-in page again', async () => {
    const browser = new Browser();
    const first = await authorize(browser);
    const back = await signIn(browser, first.page, { person: 'macca' });
    const tokens = (await (
      await exchange(back.searchParams.get('code')!, first.verifier)
    ).json()) as {
      id_token: string;
    };
    // Signed in at the issuer: a second authorization goes straight back to the portal.
    const again = await browser.follow(authorizeUrl().href);
    expect(again).toBeInstanceOf(URL);

    const logout = new URL(discovery.end_session_endpoint);
    logout.search = new URLSearchParams({
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: 'http://127.0.0.1:5173/portal/',
    }).toString();
    const confirm = (await browser.follow(logout.href)) as Response;
    const html = await confirm.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1];
    const out = await browser.follow(new URL(action, issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect((out as URL).href).toBe('http://127.0.0.1:5173/portal/');

    const after = await browser.follow(authorizeUrl().href);
    expect(after).toBeInstanceOf(Response);
    expect(await (after as Response).text()).toContain('value="macca"');
  });

  function authorizeUrl(): URL {
    const url = new URL(discovery.authorization_endpoint);
    const verifier = randomBytes(32).toString('base64url');
    url.search = new URLSearchParams({
      client_id: clientId(),
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid',
      state: 's',
      nonce: 'n',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    return url;
  }
});
