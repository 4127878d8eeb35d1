import { Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import type { RouteMatch } from '../navigation/routes';
import type { HashLocation } from '../navigation/use-hash-location';
import { NotFoundPage } from '../pages/not-found-page';
import { ErrorBoundary } from './error-boundary';

/** The page the address points to, loaded on demand (its chunk), with a spinner meanwhile. */
export function RoutedPage({ match, location }: { match: RouteMatch | undefined; location: HashLocation }) {
  if (!match) return <NotFoundPage />;
  const { Page } = match.route;
  return (
    // Keyed by path so a crashed page recovers when the user navigates away, and a ticket's page
    // starts afresh when another ticket is opened.
    <ErrorBoundary key={location.path}>
      <Suspense fallback={<Spinner label="Chargement de la page…" />}>
        <Page params={match.params} query={location.query} />
      </Suspense>
    </ErrorBoundary>
  );
}
