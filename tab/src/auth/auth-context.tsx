import { createContext, useContext, type ReactNode } from 'react';
import type { HostInfo } from '../teams/detect-host';
import { useAuthMachine, type AuthControls, type Session } from './use-auth-machine';

const AuthContext = createContext<AuthControls | null>(null);

/** Holds the sign-in state for the whole tab. */
export function AuthProvider({ host, children }: { host: HostInfo; children: ReactNode }) {
  const controls = useAuthMachine(host);
  return <AuthContext.Provider value={controls}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthControls {
  const controls = useContext(AuthContext);
  if (!controls) throw new Error('useAuth outside <AuthProvider>');
  return controls;
}

/** The signed-in session; pages render only once signed in, so its absence is a bug. */
export function useSession(): Session {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useSession while not signed in');
  return state.session;
}
