import { lazy, Suspense } from 'react';
import { FluentProvider, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { AuthProvider } from './auth/auth-context';
import { AppShell } from './components/app-shell';
import { useHost } from './hooks/use-host';
import { useHashLocation } from './navigation/use-hash-location';

const ConfigurationPage = lazy(() => import('./pages/configuration-page'));

/** Teams opens this before anyone signs in to the tab: it lives outside the sign-in. */
const CONFIGURATION_PATH = '/configuration';

const useStyles = makeStyles({
  // The provider paints the whole tab, so a dark or high-contrast Teams theme has no light margins.
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  detecting: { paddingTop: tokens.spacingVerticalXXXL },
});

/** Root: detects the host, applies its theme, signs in, then renders the shell. */
export function App() {
  const styles = useStyles();
  const hostState = useHost();
  const { path } = useHashLocation();

  return (
    <FluentProvider theme={hostState.theme} className={styles.provider}>
      {hostState.status === 'detecting' ? (
        <Spinner className={styles.detecting} label="Chargement de Guichet…" />
      ) : path === CONFIGURATION_PATH ? (
        <Suspense fallback={<Spinner className={styles.detecting} label="Chargement de la page…" />}>
          <ConfigurationPage host={hostState.host} />
        </Suspense>
      ) : (
        <AuthProvider host={hostState.host}>
          <AppShell host={hostState.host} />
        </AuthProvider>
      )}
    </FluentProvider>
  );
}
