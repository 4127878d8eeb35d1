import { Caption1, Link } from '@fluentui/react-components';
import { Countdown } from '../components/countdown';
import { ticketsHref } from '../navigation/routes';
import { loadAtRisk } from './dashboard-data';
import { DataTile } from './data-tile';
import { TicketLine, TicketLines } from './ticket-line';

/** Tickets waiting for their first response, each with a live countdown to its due time. */
export function AtRiskTickets() {
  return (
    <DataTile
      id="premiere-reponse"
      title="Première réponse en attente"
      live={false}
      load={loadAtRisk}
      loading="Chargement des tickets en attente…"
      failed="Tickets en attente indisponibles."
      empty="Aucun ticket n'attend sa première réponse."
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
          <Link href={ticketsHref({ status: 'new', sort: 'urgent' })}>Voir tous les tickets en attente</Link>
        </>
      )}
    </DataTile>
  );
}
