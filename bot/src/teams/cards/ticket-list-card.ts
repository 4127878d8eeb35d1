/**
 * "mes tickets": the open tickets, most urgent first response first, each with a button to open it.
 */
import { severityTitle } from '../../domain/tickets/incident-form';
import { formatShortLocalDateTime } from '../../domain/tickets/format-local-time';
import { STATUS_LABELS, type Ticket } from '../../domain/tickets/ticket';
import { card, submit, text, type AdaptiveCard, type CardElement } from './adaptive-card';

const SHOWN = 15;

/** The list card; `forSupport` adds the beneficiary's name to each line. */
export function ticketListCard(tickets: readonly Ticket[], forSupport: boolean): AdaptiveCard {
  if (tickets.length === 0) {
    return card(
      [
        text('Tickets ouverts', { size: 'Large', weight: 'Bolder' }),
        text('Aucun ticket ouvert. Tout va bien !'),
      ],
      [submit('Déclarer un incident', 'incident.start')],
    );
  }
  const rows: CardElement[] = tickets.slice(0, SHOWN).map((t) => ({
    type: 'Container',
    separator: true,
    selectAction: {
      type: 'Action.Submit',
      title: t.number,
      data: { action: 'ticket.show', number: t.number },
    },
    items: [
      text(`**${t.number}** — ${t.title}`),
      text(
        `${STATUS_LABELS[t.status]} · ${severityTitle(t.severity)}` +
          (t.firstResponse
            ? ''
            : ` · réponse due ${formatShortLocalDateTime(t.firstResponseDueAt, t.zone)}`) +
          (forSupport ? ` · ${t.beneficiaryName}` : ''),
        { isSubtle: true, spacing: 'None', size: 'Small' },
      ),
    ],
  }));
  const more =
    tickets.length > SHOWN
      ? [
          text(`… et ${tickets.length - SHOWN} autre(s) : l'onglet Guichet les montre tous.`, {
            isSubtle: true,
          }),
        ]
      : [];
  return card([
    text(`Tickets ouverts (${tickets.length})`, { size: 'Large', weight: 'Bolder' }),
    ...rows,
    ...more,
  ]);
}
