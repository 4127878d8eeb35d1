import { useMemo, useRef } from 'react';
import { useSession } from '../auth/auth-context';
import { PagedList } from '../components/paged-list';
import { useBeneficiariesByName } from '../hooks/use-beneficiaries';
import type { PageProps } from '../navigation/routes';
import { replaceHashQuery } from '../navigation/use-hash-location';
import { FilterBar } from '../tickets/filter-bar';
import { apiQueryOf, filtersFrom, queryOf, type TicketFilters } from '../tickets/ticket-filters';
import { TicketTable } from '../tickets/ticket-table';
import { useTicketPages } from '../tickets/use-ticket-pages';

/** Tickets: filters kept in the address (so Back from a ticket finds them again), table, paging. */
export default function TicketsPage({ query }: PageProps) {
  const { api } = useSession();
  const filters = useMemo(() => filtersFrom(query), [query]);
  const apiQuery = useMemo(() => apiQueryOf(filters), [filters]);
  const pages = useTicketPages(api, apiQuery);
  const beneficiaries = useBeneficiariesByName();
  const onChange = (next: TicketFilters): void => replaceHashQuery('/tickets', queryOf(next));
  // "Charger plus" moves the focus to the first new row, so keyboard users continue where it starts.
  const pendingFocus = useRef<number | undefined>(undefined);
  const loadMore = (): void => {
    if (pages.state.status === 'ready') pendingFocus.current = pages.state.items.length;
    pages.loadMore();
  };

  return (
    <>
      <FilterBar filters={filters} beneficiaries={beneficiaries} onChange={onChange} />
      <PagedList
        pages={{ ...pages, loadMore }}
        noun={{ one: 'ticket', many: 'tickets', title: 'Tickets' }}
        empty="Aucun ticket ne correspond à ces critères."
        allShown="tous les tickets sont affichés"
      >
        {(items) => (
          <TicketTable
            tickets={items}
            showBeneficiary={beneficiaries.length > 1}
            pendingFocus={pendingFocus}
          />
        )}
      </PagedList>
    </>
  );
}
