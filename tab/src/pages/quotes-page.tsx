import { useCallback } from 'react';
import { listQuotes } from '../api/quotes';
import { useSession } from '../auth/auth-context';
import { BeneficiaryChoice, Choice, FilterChoices } from '../components/filter-choices';
import { PagedList } from '../components/paged-list';
import { useBeneficiariesByName } from '../hooks/use-beneficiaries';
import { usePages } from '../hooks/use-pages';
import type { PageProps } from '../navigation/routes';
import { queryParamSetter } from '../navigation/use-hash-location';
import { QUOTE_STATUS_LABELS } from '../quotes/quote-format';
import { QuoteTable } from '../quotes/quote-table';

const STATUSES = ['requested', 'in-preparation', 'sent', 'accepted', 'declined', 'expired'] as const;

/** Devis: filters kept in the address, table with the answer deadline, paging. */
export default function QuotesPage({ query }: PageProps) {
  const { api } = useSession();
  const status = query.get('status') ?? '';
  const beneficiary = query.get('beneficiary') ?? '';
  const sort = query.get('sort') === 'due' ? 'due' : 'recent';
  const fetchPage = useCallback(
    (page: { limit: number; continuationToken?: string }, signal: AbortSignal) =>
      listQuotes(api, { status, beneficiary, sort, ...page }, signal),
    [api, status, beneficiary, sort],
  );
  const pages = usePages(fetchPage);
  const beneficiaries = useBeneficiariesByName();
  const set = queryParamSetter('/devis', query, { sort: 'recent' });

  return (
    <>
      <FilterChoices label="Filtrer les devis">
        <Choice label="Statut" value={status} onChange={set('status')}>
          <option value="">Tous</option>
          <option value="open">En cours (demandés, en préparation, envoyés)</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {QUOTE_STATUS_LABELS[s]}
            </option>
          ))}
        </Choice>
        <BeneficiaryChoice
          beneficiaries={beneficiaries}
          value={beneficiary}
          onChange={set('beneficiary')}
          all="Tous"
        />
        <Choice label="Trier par" value={sort} onChange={set('sort')}>
          <option value="recent">Les plus récents</option>
          <option value="due">Date limite la plus proche</option>
        </Choice>
      </FilterChoices>
      <PagedList
        pages={pages}
        noun={{ one: 'devis', many: 'devis', title: 'Devis' }}
        empty="Aucun devis ne correspond à ces critères."
      >
        {(items) => <QuoteTable quotes={items} showBeneficiary={beneficiaries.length > 1} />}
      </PagedList>
    </>
  );
}
