import { makeStyles, TableCell, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import type { Amounts, PriceLine } from '../api/types';
import { ListTable, useTableStyles } from '../components/list-table';
import { formatEuros, formatQuantity, formatVatRate } from './quote-format';

const useStyles = makeStyles({
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
  const shared = useTableStyles();
  const styles = useStyles();
  return (
    <ListTable
      label={caption}
      kind="figures"
      head={
        <>
          <TableHeaderCell>Phase / livrable</TableHeaderCell>
          <TableHeaderCell>Ligne du BPU</TableHeaderCell>
          <TableHeaderCell>Profil</TableHeaderCell>
          <TableHeaderCell className={shared.number}>Quantité</TableHeaderCell>
          <TableHeaderCell className={shared.number}>Prix unitaire HT</TableHeaderCell>
          <TableHeaderCell className={shared.number}>Montant HT</TableHeaderCell>
        </>
      }
    >
      {lines.map((l) => (
        <TableRow key={l.key}>
          <TableCell>{l.where}</TableCell>
          <TableCell>
            {l.line.code} — {l.line.label}
          </TableCell>
          <TableCell>{l.profile ?? '—'}</TableCell>
          <TableCell className={shared.number}>{formatQuantity(l.quantity, l.line.unit)}</TableCell>
          <TableCell className={shared.number}>{formatEuros(l.line.unitPriceCents)}</TableCell>
          <TableCell className={shared.number}>{formatEuros(l.amountHtCents)}</TableCell>
        </TableRow>
      ))}
      {[
        { label: 'Total HT', cents: totals.htCents },
        { label: `TVA ${formatVatRate(vatRateBp)}`, cents: totals.vatCents },
        { label: 'Total TTC', cents: totals.ttcCents },
      ].map(({ label, cents }) => (
        <TableRow key={label} className={styles.total}>
          <TableCell colSpan={5}>{label}</TableCell>
          <TableCell className={shared.number}>{formatEuros(cents)}</TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
