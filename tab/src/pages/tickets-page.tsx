import { useMemo, useRef } from 'react';
import { Body1, Button, Caption1, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useSession } from '../auth/auth-context';
import { ErrorMessage } from '../components/error-message';
import type { PageProps } from '../navigation/routes';
import { replaceHashQuery } from '../navigation/use-hash-location';
import { FilterBar } from '../tickets/filter-bar';
import { apiQueryOf, filtersFrom, queryOf, type TicketFilters } from '../tickets/ticket-filters';
import { TicketTable } from '../tickets/ticket-table';
import { useTicketPages, type TicketPagesState } from '../tickets/use-ticket-pages';

const useStyles = makeStyles({
  more: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalL,
  },
  block: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalS,
  },
});

/** Tickets: filters kept in the address (so Back from a ticket finds them again), table, paging. */
export default function TicketsPage({ query }: PageProps) {
  const { api, me } = useSession();
  const filters = useMemo(() => filtersFrom(query), [query]);
  const apiQuery = useMemo(() => apiQueryOf(filters), [filters]);
  const pages = useTicketPages(api, apiQuery);
  const beneficiaries = useMemo(
    () => [...me.beneficiaries].sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    [me.beneficiaries],
  );
  const onChange = (next: TicketFilters): void => replaceHashQuery('/tickets', queryOf(next));

  return (
    <>
      <FilterBar filters={filters} beneficiaries={beneficiaries} onChange={onChange} />
      <TicketList pages={pages} showBeneficiary={beneficiaries.length > 1} />
    </>
  );
}

function TicketList({
  pages: { state, loadMore, retry },
  showBeneficiary,
}: {
  pages: ReturnType<typeof useTicketPages>;
  showBeneficiary: boolean;
}) {
  const styles = useStyles();
  const pendingFocus = useRef<number | undefined>(undefined);
  if (state.status === 'loading') return <Spinner label="Chargement des tickets…" />;
  if (state.status === 'error') {
    return (
      <div className={styles.block}>
        <ErrorMessage title="Tickets indisponibles." message={state.message} />
        <Button onClick={retry}>Réessayer</Button>
      </div>
    );
  }
  if (state.items.length === 0) return <Body1>Aucun ticket ne correspond à ces critères.</Body1>;
  const more = (): void => {
    pendingFocus.current = state.items.length;
    loadMore();
  };
  return (
    <>
      <TicketTable tickets={state.items} showBeneficiary={showBeneficiary} pendingFocus={pendingFocus} />
      <MoreBar state={state} onMore={more} className={styles.more} />
    </>
  );
}

function MoreBar({
  state,
  onMore,
  className,
}: {
  state: Extract<TicketPagesState, { status: 'ready' }>;
  onMore: () => void;
  className: string;
}) {
  return (
    <div className={className}>
      <Caption1 role="status">
        {state.items.length} ticket{state.items.length > 1 ? 's' : ''} affiché
        {state.items.length > 1 ? 's' : ''}
        {state.next ? '' : ' — tous les tickets sont affichés'}
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
