import { ReactNode, createContext, useCallback, useContext, useEffect, useState } from 'react';
import { Schemas, api, call, tokenStore } from './api/client';

type Actor = Schemas['ActorDto'];

interface Session {
  actor: Actor | undefined;
  /** True until the stored token has been checked with the API. */
  loading: boolean;
  signIn: (personId: string) => Promise<void>;
  signOut: () => void;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Who is signed in: the token from development sign-in, checked once with GET /me. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [actor, setActor] = useState<Actor>();
  const [loading, setLoading] = useState(Boolean(tokenStore.get()));

  useEffect(() => {
    if (!tokenStore.get()) return;
    call(api.GET('/me'))
      .then(setActor)
      .catch(() => tokenStore.clear())
      .finally(() => setLoading(false));
  }, []);

  const signIn = useCallback(async (personId: string) => {
    const { token, actor: signedIn } = await call(api.POST('/dev/tokens', { body: { personId } }));
    tokenStore.set(token);
    setActor(signedIn);
  }, []);

  const signOut = useCallback(() => {
    tokenStore.clear();
    setActor(undefined);
    window.location.hash = '';
  }, []);

  return (
    <SessionContext.Provider value={{ actor, loading, signIn, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
