import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, callRoute, onUnauthorized } from '../api/client';
import type { Session } from '../api/contract-types';

export type SessionState = { status: 'loading' } | { status: 'signed-out'; error?: unknown } | { status: 'signed-in'; session: Session };

interface SessionContextValue {
  state: SessionState;
  /** after a successful sign-in (or invite acceptance): the session the server answered with */
  signedIn: (session: Session) => void;
  signOut: () => Promise<void>;
  /** ask the server again (GET /auth/session) */
  refresh: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** The signed-in session, from `GET /auth/session`; any 401 of the API sends the viewer back to sign-in. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    callRoute<Session>('GET', '/auth/session').then(
      (session) => current && setState({ status: 'signed-in', session }),
      (error: unknown) =>
        current && setState(error instanceof ApiError && error.status === 401 ? { status: 'signed-out' } : { status: 'signed-out', error }),
    );
    return () => {
      current = false;
    };
  }, [generation]);

  useEffect(() => onUnauthorized(() => setState({ status: 'signed-out' })), []);

  const signedIn = useCallback((session: Session) => setState({ status: 'signed-in', session }), []);
  const signOut = useCallback(async () => {
    try {
      await callRoute<void>('POST', '/auth/sign-out');
    } finally {
      setState({ status: 'signed-out' });
    }
  }, []);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  const value = useMemo(() => ({ state, signedIn, signOut, refresh }), [state, signedIn, signOut, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionContext outside SessionProvider');
  return value;
}

/** The current session, inside the signed-in part of the app. */
export function useSession(): Session {
  const { state } = useSessionContext();
  if (state.status !== 'signed-in') throw new Error('useSession outside a signed-in page');
  return state.session;
}

export const isOperator = (session: Session): boolean => session.user.role === 'admin';
