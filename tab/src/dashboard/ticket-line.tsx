import type { ReactNode } from 'react';
import { Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { TicketSummary } from '../api/types';
import { SeverityBadge, StatusBadge } from '../components/ticket-badges';
import { ticketHref } from '../navigation/routes';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    width: '100%',
  },
  line: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { overflowWrap: 'anywhere' },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
});

/** A short list of tickets, one `TicketLine` each. */
export function TicketLines({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className={useStyles().list} aria-label={label}>
      {children}
    </ul>
  );
}

/** One ticket in a dashboard list: number and title (a link to its page), then what matters now. */
export function TicketLine({ ticket, children }: { ticket: TicketSummary; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <li className={styles.line}>
      <Link className={styles.title} href={ticketHref(ticket.beneficiaryId, ticket.id)}>
        {ticket.number} — {ticket.title}
      </Link>
      <div className={styles.meta}>
        <SeverityBadge severity={ticket.severity} />
        <StatusBadge status={ticket.status} />
        <Caption1>{ticket.beneficiaryName}</Caption1>
        {children}
      </div>
    </li>
  );
}
