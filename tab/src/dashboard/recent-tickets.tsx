import { Caption1 } from '@fluentui/react-components';
import type { TicketSummary } from '../api/types';
import { formatRelative } from '../format/dates';
import { loadRecent } from './dashboard-data';
import { DataTile } from './data-tile';
import { TicketLine, TicketLines } from './ticket-line';

/** The tickets changed last, with how long ago. */
export function RecentTickets() {
  return (
    <DataTile
      id="recents"
      title="Modifiés récemment"
      load={loadRecent}
      loading="Chargement des derniers tickets…"
      failed="Derniers tickets indisponibles."
      empty="Aucun ticket pour le moment."
    >
      {(tickets) => <RecentLines tickets={tickets} />}
    </DataTile>
  );
}

function RecentLines({ tickets }: { tickets: readonly TicketSummary[] }) {
  // Read once per load: "il y a 5 minutes" need not tick like the countdowns.
  const now = Date.now();
  return (
    <TicketLines label="Tickets modifiés récemment">
      {tickets.map((ticket) => (
        <TicketLine key={ticket.id} ticket={ticket}>
          <Caption1>
            modifié <time dateTime={ticket.updatedAt}>{formatRelative(ticket.updatedAt, now)}</time>
          </Caption1>
        </TicketLine>
      ))}
    </TicketLines>
  );
}
