import { makeStyles, tokens } from '@fluentui/react-components';
import type { HostInfo } from '../teams/detect-host';
import { findRoute, ROUTES } from '../navigation/routes';
import { useHashPath } from '../navigation/use-hash-path';
import { NotFoundPage } from '../pages/not-found-page';
import { AppHeader } from './app-header';
import { ErrorBoundary } from './error-boundary';
import { MainNav } from './main-nav';
import { OutsideTeamsBanner } from './outside-teams-banner';
import { PageFrame } from './page-frame';
import { SkipLink } from './skip-link';

const MAIN_ID = 'contenu';

const useStyles = makeStyles({
  main: {
    paddingBlock: tokens.spacingVerticalXL,
    paddingInline: tokens.spacingHorizontalXXL,
    ':focus': { outlineStyle: 'none' },
    '@media (max-width: 600px)': { paddingInline: tokens.spacingHorizontalM },
  },
  banner: {
    paddingBlockStart: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalXXL,
    '@media (max-width: 600px)': { paddingInline: tokens.spacingHorizontalM },
  },
});

/** Layout of every page: skip link, header, host banner, nav, then the page the hash points to. */
export function AppShell({ host }: { host: HostInfo }) {
  const styles = useStyles();
  const route = findRoute(useHashPath());
  const Page = route?.Page ?? NotFoundPage;

  return (
    <>
      <SkipLink targetId={MAIN_ID} />
      <AppHeader />
      <MainNav routes={ROUTES} currentId={route?.id} />
      {host.kind === 'browser' && (
        <div className={styles.banner}>
          <OutsideTeamsBanner />
        </div>
      )}
      <main id={MAIN_ID} tabIndex={-1} className={styles.main}>
        <PageFrame title={route?.label ?? 'Page introuvable'}>
          {/* Keyed by route so a crashed page recovers when the user navigates away. */}
          <ErrorBoundary key={route?.id ?? 'introuvable'}>
            <Page />
          </ErrorBoundary>
        </PageFrame>
      </main>
    </>
  );
}
