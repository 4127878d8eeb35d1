import { makeStyles, tokens } from '@fluentui/react-components';
import { useAuth } from '../auth/auth-context';
import type { AuthState } from '../auth/use-auth-machine';
import { findRoute, NAV_ROUTES } from '../navigation/routes';
import { useHashLocation } from '../navigation/use-hash-location';
import type { HostInfo } from '../teams/detect-host';
import { AppHeader } from './app-header';
import { MainNav } from './main-nav';
import { OutsideTeamsBanner } from './outside-teams-banner';
import { PageFrame } from './page-frame';
import { RoutedPage } from './routed-page';
import { SignedOutContent } from './signed-out-content';
import { SkipLink } from './skip-link';
import { UserMenu } from './user-menu';

const MAIN_ID = 'contenu';

const useStyles = makeStyles({
  main: {
    paddingBlock: tokens.spacingVerticalXL,
    paddingInline: tokens.spacingHorizontalXXL,
    maxWidth: '1400px',
    ':focus': { outlineStyle: 'none' },
    '@media (max-width: 600px)': { paddingInline: tokens.spacingHorizontalM },
  },
  banner: {
    paddingBlockStart: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalXXL,
    '@media (max-width: 600px)': { paddingInline: tokens.spacingHorizontalM },
  },
});

/**
 * Layout of every page: skip link, header, host banner, nav, then the page the hash points to once
 * signed in, or the sign-in before that.
 */
export function AppShell({ host }: { host: HostInfo }) {
  const styles = useStyles();
  const { state } = useAuth();
  const location = useHashLocation();
  const match = findRoute(location.path);
  const signedIn = state.status === 'signed-in';
  const title = signedIn ? (match?.route.label ?? 'Page introuvable') : signedOutTitle(state, host);

  return (
    <>
      <SkipLink targetId={MAIN_ID} />
      <AppHeader>{signedIn && <UserMenu />}</AppHeader>
      {signedIn && <MainNav routes={NAV_ROUTES} currentId={match?.route.navId} />}
      {host.kind === 'browser' && (
        <div className={styles.banner}>
          <OutsideTeamsBanner />
        </div>
      )}
      <main id={MAIN_ID} tabIndex={-1} className={styles.main}>
        <PageFrame title={title}>
          {signedIn ? <RoutedPage match={match} location={location} /> : <SignedOutContent />}
        </PageFrame>
      </main>
    </>
  );
}

function signedOutTitle(state: AuthState, host: HostInfo): string {
  if (state.status === 'signed-out' && host.kind === 'browser')
    return 'Choisir un utilisateur de démonstration';
  return 'Connexion';
}
