import {
  Badge,
  Caption1,
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { OrderSummary } from '../api/types';
import { orderHref } from '../navigation/routes';
import { formatEuros, formatLocalDate, ORDER_STATUS_LABELS } from '../quotes/quote-format';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { minWidth: '320px' },
  cell: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    paddingBlock: tokens.spacingVerticalS,
  },
  title: { overflowWrap: 'anywhere' },
  secondary: { '@media (max-width: 640px)': { display: 'none' } },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
});

/** The order list: each row's link opens the order. */
export function OrderTable({
  orders,
  showBeneficiary,
}: {
  orders: readonly OrderSummary[];
  showBeneficiary: boolean;
}) {
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <Table className={styles.table} aria-label="Commandes">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Bon de commande</TableHeaderCell>
            {showBeneficiary && <TableHeaderCell className={styles.secondary}>Bénéficiaire</TableHeaderCell>}
            <TableHeaderCell>Statut</TableHeaderCell>
            <TableHeaderCell className={styles.secondary}>Période</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Total TTC</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {orders.map((order) => (
            <TableRow key={order.id}>
              <TableCell>
                <div className={styles.cell}>
                  <Link
                    data-order-link
                    className={styles.title}
                    href={orderHref(order.beneficiaryId, order.id)}
                  >
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
        </TableBody>
      </Table>
    </div>
  );
}
