import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, csrfToken, send, setUnauthorisedHandler } from './api/client.ts';
import {
  PrincipalSchema,
  SessionResponseSchema,
  type Principal,
} from '../../src/contracts/auth.ts';
import type { Role } from '../../src/contracts/enumerations.ts';

interface SessionValue {
  /** `undefined` while the first `GET /v1/auth/me` is in flight; `null` when signed out. */
  readonly principal: Principal | null | undefined;
  readonly signIn: (username: string, password: string) => Promise<void>;
  readonly signOut: () => Promise<void>;
  readonly has: (...roles: readonly Role[]) => boolean;
  /** Reads who is signed in again (after the password was changed). */
  readonly refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | undefined>(undefined);

/** Who is signed in, from the session cookie; the CSRF token is kept for the tab. */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [principal, setPrincipal] = useState<Principal | null | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    api(PrincipalSchema, 'GET', '/v1/auth/me')
      .then((me) => {
        if (!cancelled) setPrincipal(me);
      })
      .catch(() => {
        if (!cancelled) setPrincipal(null);
      });
    setUnauthorisedHandler(() => {
      csrfToken.set(null);
      setPrincipal(null);
    });
    return () => {
      cancelled = true;
      setUnauthorisedHandler(undefined);
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const session = await api(SessionResponseSchema, 'POST', '/v1/auth/login', {
      username,
      password,
    });
    csrfToken.set(session.csrfToken);
    setPrincipal(session.principal);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await send('POST', '/v1/auth/logout');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
    csrfToken.set(null);
    setPrincipal(null);
  }, []);

  const refresh = useCallback(async () => {
    setPrincipal(await api(PrincipalSchema, 'GET', '/v1/auth/me'));
  }, []);

  const has = useCallback(
    (...roles: readonly Role[]) => principal?.roles.some((r) => roles.includes(r)) ?? false,
    [principal],
  );

  return (
    <SessionContext value={{ principal, signIn, signOut, has, refresh }}>{children}</SessionContext>
  );
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}

export const officerRoles: readonly Role[] = ['caseworker', 'advisor', 'senior-officer'];
