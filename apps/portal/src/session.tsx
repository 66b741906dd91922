import { ReactNode, createContext, useCallback, useContext, useEffect, useState } from 'react';
import { ApiProblem, SESSION_ENDED, Schemas, api, call } from './api/client';
import {
  SignInInstitution,
  completeSignIn,
  endSession,
  isSignInCallback,
  startSignIn,
  tabSession,
} from './sign-in/oidc';

type Actor = Schemas['ActorDto'];

/** Why the sign-in page is showing, when it is not the first visit. */
export type SignInReason = 'expired' | 'signed-out' | 'failed';

interface Session {
  actor: Actor | undefined;
  /** True while a sign-in completes or the tab's token is checked with the API. */
  loading: boolean;
  reason: SignInReason | undefined;
  /** What went wrong on the way back from the identity provider, or with the API's answer to the token. */
  error: unknown;
  /** Off to the institution's sign-in; back to the page the person is on now. */
  signIn: (institution: SignInInstitution) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** The page's arrival, once: a code may be exchanged only once, however often React runs the effect. */
let arrival: Promise<void> | undefined;
function arrive(): Promise<void> {
  arrival ??= isSignInCallback()
    ? completeSignIn().then(({ returnTo: hash }) => returnTo(hash))
    : Promise.resolve();
  return arrival;
}

/** Back at the portal's start, on the page the person was on: the code leaves the address bar and history. */
function returnTo(hash: string): void {
  window.history.replaceState(null, '', `/portal/${hash.startsWith('#') ? hash : ''}`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/**
 * Who is signed in in this tab: the ID token from the institution's sign-in, checked once with GET /me. When
 * the API stops accepting the token (it expired), the person is asked to sign in again and comes back to the
 * same page.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [actor, setActor] = useState<Actor>();
  const [loading, setLoading] = useState(isSignInCallback() || Boolean(tabSession.get()));
  const [reason, setReason] = useState<SignInReason>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    const ended = () => {
      tabSession.clear();
      setActor(undefined);
      setReason('expired');
    };
    window.addEventListener(SESSION_ENDED, ended);
    arrive()
      .then(async () => {
        if (tabSession.get()) setActor(await call(api.GET('/me')));
      })
      .catch((e: unknown) => {
        // A 401 has said so through SESSION_ENDED; anything else (a refused code, a 403 that says why) is shown.
        tabSession.clear();
        if (isSignInCallback()) returnTo('');
        if (e instanceof ApiProblem && e.problem.status === 401) return;
        setError(e);
        setReason('failed');
      })
      .finally(() => setLoading(false));
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, []);

  const signIn = useCallback(
    (institution: SignInInstitution) => startSignIn(institution, window.location.hash),
    [],
  );

  const signOut = useCallback(async () => {
    const session = tabSession.get();
    setActor(undefined);
    setError(undefined);
    setReason('signed-out');
    window.location.hash = '';
    // Where the issuer has an end-session endpoint the browser leaves for it, and comes back to the start.
    if (session) await endSession(session);
  }, []);

  return (
    <SessionContext.Provider value={{ actor, loading, reason, error, signIn, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
