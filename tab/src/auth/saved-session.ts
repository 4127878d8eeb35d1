/**
 * The local sign-in's token survives a reload of the tab (sessionStorage: this browser tab only, gone
 * when it closes) but never a closed browser, and is never written to localStorage or a cookie.
 * Teams tokens are not saved at all: Teams hands out a fresh one on every load.
 */
const KEY = 'guichet.session';

export function readSavedToken(): string | undefined {
  try {
    const saved = JSON.parse(window.sessionStorage.getItem(KEY) ?? 'null') as {
      accessToken?: unknown;
    } | null;
    return typeof saved?.accessToken === 'string' ? saved.accessToken : undefined;
  } catch {
    return undefined; // storage disabled or tampered with: simply signed out
  }
}

export function saveToken(accessToken: string): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify({ accessToken }));
  } catch {
    // Storage refused (private mode quotas): the session still works until the next reload.
  }
}

export function forgetToken(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing saved, nothing to forget.
  }
}
