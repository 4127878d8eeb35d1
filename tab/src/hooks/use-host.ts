import { useEffect, useState } from 'react';
import type { Theme } from '@fluentui/react-components';
import { detectHost, followTeamsTheme, notifyTeamsReady, type HostInfo } from '../teams/detect-host';
import { fluentThemeFor } from '../theme/fluent-theme';

export type HostState =
  { status: 'detecting'; theme: Theme } | { status: 'ready'; host: HostInfo; theme: Theme };

/** Detects Teams once, then keeps the Fluent theme in step with the user's Teams theme. */
export function useHost(): HostState {
  const [state, setState] = useState<HostState>({ status: 'detecting', theme: fluentThemeFor(undefined) });

  useEffect(() => {
    let active = true;
    void detectHost().then((host) => {
      if (!active) return;
      setState({
        status: 'ready',
        host,
        theme: fluentThemeFor(host.kind === 'teams' ? host.theme : undefined),
      });
      if (host.kind !== 'teams') return;
      followTeamsTheme((theme) => {
        if (active) setState({ status: 'ready', host: { ...host, theme }, theme: fluentThemeFor(theme) });
      });
      notifyTeamsReady();
    });
    return () => {
      active = false;
    };
  }, []);

  return state;
}
