import { useCallback } from 'react';
import { Badge, Caption1, Link } from '@fluentui/react-components';
import { useSession } from '../auth/auth-context';
import { AsyncContent } from '../components/async-content';
import { StatusCard } from '../components/status-card';
import { useAsync } from '../hooks/use-async';
import { orderHref, ordersHref } from '../navigation/routes';
import { formatEuros, ORDER_STATUS_LABELS } from '../quotes/quote-format';
import { loadOrdersUnderWay } from './commercial-data';
import { DashboardLine, DashboardLines } from './dashboard-lines';

/** "Commandes en cours": orders issued and not yet attested done, nor cancelled. */
export function OrdersUnderWay() {
  const { api } = useSession();
  const load = useCallback((signal: AbortSignal) => loadOrdersUnderWay(api, signal), [api]);
  const [state, reload] = useAsync(load);
  return (
    <StatusCard id="commandes-en-cours" title="Commandes en cours">
      <AsyncContent
        state={state}
        loading="Chargement des commandes en cours…"
        failed="Commandes en cours indisponibles."
        onRetry={reload}
        empty={{ when: (orders) => orders.length === 0, text: "Aucune commande n'est en cours." }}
      >
        {(orders) => (
          <>
            <DashboardLines label="Commandes en cours">
              {orders.map((order) => (
                <DashboardLine
                  key={order.id}
                  href={orderHref(order.beneficiaryId, order.id)}
                  title={`${order.number} — ${order.quote.subject}`}
                >
                  <Badge appearance="tint" color="brand">
                    {ORDER_STATUS_LABELS[order.status]}
                  </Badge>
                  <Caption1>{order.beneficiaryName}</Caption1>
                  <Caption1>{formatEuros(order.totals.ttcCents)} TTC</Caption1>
                </DashboardLine>
              ))}
            </DashboardLines>
            <Link href={ordersHref()}>Voir toutes les commandes</Link>
          </>
        )}
      </AsyncContent>
    </StatusCard>
  );
}
