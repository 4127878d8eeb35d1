import type { ReactNode } from 'react';
import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { PagesState } from '../hooks/use-pages';
import { AsyncContent } from './async-content';
import { ErrorMessage } from './error-message';

const useStyles = makeStyles({
  more: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalL,
  },
});

interface PagedListProps<T> {
  pages: { state: PagesState<T>; loadMore: () => void; retry: () => void };
  /** "devis", "commande(s)". */
  noun: { one: string; many: string; title: string };
  empty: string;
  /** Said once the last page is in: "tous les tickets sont affichés". */
  allShown?: string;
  children: (items: T[]) => ReactNode;
}

/** Loading, error, empty, or the items with "Charger plus" while the API has more pages. */
export function PagedList<T>({
  pages,
  noun,
  empty,
  allShown = 'tout est affiché',
  children,
}: PagedListProps<T>) {
  const { state, loadMore, retry } = pages;
  return (
    <AsyncContent
      state={state.status === 'ready' ? { status: 'success', data: state } : state}
      loading={`Chargement des ${noun.many}…`}
      failed={`${noun.title} indisponibles.`}
      onRetry={retry}
      spinner="medium"
    >
      {(ready) =>
        ready.items.length === 0 ? (
          <Body1>{empty}</Body1>
        ) : (
          <>
            {children(ready.items)}
            <MoreBar state={ready} noun={noun} allShown={allShown} onMore={loadMore} />
          </>
        )
      }
    </AsyncContent>
  );
}

/** How many are shown, and "Charger plus" while the API has more. */
function MoreBar({
  state,
  noun,
  allShown,
  onMore,
}: {
  state: Extract<PagesState<unknown>, { status: 'ready' }>;
  noun: { one: string; many: string };
  allShown: string;
  onMore: () => void;
}) {
  const styles = useStyles();
  const n = state.items.length;
  return (
    <div className={styles.more}>
      <Caption1 role="status">
        {n} {n > 1 ? noun.many : noun.one} affiché{n > 1 ? 's' : ''}
        {state.next ? '' : ` — ${allShown}`}
      </Caption1>
      {state.next && (
        <Button onClick={onMore} disabledFocusable={state.loadingMore}>
          {state.loadingMore ? 'Chargement…' : 'Charger plus'}
        </Button>
      )}
      {state.moreError && <ErrorMessage title="Page suivante indisponible." message={state.moreError} />}
    </div>
  );
}
