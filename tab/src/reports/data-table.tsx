import type { ReactNode } from 'react';
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

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  caption: {
    textAlign: 'start',
    color: tokens.colorNeutralForeground2,
    paddingBlockEnd: tokens.spacingVerticalXS,
  },
});

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
}

/** The text alternative of a chart: the same figures as a table, with a caption naming it. */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
}) {
  const styles = useStyles();
  return (
    <div className={styles.scroll}>
      <Table size="small" aria-label={caption} data-chart-alternative="">
        <caption className={styles.caption}>{caption}</caption>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c.header} className={c.numeric ? styles.number : undefined}>
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)}>
              {columns.map((c) => (
                <TableCell key={c.header} className={c.numeric ? styles.number : undefined}>
                  {c.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
