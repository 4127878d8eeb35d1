import { useCallback } from 'react';
import { listOrders } from '../api/orders';
import type { OrderStatus } from '../api/types';
import { useSession } from '../auth/auth-context';
import { BeneficiaryChoice, Choice, FilterChoices } from '../components/filter-choices';
import { PagedList } from '../components/paged-list';
import { useBeneficiariesByName } from '../hooks/use-beneficiaries';
import { usePages } from '../hooks/use-pages';
import type { PageProps } from '../navigation/routes';
import { queryParamSetter } from '../navigation/use-hash-location';
import { OrderTable } from '../orders/order-table';
import { ORDER_STATUS_LABELS } from '../quotes/quote-format';

/** Commandes: the purchase orders issued by accepted quotes, filtered and paged. */
export default function OrdersPage({ query }: PageProps) {
  const { api } = useSession();
  const status = query.get('status') ?? '';
  const beneficiary = query.get('beneficiary') ?? '';
  const fetchPage = useCallback(
    (page: { limit: number; continuationToken?: string }, signal: AbortSignal) =>
      listOrders(api, { status, beneficiary, ...page }, signal),
    [api, status, beneficiary],
  );
  const pages = usePages(fetchPage);
  const beneficiaries = useBeneficiariesByName();
  const set = queryParamSetter('/commandes', query);
  return (
    <>
      <FilterChoices label="Filtrer les commandes">
        <Choice label="Statut" value={status} onChange={set('status')}>
          <option value="">Tous</option>
          <option value="open">En cours (ni payées ni annulées)</option>
          {(Object.entries(ORDER_STATUS_LABELS) as [OrderStatus, string][]).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Choice>
        <BeneficiaryChoice
          beneficiaries={beneficiaries}
          value={beneficiary}
          onChange={set('beneficiary')}
          all="Tous"
        />
      </FilterChoices>
      <PagedList
        pages={pages}
        noun={{ one: 'commande', many: 'commandes', title: 'Commandes' }}
        empty="Aucune commande ne correspond à ces critères."
      >
        {(items) => <OrderTable orders={items} showBeneficiary={beneficiaries.length > 1} />}
      </PagedList>
    </>
  );
}
