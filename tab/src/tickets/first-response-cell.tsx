import { Caption1 } from '@fluentui/react-components';
import type { TicketSummary } from '../api/types';
import { Countdown } from '../components/countdown';

/** Where the first response stands: given (on time or late), or the live countdown to its due time. */
export function FirstResponseCell({ ticket }: { ticket: TicketSummary }) {
  if (ticket.firstResponse) {
    return (
      <Caption1>{ticket.firstResponse.onTime ? 'Donnée dans les délais' : 'Donnée hors délai'}</Caption1>
    );
  }
  if (ticket.status === 'resolved' || ticket.status === 'closed') return <Caption1>—</Caption1>;
  return <Countdown dueAt={ticket.firstResponseDueAt} />;
}
