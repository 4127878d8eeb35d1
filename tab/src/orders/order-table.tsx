import { Badge, Caption1, Link, TableCell, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { OrderSummary } from '../api/types';
import { ListTable, useTableStyles } from '../components/list-table';
import { orderHref } from '../navigation/routes';
import { formatEuros, formatLocalDate, ORDER_STATUS_LABELS } from '../quotes/quote-format';

/** The order list: each row's link opens the order. */
export function OrderTable({
  orders,
  showBeneficiary,
}: {
  orders: readonly OrderSummary[];
  showBeneficiary: boolean;
}) {
  const styles = useTableStyles();
  return (
    <ListTable
      label="Commandes"
      head={
        <>
          <TableHeaderCell>Bon de commande</TableHeaderCell>
          {showBeneficiary && <TableHeaderCell className={styles.secondary}>Bénéficiaire</TableHeaderCell>}
          <TableHeaderCell>Statut</TableHeaderCell>
          <TableHeaderCell className={styles.secondary}>Période</TableHeaderCell>
          <TableHeaderCell className={styles.number}>Total TTC</TableHeaderCell>
        </>
      }
    >
      {orders.map((order) => (
        <TableRow key={order.id}>
          <TableCell>
            <div className={styles.stack}>
              <Link data-order-link className={styles.title} href={orderHref(order.beneficiaryId, order.id)}>
                {order.number}
              </Link>
              <Caption1>
                {order.quote.number} — {order.quote.subject}
              </Caption1>
            </div>
          </TableCell>
          {showBeneficiary && <TableCell className={styles.secondary}>{order.beneficiaryName}</TableCell>}
          <TableCell>
            <Badge appearance="tint" color={order.status === 'cancelled' ? 'danger' : 'brand'}>
              {ORDER_STATUS_LABELS[order.status]}
            </Badge>
          </TableCell>
          <TableCell className={styles.secondary}>
            du {formatLocalDate(order.period.start)} au {formatLocalDate(order.period.end)}
          </TableCell>
          <TableCell className={styles.number}>{formatEuros(order.totals.ttcCents)}</TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
