import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { Amounts, PriceLine } from '../api/types';
import { formatEuros, formatQuantity, formatVatRate } from './quote-format';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  total: { fontWeight: tokens.fontWeightSemibold },
});

/** One costed line, where it sits in the calendar. */
export interface CostedLine {
  key: string;
  where: string;
  line: PriceLine;
  quantity: number;
  profile?: string;
  amountHtCents: number;
}

/** The costed lines and the totals HT, VAT, TTC of a quote version or an order. */
export function AmountsTable({
  caption,
  lines,
  totals,
  vatRateBp,
}: {
  caption: string;
  lines: readonly CostedLine[];
  totals: Amounts;
  vatRateBp: number;
}) {
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <Table aria-label={caption} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Phase / livrable</TableHeaderCell>
            <TableHeaderCell>Ligne du BPU</TableHeaderCell>
            <TableHeaderCell>Profil</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Quantité</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Prix unitaire HT</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Montant HT</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {lines.map((l) => (
            <TableRow key={l.key}>
              <TableCell>{l.where}</TableCell>
              <TableCell>
                {l.line.code} — {l.line.label}
              </TableCell>
              <TableCell>{l.profile ?? '—'}</TableCell>
              <TableCell className={styles.number}>{formatQuantity(l.quantity, l.line.unit)}</TableCell>
              <TableCell className={styles.number}>{formatEuros(l.line.unitPriceCents)}</TableCell>
              <TableCell className={styles.number}>{formatEuros(l.amountHtCents)}</TableCell>
            </TableRow>
          ))}
          <TableRow className={styles.total}>
            <TableCell colSpan={5}>Total HT</TableCell>
            <TableCell className={styles.number}>{formatEuros(totals.htCents)}</TableCell>
          </TableRow>
          <TableRow className={styles.total}>
            <TableCell colSpan={5}>TVA {formatVatRate(vatRateBp)}</TableCell>
            <TableCell className={styles.number}>{formatEuros(totals.vatCents)}</TableCell>
          </TableRow>
          <TableRow className={styles.total}>
            <TableCell colSpan={5}>Total TTC</TableCell>
            <TableCell className={styles.number}>{formatEuros(totals.ttcCents)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}
