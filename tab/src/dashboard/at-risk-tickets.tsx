import { useCallback } from 'react';
import { Caption1, Link } from '@fluentui/react-components';
import { useSession } from '../auth/auth-context';
import { AsyncContent } from '../components/async-content';
import { Countdown } from '../components/countdown';
import { StatusCard } from '../components/status-card';
import { useAsync } from '../hooks/use-async';
import { ticketsHref } from '../navigation/routes';
import { loadAtRisk } from './dashboard-data';
import { TicketLine, TicketLines } from './ticket-line';

/** Tickets waiting for their first response, each with a live countdown to its due time. */
export function AtRiskTickets() {
  const { api } = useSession();
  const load = useCallback((signal: AbortSignal) => loadAtRisk(api, signal), [api]);
  const [state, reload] = useAsync(load);
  return (
    <StatusCard id="premiere-reponse" title="Première réponse en attente" live={false}>
      <AsyncContent
        state={state}
        loading="Chargement des tickets en attente…"
        failed="Tickets en attente indisponibles."
        onRetry={reload}
        empty={{
          when: (tickets) => tickets.length === 0,
          text: "Aucun ticket n'attend sa première réponse.",
        }}
      >
        {(tickets) => (
          <>
            <TicketLines label="Tickets en attente de première réponse">
              {tickets.map((ticket) => (
                <TicketLine key={ticket.id} ticket={ticket}>
                  <Caption1>
                    Première réponse <Countdown dueAt={ticket.firstResponseDueAt} />
                  </Caption1>
                </TicketLine>
              ))}
            </TicketLines>
            <Link href={ticketsHref({ status: 'new', sort: 'urgent' })}>
              Voir tous les tickets en attente
            </Link>
          </>
        )}
      </AsyncContent>
    </StatusCard>
  );
}
