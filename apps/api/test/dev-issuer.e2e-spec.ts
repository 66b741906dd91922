import { decodeJwt } from 'jose';
import { StudentRegisterEntity } from '@lr/database';
import { expectStatus } from './journey';
import { Browser, PORTAL, PortalAtDevIssuer, formOf } from './dev-sign-in';
import { TestApp } from './test-app';

describe('the development issuer: an authorization server per institution', () => {
  let t: TestApp;
  let portal: PortalAtDevIssuer;
  let issuer: string;
  let discovery: Record<string, string>;
  const clientId = () => t.config.oidcAudience;

  beforeAll(async () => {
    t = await TestApp.start({ withWorker: false });
    portal = await PortalAtDevIssuer.at(t, 'uni-waal');
    ({ issuer, discovery } = portal);
  });
  afterAll(() => t.close());

  /** Posts the form and expects the browser back at the portal with a code. */
  async function signIn(browser: Browser, page: Response, form: Record<string, string>) {
    const back = await portal.submit(browser, page, form);
    expect(back).toBeInstanceOf(URL);
    return back as URL;
  }

  const idTokenOf = async (response: Response) =>
    ((await response.json()) as { id_token: string }).id_token;

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
    const { page, verifier, state, nonce } = await portal.authorize(browser);
    expect(page.status).toBe(200);
    const html = await page.clone().text();
    expect(html).toContain('Universiteit aan de Waal');
    expect(html).toContain('value="macca"');
    expect(html).not.toContain('value="chen"');

    const back = await signIn(browser, page, { person: 'macca' });
    expect(back.searchParams.get('state')).toBe(state);
    const code = back.searchParams.get('code')!;

    const token = await idTokenOf(await portal.exchange(code, verifier));
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: issuer,
      aud: clientId(),
      sub: 'macca',
      nonce,
      schac_home_organization: 'uni-waal.example',
    });
    const me = await t.withToken(token).get('/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: 'macca', institutionCode: 'uni-waal', role: 'student' });
  });

  it('refuses to exchange a code without its PKCE verifier', async () => {
    const browser = new Browser();
    const { page } = await portal.authorize(browser);
    const back = await signIn(browser, page, { person: 'macca' });
    const refused = await portal.exchange(back.searchParams.get('code')!);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('signs in a new person from the form, with the claims their institution would send', async () => {
    const token = await portal.signIn({
      name: 'Noor de Vries',
      email: 'noor@student.uni-waal.example',
      role: 'student',
      programme: 'msc-food',
    });
    const claims = decodeJwt(token);
    expect(claims.sub).toMatch(/^dev-/);
    expect(claims).toMatchObject({
      name: 'Noor de Vries',
      email: 'noor@student.uni-waal.example',
      eduperson_affiliation: ['student', 'member'],
      eduperson_entitlement: [expect.stringMatching(/:programme:msc-food$/)],
    });
  });

  it("enters a new student in their institution's register, so the API knows them from their first call", async () => {
    const token = await portal.signIn({
      name: 'Jesse Smit',
      email: 'jesse@student.uni-waal.example',
      role: 'student',
      programme: 'msc-plant',
    });
    const sub = decodeJwt(token).sub!;
    const entry = await t.dataSource.manager.findOneByOrFail(StudentRegisterEntity, {
      institutionCode: 'uni-waal',
      subject: sub,
    });
    // A number of its own, as the administration gives one; no statement of tuition yet.
    expect(entry).toMatchObject({ programmeCodes: ['msc-plant'], tuition: [] });
    expect(entry.studentNumber).toMatch(/^d\d{7}$/);

    const me = expectStatus(await t.withToken(token).get('/me'), 200).body;
    expect(me).toMatchObject({ id: sub, role: 'student', programmeCodes: ['msc-plant'] });
    const exported = expectStatus(await t.withToken(token).get('/me/export'), 200).body;
    expect(exported.person.studentNumber).toBe(entry.studentNumber);

    // Staff are their institution's employees, not its students: the register is left alone.
    const staff = decodeJwt(
      await portal.signIn({
        name: 'Kim Registrar',
        email: 'kim@uni-waal.example',
        role: 'registrar',
      }),
    ).sub!;
    expect(
      await t.dataSource.manager.findOneBy(StudentRegisterEntity, { subject: staff }),
    ).toBeNull();
  });

  it('shows the form again with the reason when a new person lacks what their role needs', async () => {
    const browser = new Browser();
    const { page } = await portal.authorize(browser);
    const again = await portal.submit(
      browser,
      page,
      formOf({ name: 'Noor', email: 'n@x.example', role: 'student' }),
    );
    expect(again).toBeInstanceOf(Response);
    expect((again as Response).status).toBe(400);
    expect(await (again as Response).text()).toContain('A student needs a programme.');
  });

  it('ends the session at the end-session endpoint: the next authorization shows the sign-in page again', async () => {
    const browser = new Browser();
    const first = await portal.authorize(browser);
    const back = await signIn(browser, first.page, { person: 'macca' });
    const token = await idTokenOf(
      await portal.exchange(back.searchParams.get('code')!, first.verifier),
    );
    // Signed in at the issuer: a second authorization goes straight back to the portal.
    const again = await browser.follow(portal.authorizationRequest().url.href);
    expect(again).toBeInstanceOf(URL);

    const logout = new URL(discovery.end_session_endpoint);
    logout.search = new URLSearchParams({
      id_token_hint: token,
      post_logout_redirect_uri: `${PORTAL}/portal/`,
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
    expect((out as URL).href).toBe(`${PORTAL}/portal/`);

    const after = await browser.follow(portal.authorizationRequest().url.href);
    expect(after).toBeInstanceOf(Response);
    expect(await (after as Response).text()).toContain('value="macca"');
  });
});
