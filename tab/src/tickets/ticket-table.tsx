import { useEffect, useRef, type MouseEvent, type RefObject } from 'react';
import {
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
import type { TicketSummary } from '../api/types';
import { SeverityBadge, StatusBadge } from '../components/ticket-badges';
import { formatRelative } from '../format/dates';
import { ticketHref } from '../navigation/routes';
import { FirstResponseCell } from './first-response-cell';

const NARROW = '@media (max-width: 640px)';

const useStyles = makeStyles({
  // Scrolls sideways rather than squeezing columns when even the narrow layout does not fit.
  scroller: { overflowX: 'auto' },
  table: { minWidth: '320px' },
  row: { cursor: 'pointer' },
  ticket: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
  },
  title: { overflowWrap: 'anywhere' },
  // Columns a phone can do without: the detail page has them (severity moves into the ticket cell).
  secondary: { [NARROW]: { display: 'none' } },
  narrowOnly: { display: 'none', [NARROW]: { display: 'inline-flex' } },
  // On a phone the countdown may take two lines rather than push the table sideways.
  response: { [NARROW]: { '& [role="timer"]': { whiteSpace: 'normal' } } },
});

interface TicketTableProps {
  tickets: readonly TicketSummary[];
  showBeneficiary: boolean;
  /**
   * Row whose link gets the focus once it exists (the first of the page "Charger plus" appends), so
   * keyboard users continue where the new rows start; cleared once done.
   */
  pendingFocus: RefObject<number | undefined>;
}

/** The ticket list: each row opens the ticket; the link in it is the keyboard and screen-reader way. */
export function TicketTable({ tickets, showBeneficiary, pendingFocus }: TicketTableProps) {
  const styles = useStyles();
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    const row = pendingFocus.current;
    if (row === undefined || row >= tickets.length) return;
    pendingFocus.current = undefined;
    body.current?.querySelectorAll<HTMLAnchorElement>('a[data-ticket-link]')[row]?.focus();
  }, [tickets.length, pendingFocus]);
  const now = Date.now();

  return (
    <div className={styles.scroller}>
      <Table className={styles.table} aria-label="Tickets">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Ticket</TableHeaderCell>
            {showBeneficiary && <TableHeaderCell className={styles.secondary}>Bénéficiaire</TableHeaderCell>}
            <TableHeaderCell className={styles.secondary}>Gravité</TableHeaderCell>
            <TableHeaderCell>Statut</TableHeaderCell>
            <TableHeaderCell className={styles.secondary}>Reçu</TableHeaderCell>
            <TableHeaderCell>Première réponse</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody ref={body}>
          {tickets.map((ticket) => (
            <TicketRow key={ticket.id} ticket={ticket} showBeneficiary={showBeneficiary} now={now} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function TicketRow({
  ticket,
  showBeneficiary,
  now,
}: {
  ticket: TicketSummary;
  showBeneficiary: boolean;
  now: number;
}) {
  const styles = useStyles();
  return (
    <TableRow className={styles.row} onClick={(event) => open(event, ticket)}>
      <TableCell>
        <div className={styles.ticket}>
          <Caption1>{ticket.number}</Caption1>
          <Link data-ticket-link className={styles.title} href={ticketHref(ticket.beneficiaryId, ticket.id)}>
            {ticket.title}
          </Link>
          <span className={styles.narrowOnly}>
            <SeverityBadge severity={ticket.severity} />
          </span>
        </div>
      </TableCell>
      {showBeneficiary && <TableCell className={styles.secondary}>{ticket.beneficiaryName}</TableCell>}
      <TableCell className={styles.secondary}>
        <SeverityBadge severity={ticket.severity} />
      </TableCell>
      <TableCell>
        <StatusBadge status={ticket.status} />
      </TableCell>
      <TableCell className={styles.secondary}>
        <time dateTime={ticket.receivedAt}>{formatRelative(ticket.receivedAt, now)}</time>
      </TableCell>
      <TableCell className={styles.response}>
        <FirstResponseCell ticket={ticket} />
      </TableCell>
    </TableRow>
  );
}

/** A click anywhere on the row opens the ticket, except on the link, which does it already. */
function open(event: MouseEvent, ticket: TicketSummary): void {
  if ((event.target as HTMLElement).closest('a')) return;
  window.location.hash = ticketHref(ticket.beneficiaryId, ticket.id);
}
