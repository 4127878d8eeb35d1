import { lazy, Suspense } from 'react';
import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useAuth } from '../auth/auth-context';
import { ErrorBoundary } from './error-boundary';
import { ErrorMessage } from './error-message';

const SignInPage = lazy(() => import('../pages/sign-in-page'));

const useStyles = makeStyles({
  failed: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalM,
  },
});

/** Before a session exists: a spinner while signing in, the demo sign-in, or Teams' refusal. */
export function SignedOutContent() {
  const styles = useStyles();
  const { state, retry } = useAuth();
  switch (state.status) {
    case 'signed-in':
      return null;
    case 'pending':
      return <Spinner label="Connexion en cours…" />;
    case 'failed':
      return (
        <div className={styles.failed}>
          <ErrorMessage title="Connexion impossible." message={state.message} />
          <Button appearance="primary" onClick={retry}>
            Réessayer
          </Button>
        </div>
      );
    case 'signed-out':
      return (
        <ErrorBoundary>
          <Suspense fallback={<Spinner label="Chargement…" />}>
            <SignInPage notice={state.notice} />
          </Suspense>
        </ErrorBoundary>
      );
  }
}
