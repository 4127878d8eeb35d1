import {
  Badge,
  Caption1,
  Link,
  mergeClasses,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { QuoteSummary } from '../api/types';
import { ListTable, useTableStyles } from '../components/list-table';
import { quoteHref } from '../navigation/routes';
import { DueCountdown } from './due-countdown';
import { formatEuros, QUOTE_STATUS_LABELS } from './quote-format';

/** The quote list: each row's link opens the quote. */
export function QuoteTable({
  quotes,
  showBeneficiary,
}: {
  quotes: readonly QuoteSummary[];
  showBeneficiary: boolean;
}) {
  const styles = useTableStyles();
  const total = mergeClasses(styles.secondary, styles.number);
  return (
    <ListTable
      label="Devis"
      head={
        <>
          <TableHeaderCell>Devis</TableHeaderCell>
          {showBeneficiary && <TableHeaderCell className={styles.secondary}>Bénéficiaire</TableHeaderCell>}
          <TableHeaderCell>Statut</TableHeaderCell>
          <TableHeaderCell>À envoyer au plus tard</TableHeaderCell>
          <TableHeaderCell className={total}>Total TTC</TableHeaderCell>
        </>
      }
    >
      {quotes.map((quote) => (
        <TableRow key={quote.id}>
          <TableCell>
            <div className={styles.stack}>
              <Caption1>{quote.number}</Caption1>
              <Link data-quote-link className={styles.title} href={quoteHref(quote.beneficiaryId, quote.id)}>
                {quote.request.subject}
              </Link>
            </div>
          </TableCell>
          {showBeneficiary && <TableCell className={styles.secondary}>{quote.beneficiaryName}</TableCell>}
          <TableCell>
            <Badge appearance="tint" color="brand">
              {QUOTE_STATUS_LABELS[quote.status]}
            </Badge>
          </TableCell>
          <TableCell>
            <DueCountdown quote={quote} />
          </TableCell>
          <TableCell className={total}>
            {quote.latest ? formatEuros(quote.latest.totals.ttcCents) : '—'}
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
