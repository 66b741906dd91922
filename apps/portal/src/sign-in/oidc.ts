import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { Schemas } from '../api/client';

/** An institution as the portal signs its people in: from GET /sign-in/institutions. */
export type SignInInstitution = Schemas['SignInInstitutionDto'];

/** What the portal keeps of a sign-in for the tab: the token it sends, and where it came from. */
export interface TabSession {
  /** The ID token: the API checks it, with the institution's client id as its audience. */
  token: string;
  institution: SignInInstitution;
}

/** Carried through the identity provider and back in the request's state. */
interface ReturnState {
  /** The portal's place (its hash) when sign-in began. */
  returnTo: string;
}

const PORTAL = '/portal/';
export const CALLBACK_PATH = `${PORTAL}callback`;
const SESSION_KEY = 'leerroutes.session';
const PENDING_KEY = 'leerroutes.signingInAt';

/** Everything lives in sessionStorage: another tab, or this one once closed, is not signed in. */
export const tabSession = {
  get(): TabSession | undefined {
    const stored = sessionStorage.getItem(SESSION_KEY);
    return stored ? (JSON.parse(stored) as TabSession) : undefined;
  },
  set(session: TabSession): void {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  },
  clear(): void {
    sessionStorage.removeItem(SESSION_KEY);
  },
};

/**
 * The OpenID Connect client for one institution: authorization code with PKCE, as a public client (oidc-client-ts
 * makes the verifier, state and nonce, and checks them on return). Its state lives in sessionStorage for the
 * redirect's sake; the tokens it would keep go to memory, since the tab session holds the one the portal uses.
 */
function clientFor(institution: SignInInstitution): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: institution.issuer,
    client_id: institution.clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}${PORTAL}`,
    response_type: 'code',
    scope: institution.scopes.join(' '),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    // Everything the API needs is in the ID token; no hidden iframes (the portal's CSP allows none).
    loadUserInfo: false,
    automaticSilentRenew: false,
    monitorSession: false,
  });
}

/** Sends the browser to the institution's sign-in; it comes back to the callback, then to `returnTo`. */
export async function startSignIn(institution: SignInInstitution, returnTo: string): Promise<void> {
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(institution));
  const state: ReturnState = { returnTo };
  // The API reads only the ID token: a provider that would release the claims at userinfo alone is asked for
  // them in the token (OpenID Connect Core, section 5.5).
  const claims = institution.idTokenClaims.length
    ? JSON.stringify({
        id_token: Object.fromEntries(institution.idTokenClaims.map((c) => [c, null])),
      })
    : undefined;
  await clientFor(institution).signinRedirect({
    state,
    // oidc-client-ts checks a nonce it is given against the ID token, but makes none itself.
    nonce: randomHex(16),
    extraQueryParams: claims ? { claims } : undefined,
  });
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

export function isSignInCallback(): boolean {
  return window.location.pathname === CALLBACK_PATH;
}

/**
 * On return from the identity provider: exchanges the code (with the PKCE verifier), checks state and nonce,
 * keeps the ID token for the tab, and takes the code out of the address bar. Answers where to go next.
 */
export async function completeSignIn(): Promise<{ session: TabSession; returnTo: string }> {
  const pending = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (!pending) throw new Error('This sign-in was not started in this tab.');
  const institution = JSON.parse(pending) as SignInInstitution;
  const user = await clientFor(institution).signinRedirectCallback();
  if (!user.id_token) throw new Error('The identity provider sent no ID token.');
  const session = { token: user.id_token, institution };
  tabSession.set(session);
  return { session, returnTo: (user.state as ReturnState | undefined)?.returnTo ?? '' };
}

/**
 * Signs out of the portal and, where the issuer offers an end-session endpoint, of the institution's session
 * too (it then sends the browser back to the portal's start). Answers false when the issuer offers none.
 */
export async function endSession(session: TabSession): Promise<boolean> {
  tabSession.clear();
  const client = clientFor(session.institution);
  const endpoint = await client.metadataService.getEndSessionEndpoint().catch(() => undefined);
  if (!endpoint) return false;
  await client.signoutRedirect({ id_token_hint: session.token });
  return true;
}
