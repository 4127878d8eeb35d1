import { useEffect, useRef, type MouseEvent, type RefObject } from 'react';
import {
  Caption1,
  Link,
  makeStyles,
  mergeClasses,
  TableCell,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { TicketSummary } from '../api/types';
import { ListTable, NARROW, useTableStyles } from '../components/list-table';
import { SeverityBadge, StatusBadge } from '../components/ticket-badges';
import { formatRelative } from '../format/dates';
import { ticketHref } from '../navigation/routes';
import { FirstResponseCell } from './first-response-cell';

const useStyles = makeStyles({
  row: { cursor: 'pointer' },
  gap: { rowGap: tokens.spacingVerticalXXS },
  // On a phone the severity column goes (see `secondary`) and the badge moves into the ticket cell.
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
  const styles = useTableStyles();
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    const row = pendingFocus.current;
    if (row === undefined || row >= tickets.length) return;
    pendingFocus.current = undefined;
    body.current?.querySelectorAll<HTMLAnchorElement>('a[data-ticket-link]')[row]?.focus();
  }, [tickets.length, pendingFocus]);
  const now = Date.now();

  return (
    <ListTable
      label="Tickets"
      bodyRef={body}
      head={
        <>
          <TableHeaderCell>Ticket</TableHeaderCell>
          {showBeneficiary && <TableHeaderCell className={styles.secondary}>Bénéficiaire</TableHeaderCell>}
          <TableHeaderCell className={styles.secondary}>Gravité</TableHeaderCell>
          <TableHeaderCell>Statut</TableHeaderCell>
          <TableHeaderCell className={styles.secondary}>Reçu</TableHeaderCell>
          <TableHeaderCell>Première réponse</TableHeaderCell>
        </>
      }
    >
      {tickets.map((ticket) => (
        <TicketRow key={ticket.id} ticket={ticket} showBeneficiary={showBeneficiary} now={now} />
      ))}
    </ListTable>
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
  const shared = useTableStyles();
  const styles = useStyles();
  return (
    <TableRow className={styles.row} onClick={(event) => open(event, ticket)}>
      <TableCell>
        <div className={mergeClasses(shared.stack, styles.gap)}>
          <Caption1>{ticket.number}</Caption1>
          <Link data-ticket-link className={shared.title} href={ticketHref(ticket.beneficiaryId, ticket.id)}>
            {ticket.title}
          </Link>
          <span className={styles.narrowOnly}>
            <SeverityBadge severity={ticket.severity} />
          </span>
        </div>
      </TableCell>
      {showBeneficiary && <TableCell className={shared.secondary}>{ticket.beneficiaryName}</TableCell>}
      <TableCell className={shared.secondary}>
        <SeverityBadge severity={ticket.severity} />
      </TableCell>
      <TableCell>
        <StatusBadge status={ticket.status} />
      </TableCell>
      <TableCell className={shared.secondary}>
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
