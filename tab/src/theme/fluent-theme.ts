import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** Fluent 9 theme matching a Teams theme name; unknown names fall back to light so text stays readable. */
export function fluentThemeFor(teamsTheme: string | undefined): Theme {
  switch (teamsTheme) {
    case 'dark':
      return webDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return webLightTheme;
  }
}

const DARK = '(prefers-color-scheme: dark)';
const FORCED = '(forced-colors: active)';

/** Outside Teams, the operating system's preference, named like a Teams theme. */
export function browserThemeName(): string {
  if (typeof window.matchMedia !== 'function') return 'default';
  if (window.matchMedia(FORCED).matches) return 'contrast';
  return window.matchMedia(DARK).matches ? 'dark' : 'default';
}

/** Calls `onTheme` when the browser's preference changes; returns the unsubscription. */
export function followBrowserTheme(onTheme: (theme: string) => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const queries = [window.matchMedia(DARK), window.matchMedia(FORCED)];
  const onChange = (): void => onTheme(browserThemeName());
  for (const query of queries) query.addEventListener('change', onChange);
  return () => {
    for (const query of queries) query.removeEventListener('change', onChange);
  };
}
