import {
  Caption1,
  makeStyles,
  mergeClasses,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { PriceSchedule } from '../api/types';
import { ListTable, useTableStyles } from '../components/list-table';
import { formatEuros, LEVEL_LABELS } from '../quotes/quote-format';

const useStyles = makeStyles({
  table: { minWidth: '300px' },
  nowrap: { whiteSpace: 'nowrap' },
});

/** The price schedule (BPU) in force: one row per line, its price excluding VAT per day or month. */
export function PriceScheduleTable({ schedule }: { schedule: PriceSchedule }) {
  const shared = useTableStyles();
  const styles = useStyles();
  const code = mergeClasses(styles.nowrap, shared.secondary);
  return (
    <ListTable
      label={`Bordereau des prix unitaires, version ${schedule.version}`}
      className={styles.table}
      head={
        <>
          <TableHeaderCell className={code}>Code</TableHeaderCell>
          <TableHeaderCell>Prestation</TableHeaderCell>
          <TableHeaderCell className={shared.number}>Prix unitaire HT</TableHeaderCell>
        </>
      }
    >
      {schedule.lines.map((line) => (
        <TableRow key={line.code} data-price-line={line.code}>
          <TableCell className={code}>{line.code}</TableCell>
          <TableCell>
            <div className={shared.stack}>
              <span className={shared.title}>
                {line.label}
                {line.level ? ` — ${LEVEL_LABELS[line.level]}` : ''}
              </span>
              <Caption1>{line.kindLabel}</Caption1>
            </div>
          </TableCell>
          <TableCell className={shared.number}>
            {formatEuros(line.unitPriceCents)} / {line.unit}
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
