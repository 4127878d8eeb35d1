import { useCallback } from 'react';
import { Caption1 } from '@fluentui/react-components';
import { useSession } from '../auth/auth-context';
import { AsyncContent } from '../components/async-content';
import { StatusCard } from '../components/status-card';
import { formatRelative } from '../format/dates';
import { useAsync } from '../hooks/use-async';
import { loadRecent } from './dashboard-data';
import { TicketLine, TicketLines } from './ticket-line';

/** The tickets changed last, with how long ago. */
export function RecentTickets() {
  const { api } = useSession();
  const load = useCallback((signal: AbortSignal) => loadRecent(api, signal), [api]);
  const [state, reload] = useAsync(load);
  // Read once per load: "il y a 5 minutes" need not tick like the countdowns.
  const now = Date.now();
  return (
    <StatusCard id="recents" title="Modifiés récemment">
      <AsyncContent
        state={state}
        loading="Chargement des derniers tickets…"
        failed="Derniers tickets indisponibles."
        onRetry={reload}
        empty={{ when: (tickets) => tickets.length === 0, text: 'Aucun ticket pour le moment.' }}
      >
        {(tickets) => (
          <TicketLines label="Tickets modifiés récemment">
            {tickets.map((ticket) => (
              <TicketLine key={ticket.id} ticket={ticket}>
                <Caption1>
                  modifié <time dateTime={ticket.updatedAt}>{formatRelative(ticket.updatedAt, now)}</time>
                </Caption1>
              </TicketLine>
            ))}
          </TicketLines>
        )}
      </AsyncContent>
    </StatusCard>
  );
}
