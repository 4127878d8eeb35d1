import { Badge, Caption1, Link } from '@fluentui/react-components';
import { orderHref, ordersHref } from '../navigation/routes';
import { formatEuros, ORDER_STATUS_LABELS } from '../quotes/quote-format';
import { loadOrdersUnderWay } from './commercial-data';
import { DashboardLine, DashboardLines } from './dashboard-lines';
import { DataTile } from './data-tile';

/** "Commandes en cours": orders issued and not yet attested done, nor cancelled. */
export function OrdersUnderWay() {
  return (
    <DataTile
      id="commandes-en-cours"
      title="Commandes en cours"
      load={loadOrdersUnderWay}
      loading="Chargement des commandes en cours…"
      failed="Commandes en cours indisponibles."
      empty="Aucune commande n'est en cours."
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
    </DataTile>
  );
}
