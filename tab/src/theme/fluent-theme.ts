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
