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
import type { QuoteSummary } from '../api/types';
import { quoteHref } from '../navigation/routes';
import { DueCountdown } from './due-countdown';
import { formatEuros, QUOTE_STATUS_LABELS } from './quote-format';

const NARROW = '@media (max-width: 640px)';

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
  secondary: { [NARROW]: { display: 'none' } },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
});

/** The quote list: each row's link opens the quote. */
export function QuoteTable({
  quotes,
  showBeneficiary,
}: {
  quotes: readonly QuoteSummary[];
  showBeneficiary: boolean;
}) {
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <Table className={styles.table} aria-label="Devis">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Devis</TableHeaderCell>
            {showBeneficiary && <TableHeaderCell className={styles.secondary}>Bénéficiaire</TableHeaderCell>}
            <TableHeaderCell>Statut</TableHeaderCell>
            <TableHeaderCell>À envoyer au plus tard</TableHeaderCell>
            <TableHeaderCell className={`${styles.secondary} ${styles.number}`}>Total TTC</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {quotes.map((quote) => (
            <TableRow key={quote.id}>
              <TableCell>
                <div className={styles.cell}>
                  <Caption1>{quote.number}</Caption1>
                  <Link
                    data-quote-link
                    className={styles.title}
                    href={quoteHref(quote.beneficiaryId, quote.id)}
                  >
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
              <TableCell className={`${styles.secondary} ${styles.number}`}>
                {quote.latest ? formatEuros(quote.latest.totals.ttcCents) : '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
