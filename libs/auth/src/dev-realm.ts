import type { IncomingMessage, ServerResponse } from 'http';
import { randomBytes, randomUUID } from 'crypto';
import type { JWK } from 'jose';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { ROLES, Role } from '@lr/domain';
import type { SignedInPerson, TokenClaims } from '@lr/institutions';
import { devSignInPage } from './dev-sign-in-page';
import { hostRealm, loadOidcProvider } from './oidc-provider.loader';

/** Who may sign in at a realm, and how the realm's institution describes them in its tokens. */
export interface DevSignInDirectory {
  /** Whether the realm is one of the app's institutions. */
  has(realm: string): boolean;
  institutionName(realm: string): string;
  programmes(realm: string): { code: string; name: string }[];
  people(realm: string): Promise<SignedInPerson[]>;
  claimsOf(realm: string, person: SignedInPerson): TokenClaims;
  /**
   * Enters a new student in their institution's records, as its administration does before anyone signs in:
   * the API takes a student's programmes and student number from there, and refuses one it does not know.
   */
  register(realm: string, student: SignedInPerson): Promise<void>;
}

export interface DevRealmSettings {
  /** The portal's client id at a realm, which is also the audience of its ID tokens. */
  clientIdOf: (realm: string) => string;
  tokenTtlSeconds: number;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopbackOrigin(origin: string): boolean {
  const url = URL.parse(origin);
  return url !== null && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * One institution's authorization server at the development issuer: oidc-provider with the realm's signing
 * keys, one public client (the portal: authorization code with PKCE, no secret), a sign-in page of our own as
 * its interaction, and RP-initiated logout. The ID token carries the claims the institution's provider would
 * send, since the portal sends it to the API as its bearer token.
 */
export class DevRealm {
  private readonly provider: Provider;
  private readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** The claims of everyone who signed in here, by subject: findAccount reads them. */
  private readonly accounts = new Map<string, TokenClaims>();

  constructor(
    readonly realm: string,
    readonly issuer: string,
    signingKeys: JWK[],
    private readonly settings: DevRealmSettings,
    private readonly directoryOf: () => DevSignInDirectory | undefined,
  ) {
    const {
      provider: { default: ProviderClass, interactionPolicy },
      createMemoryAdapter,
    } = loadOidcProvider();
    // oidc-provider asks a native client's user to consent on every sign-in; the portal is the institution's
    // own first-party client (registered as native only for its loopback redirect), so a session is enough.
    const policy = interactionPolicy.base();
    policy.get('consent')?.checks.remove('native_client_prompt');
    // The claim names the institution's mapping writes (none without a directory: keys and discovery only).
    const sample = { id: 'x', role: 'student' as const, name: 'x', email: 'x', programmeCodes: [] };
    const claimNames = Object.keys(directoryOf()?.claimsOf(realm, sample) ?? {});
    const path = new URL(issuer).pathname;
    this.provider = new ProviderClass(
      issuer,
      hostRealm({
        clients: [
          {
            client_id: settings.clientIdOf(realm),
            // A browser app cannot keep a secret; PKCE binds the code to the tab that asked for it.
            token_endpoint_auth_method: 'none',
            grant_types: ['authorization_code'],
            response_types: ['code'],
            // Native in oidc-provider's terms so that a loopback redirect URI matches on any port (RFC 8252,
            // section 7.3): the portal runs on whatever port the API or Vite was given.
            application_type: 'native',
            redirect_uris: ['http://localhost/portal/callback', 'http://127.0.0.1/portal/callback'],
            post_logout_redirect_uris: ['http://localhost/portal/', 'http://127.0.0.1/portal/'],
            id_token_signed_response_alg: 'ES256',
          },
        ],
        jwks: { keys: signingKeys },
        // Sessions, codes and grants in memory: a restart signs everyone out, which development can afford.
        adapter: createMemoryAdapter(),
        findAccount: (_ctx, sub) => {
          const claims = this.accounts.get(sub);
          return (
            claims && hostRealm({ accountId: sub, claims: () => hostRealm({ ...claims, sub }) })
          );
        },
        // Every claim the institution's mapping reads is released with the openid scope, and into the ID token.
        // (profile and email are accepted because the portal asks for them, as it does at a real provider.)
        claims: {
          openid: ['sub', ...claimNames.filter((name) => name !== 'sub')],
          profile: [],
          email: [],
        },
        conformIdTokenClaims: false,
        features: {
          devInteractions: { enabled: false },
          // As SURFconext: the portal may ask for claims in the ID token with the claims parameter.
          claimsParameter: { enabled: true },
          rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
        },
        interactions: {
          policy,
          url: (_ctx, interaction) => `${path}/interaction/${interaction.uid}`,
        },
        cookies: {
          keys: [randomBytes(32).toString('hex')],
          // Every realm lives on the same host: their cookies must not overwrite each other's.
          names: {
            session: `_session_${realm}`,
            interaction: `_interaction_${realm}`,
            resume: `_interaction_resume_${realm}`,
          },
        },
        ttl: {
          IdToken: settings.tokenTtlSeconds,
          AccessToken: settings.tokenTtlSeconds,
          Session: 8 * 3600,
          Grant: 8 * 3600,
          Interaction: 600,
          AuthorizationCode: 60,
        },
        clientBasedCORS: (_ctx, origin) => isLoopbackOrigin(origin),
        renderError: (ctx, out) => {
          ctx.type = 'html';
          ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head><body><main><h1>Sign-in error</h1><p>${escape(
            String(out.error),
          )}: ${escape(String(out.error_description ?? ''))}</p></main></body></html>`;
        },
      }),
    );
    const callback = this.provider.callback();
    this.handler = (req, res) => {
      // oidc-provider's routes are relative to where it is mounted; it reads the mount path from originalUrl.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
      req.url = (req.url ?? '/').slice(path.length) || '/';
      void callback(req, res);
    };
  }

  async handle(req: IncomingMessage, res: ServerResponse, rest: string): Promise<void> {
    if (!/^\/interaction\/[\w-]+$/.test(rest)) {
      this.handler(req, res);
      return;
    }
    if (!this.directoryOf()) {
      res.writeHead(404).end();
      return;
    }
    if (req.method === 'GET') await this.showSignIn(req, res);
    else if (req.method === 'POST') await this.signIn(req, res);
    else res.writeHead(405).end();
  }

  private async showSignIn(
    req: IncomingMessage,
    res: ServerResponse,
    problem?: string,
  ): Promise<void> {
    const { uid } = await this.provider.interactionDetails(req, res);
    const directory = this.directory();
    const body = devSignInPage({
      institutionName: directory.institutionName(this.realm),
      people: await directory.people(this.realm),
      programmes: directory.programmes(this.realm),
      action: `${new URL(this.issuer).pathname}/interaction/${uid}`,
      problem,
    });
    res.writeHead(problem ? 400 : 200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  }

  private directory(): DevSignInDirectory {
    const directory = this.directoryOf();
    if (!directory) throw new Error('The development issuer has no one to sign in.');
    return directory;
  }

  private async signIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await this.provider.interactionDetails(req, res);
    const form = new URLSearchParams(await readBody(req));
    const person = await this.personFrom(form);
    if (typeof person === 'string') {
      await this.showSignIn(req, res, person);
      return;
    }
    this.accounts.set(person.id, this.directory().claimsOf(this.realm, person));
    const grant = new this.provider.Grant(
      hostRealm({ accountId: person.id, clientId: String(details.params.client_id) }),
    );
    // Everything the portal asked for, scopes and claims: a grant short of it would send the person to consent.
    grant.addOIDCScope(String(details.params.scope));
    grant.addOIDCClaims(requestedClaims(details.params.claims));
    const grantId = await grant.save();
    await this.provider.interactionFinished(
      req,
      res,
      hostRealm({ login: { accountId: person.id }, consent: { grantId } }),
      hostRealm({ mergeWithLastSubmission: false }),
    );
  }

  /** The demo person chosen, or a new person from the form; a string says what is wrong with the form. */
  private async personFrom(form: URLSearchParams): Promise<SignedInPerson | string> {
    const chosen = form.get('person');
    if (chosen !== null) {
      const person = (await this.directory().people(this.realm)).find((p) => p.id === chosen);
      return person ?? `There is no demo person ${chosen} here.`;
    }
    const person = this.newPersonFrom(form);
    if (typeof person !== 'string' && person.role === 'student') {
      await this.directory().register(this.realm, person);
    }
    return person;
  }

  private newPersonFrom(form: URLSearchParams): SignedInPerson | string {
    const name = form.get('name')?.trim() ?? '';
    const email = form.get('email')?.trim() ?? '';
    const role = form.get('role') ?? '';
    const programme = form.get('programme') ?? '';
    if (!name || !email) return 'A new person needs a name and an e-mail address.';
    if (!(ROLES as readonly string[]).includes(role)) return `There is no role ${role}.`;
    if (
      programme &&
      !this.directory()
        .programmes(this.realm)
        .some((p) => p.code === programme)
    ) {
      return `There is no programme ${programme} here.`;
    }
    if (role === 'student' && !programme) return 'A student needs a programme.';
    return {
      id: `dev-${randomUUID()}`,
      role: role as Role,
      name,
      email,
      programmeCodes: programme ? [programme] : [],
    };
  }
}

/** The claim names of an OpenID Connect claims request parameter (Core, section 5.5), for the grant. */
function requestedClaims(parameter: unknown): string[] {
  if (typeof parameter !== 'string') return [];
  const request = JSON.parse(parameter) as Record<string, Record<string, unknown> | undefined>;
  return [...Object.keys(request.id_token ?? {}), ...Object.keys(request.userinfo ?? {})];
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 10_000) req.destroy(new Error('The sign-in form is too large.'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/** Sign-out asks nothing: the portal's sign-out button was the question. The form ends the whole session. */
function logoutSource(ctx: KoaContextWithOIDC, form: string): void {
  ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Signing out</title></head>
<body><main><h1>Signing out</h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<script>document.querySelector('button[name=logout]').click()</script></main></body></html>`;
}

function postLogoutSuccessSource(ctx: KoaContextWithOIDC): void {
  ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Signed out</title></head>
<body><main><h1>Signed out</h1></main></body></html>`;
}
