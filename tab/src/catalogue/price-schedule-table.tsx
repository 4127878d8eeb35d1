import {
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { PriceSchedule } from '../api/types';
import { formatEuros, LEVEL_LABELS } from '../quotes/quote-format';

const NARROW = '@media (max-width: 640px)';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { minWidth: '300px' },
  cell: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    paddingBlock: tokens.spacingVerticalS,
  },
  label: { overflowWrap: 'anywhere' },
  code: { whiteSpace: 'nowrap', [NARROW]: { display: 'none' } },
  price: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
});

/** The price schedule (BPU) in force: one row per line, its price excluding VAT per day or month. */
export function PriceScheduleTable({ schedule }: { schedule: PriceSchedule }) {
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <Table
        className={styles.table}
        aria-label={`Bordereau des prix unitaires, version ${schedule.version}`}
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.code}>Code</TableHeaderCell>
            <TableHeaderCell>Prestation</TableHeaderCell>
            <TableHeaderCell className={styles.price}>Prix unitaire HT</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {schedule.lines.map((line) => (
            <TableRow key={line.code} data-price-line={line.code}>
              <TableCell className={styles.code}>{line.code}</TableCell>
              <TableCell>
                <div className={styles.cell}>
                  <span className={styles.label}>
                    {line.label}
                    {line.level ? ` — ${LEVEL_LABELS[line.level]}` : ''}
                  </span>
                  <Caption1>{line.kindLabel}</Caption1>
                </div>
              </TableCell>
              <TableCell className={styles.price}>
                {formatEuros(line.unitPriceCents)} / {line.unit}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
