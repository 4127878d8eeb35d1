import type { ReactNode, Ref } from 'react';
import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableHeader,
  TableRow,
  tokens,
} from '@fluentui/react-components';

/** Where a table drops its secondary columns. */
export const NARROW = '@media (max-width: 640px)';

/** The cells the app's tables share. */
export const useTableStyles = makeStyles({
  // Scrolls sideways rather than squeezing columns when even the narrow layout does not fit.
  scroller: { overflowX: 'auto' },
  /** The row's main cell: a caption and a title (link) one above the other. */
  stack: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    paddingBlock: tokens.spacingVerticalS,
  },
  title: { overflowWrap: 'anywhere' },
  // Columns a phone can do without: the document's own page has them.
  secondary: { [NARROW]: { display: 'none' } },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
});

const useStyles = makeStyles({
  list: { minWidth: '320px' },
});

interface ListTableProps {
  /** The table's accessible name. */
  label: string;
  /** The header cells. */
  head: ReactNode;
  /** The rows. */
  children: ReactNode;
  /** A list (each row a document) keeps a minimum width; a small table of figures sizes to its content. */
  kind?: 'list' | 'figures';
  /** Layout overrides of the table (another minimum width). */
  className?: string;
  bodyRef?: Ref<HTMLTableSectionElement>;
}

/** A Fluent table in a sideways scroller, so a phone scrolls it instead of squeezing it. */
export function ListTable({ label, head, children, kind = 'list', className, bodyRef }: ListTableProps) {
  const shared = useTableStyles();
  const styles = useStyles();
  return (
    <div className={shared.scroller}>
      <Table
        className={mergeClasses(kind === 'list' && styles.list, className)}
        aria-label={label}
        size={kind === 'figures' ? 'small' : undefined}
      >
        <TableHeader>
          <TableRow>{head}</TableRow>
        </TableHeader>
        <TableBody ref={bodyRef}>{children}</TableBody>
      </Table>
    </div>
  );
}
