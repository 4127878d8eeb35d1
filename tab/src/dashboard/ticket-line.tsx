import type { ReactNode } from 'react';
import { Caption1 } from '@fluentui/react-components';
import type { TicketSummary } from '../api/types';
import { SeverityBadge, StatusBadge } from '../components/ticket-badges';
import { ticketHref } from '../navigation/routes';
import { DashboardLine, DashboardLines } from './dashboard-lines';

/** A short list of tickets, one `TicketLine` each. */
export const TicketLines = DashboardLines;

/** One ticket in a dashboard list: number and title (a link to its page), then what matters now. */
export function TicketLine({ ticket, children }: { ticket: TicketSummary; children?: ReactNode }) {
  return (
    <DashboardLine
      href={ticketHref(ticket.beneficiaryId, ticket.id)}
      title={`${ticket.number} — ${ticket.title}`}
    >
      <SeverityBadge severity={ticket.severity} />
      <StatusBadge status={ticket.status} />
      <Caption1>{ticket.beneficiaryName}</Caption1>
      {children}
    </DashboardLine>
  );
}
