import { createContext, ReactNode, useCallback, useContext, useState } from 'react';
import type { Me, Role } from './types';

const TOKEN_KEY = 'claimgraph.token';
const RANK: Record<Role, number> = { VIEWER: 0, REVIEWER: 1, EDITOR: 2 };

export interface Session {
  token: string | null;
  me: Me | null;
  signIn(token: string): void;
  signOut(): void;
}

export const SessionContext = createContext<Session>({ token: null, me: null, signIn: () => {}, signOut: () => {} });

export function useSession(): Session {
  return useContext(SessionContext);
}

/** The pasted token lives for this browser tab's session only, never in localStorage. */
export function useStoredToken(): [string | null, (token: string | null) => void] {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const store = useCallback((next: string | null) => {
    if (next) sessionStorage.setItem(TOKEN_KEY, next);
    else sessionStorage.removeItem(TOKEN_KEY);
    setToken(next);
  }, []);
  return [token, store];
}

export function hasRole(me: Me | null, role: Role): boolean {
  return me !== null && RANK[me.role] >= RANK[role];
}

export function SessionProvider(props: { value: Session; children: ReactNode }) {
  return <SessionContext.Provider value={props.value}>{props.children}</SessionContext.Provider>;
}
