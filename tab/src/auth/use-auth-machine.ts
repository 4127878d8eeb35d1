import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiClient } from '../api/api-client';
import { ServiceError } from '../api/http-client';
import { fetchMe } from '../api/tickets';
import type { Me } from '../api/types';
import type { HostInfo } from '../teams/detect-host';
import { signInLocally } from './local-sign-in';
import { forgetToken, readSavedToken, saveToken } from './saved-session';
import { getTeamsToken } from './teams-sso';

export type SessionSource = 'local' | 'teams';

/** A signed-in user: how the tab calls the API for them, and who they are for Guichet. */
export interface Session {
  source: SessionSource;
  api: ApiClient;
  me: Me;
}

export interface Notice {
  intent: 'info' | 'warning' | 'error';
  text: string;
}

export type AuthState =
  | { status: 'pending' }
  | { status: 'signed-out'; notice?: Notice }
  | { status: 'failed'; message: string }
  | { status: 'signed-in'; session: Session };

export interface AuthControls {
  state: AuthState;
  signInAs(userId: string): void;
  signOut(): void;
  /** Asks Teams again, this time allowed to show its consent prompt. */
  retry(): void;
}

export const EXPIRED_NOTICE: Notice = {
  intent: 'warning',
  text: "Votre session a expiré ou n'est plus reconnue par le service. Choisissez à nouveau un utilisateur.",
};
const TEAMS_REFUSED =
  'Le service a refusé le jeton fourni par Teams. Réessayez ; si le problème persiste, contactez le support.';
const UNEXPECTED = 'La connexion a échoué pour une raison inattendue. Rechargez la page.';

/**
 * Sign-in state of the tab: Teams SSO inside Teams, the local demonstration sign-in outside (restored
 * from sessionStorage after a reload). Each attempt has a number so a late answer of an abandoned
 * attempt, or a 401 of the previous user's request, never changes the current state.
 */
export function useAuthMachine(host: HostInfo): AuthControls {
  const inTeams = host.kind === 'teams';
  const [state, setState] = useState<AuthState>(() =>
    inTeams || readSavedToken() ? { status: 'pending' } : { status: 'signed-out' },
  );
  const attempt = useRef(0);

  const establish = useCallback(async (source: SessionSource, getToken: () => Promise<string>) => {
    const id = ++attempt.current;
    const expire = (): void => {
      if (id !== attempt.current) return;
      attempt.current++;
      forgetToken();
      setState(
        source === 'local'
          ? { status: 'signed-out', notice: EXPIRED_NOTICE }
          : { status: 'failed', message: TEAMS_REFUSED },
      );
    };
    setState({ status: 'pending' });
    try {
      const token = await getToken();
      const api = new ApiClient(token, expire);
      const me = await fetchMe(api, new AbortController().signal);
      if (id !== attempt.current) return;
      if (source === 'local') saveToken(token);
      setState({ status: 'signed-in', session: { source, api, me } });
    } catch (error) {
      if (id !== attempt.current) return; // superseded, or already handled as an expiry
      const text = error instanceof ServiceError ? error.message : UNEXPECTED;
      setState(
        source === 'local'
          ? { status: 'signed-out', notice: { intent: 'error', text } }
          : { status: 'failed', message: text },
      );
    }
  }, []);

  useEffect(() => {
    if (inTeams) {
      void establish('teams', () => getTeamsToken());
      return;
    }
    const saved = readSavedToken();
    if (saved) void establish('local', async () => saved);
  }, [inTeams, establish]);

  const signInAs = useCallback(
    (userId: string) => void establish('local', () => signInLocally(userId, new AbortController().signal)),
    [establish],
  );
  const signOut = useCallback(() => {
    attempt.current++;
    forgetToken();
    setState({ status: 'signed-out', notice: { intent: 'info', text: 'Vous êtes déconnecté.' } });
  }, []);
  const retry = useCallback(() => void establish('teams', () => getTeamsToken(true)), [establish]);

  return { state, signInAs, signOut, retry };
}
