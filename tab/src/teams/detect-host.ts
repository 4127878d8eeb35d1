import type { app as TeamsApp } from '@microsoft/teams-js';
import { withTimeout } from './with-timeout';

/** Where the tab runs: inside a Teams (or other Microsoft 365) host, or in a plain browser tab. */
export type HostInfo =
  | {
      kind: 'teams';
      /** Teams theme name: "default", "dark", "contrast" (or a newer one such as "glass"). */
      theme: string;
      locale: string;
      hostName: string;
      /** Entra tenant of the signed-in user; the later SSO step maps it to a beneficiary. */
      tenantId: string | undefined;
      /** What a deep link to the personal tab asks for ("rapports?period=2026-T3&download=xlsx"). */
      subPageId?: string;
    }
  | { kind: 'browser' };

/**
 * Long enough for a slow Teams mobile client, short enough that a user of a page embedding the tab
 * elsewhere is not left waiting: in a foreign frame teams-js would wait forever.
 */
export const TEAMS_INIT_TIMEOUT_MS = 3000;

/** The teams-js `app` API once initialised; undefined outside Teams. */
let teamsApp: typeof TeamsApp | undefined;

/** Detects the host: a Teams context when `app.initialize()` answers in time, else a browser. */
export async function detectHost(timeoutMs: number = TEAMS_INIT_TIMEOUT_MS): Promise<HostInfo> {
  if (!mayBeHosted()) return { kind: 'browser' };
  try {
    // Loaded on demand: importing teams-js fetches its origin list from a Microsoft CDN at once,
    // a pointless external call (and a console error offline) for a tab opened in a browser.
    const { app } = await import('@microsoft/teams-js');
    await withTimeout(app.initialize(), timeoutMs);
    const context = await withTimeout(app.getContext(), timeoutMs);
    teamsApp = app;
    return {
      kind: 'teams',
      theme: context.app.theme,
      locale: context.app.locale,
      hostName: context.app.host.name,
      tenantId: context.user?.tenant?.id,
      ...(context.page.subPageId ? { subPageId: context.page.subPageId } : {}),
    };
  } catch {
    // Not an error for the user: the app simply runs outside Teams.
    return { kind: 'browser' };
  }
}

/** Calls `onTheme` every time the user switches theme in Teams (no-op outside Teams). */
export function followTeamsTheme(onTheme: (theme: string) => void): void {
  teamsApp?.registerOnThemeChangeHandler(onTheme);
}

/** Tells Teams the tab is ready, which hides its loading indicator (no-op outside Teams). */
export function notifyTeamsReady(): void {
  // A refusal here only leaves Teams' own spinner a bit longer: nothing the user can act on.
  teamsApp?.notifySuccess().catch(() => undefined);
}

/**
 * Same test teams-js makes before it gives up: a host talks through a parent frame (web, desktop),
 * an opener (pop-out windows) or a native bridge (mobile). None of them means a plain browser tab.
 */
function mayBeHosted(): boolean {
  return window.parent !== window.self || window.opener !== null || 'nativeInterface' in window;
}
