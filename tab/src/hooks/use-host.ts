import { useEffect, useState } from 'react';
import type { Theme } from '@fluentui/react-components';
import { openSubPage } from '../navigation/sub-page';
import { detectHost, followTeamsTheme, notifyTeamsReady, type HostInfo } from '../teams/detect-host';
import { browserThemeName, followBrowserTheme, fluentThemeFor } from '../theme/fluent-theme';

export type HostState =
  { status: 'detecting'; theme: Theme } | { status: 'ready'; host: HostInfo; theme: Theme };

/**
 * Detects Teams once (opening the page a deep link names), then keeps the Fluent theme in step with
 * the user's Teams theme, or outside Teams with the browser's light/dark preference.
 */
export function useHost(): HostState {
  const [state, setState] = useState<HostState>(() => ({
    status: 'detecting',
    theme: fluentThemeFor(browserThemeName()),
  }));

  useEffect(() => {
    let active = true;
    let stopFollowing = (): void => undefined;
    void detectHost().then((host) => {
      if (!active) return;
      if (host.kind !== 'teams') {
        const apply = (theme: string): void =>
          setState({ status: 'ready', host, theme: fluentThemeFor(theme) });
        apply(browserThemeName());
        stopFollowing = followBrowserTheme(apply);
        return;
      }
      // Before the first page renders, so a deep link opens its page rather than the dashboard first.
      openSubPage(host.subPageId);
      setState({ status: 'ready', host, theme: fluentThemeFor(host.theme) });
      followTeamsTheme((theme) => {
        if (active) setState({ status: 'ready', host: { ...host, theme }, theme: fluentThemeFor(theme) });
      });
      notifyTeamsReady();
    });
    return () => {
      active = false;
      stopFollowing();
    };
  }, []);

  return state;
}
