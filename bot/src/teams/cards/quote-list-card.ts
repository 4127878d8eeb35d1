/**
 * "mes devis": a beneficiary's quotes, the newest first (the account managers get the open ones of
 * every beneficiary, the nearest due date first), each with a button to open it.
 */
import { formatEuros } from '../../domain/catalogue/money';
import { formatShortFrenchDate } from '../../domain/quotes/french-date';
import { QUOTE_STATUS_LABELS, latestVersion, type Quote } from '../../domain/quotes/quote';
import { card, submit, text, type AdaptiveCard, type CardElement } from './adaptive-card';

const SHOWN = 15;

/** The list card; `forStaff` adds the beneficiary's name to each line. */
export function quoteListCard(quotes: readonly Quote[], forStaff: boolean): AdaptiveCard {
  const title = forStaff ? 'Devis en cours' : 'Vos devis';
  if (quotes.length === 0) {
    return card(
      [text(title, { size: 'Large', weight: 'Bolder' }), text('Aucun devis pour le moment.')],
      forStaff ? [] : [submit('Demander un devis', 'quote.start')],
    );
  }
  const rows: CardElement[] = quotes.slice(0, SHOWN).map((q) => ({
    type: 'Container',
    separator: true,
    selectAction: {
      type: 'Action.Submit',
      title: q.number,
      data: { action: 'quote.show', number: q.number },
    },
    items: [
      text(`**${q.number}** — ${q.request.subject}`),
      text(detailLine(q, forStaff), { isSubtle: true, spacing: 'None', size: 'Small' }),
    ],
  }));
  const more =
    quotes.length > SHOWN
      ? [
          text(`… et ${quotes.length - SHOWN} autre(s) : l'onglet Guichet les montre tous.`, {
            isSubtle: true,
          }),
        ]
      : [];
  return card([text(`${title} (${quotes.length})`, { size: 'Large', weight: 'Bolder' }), ...rows, ...more]);
}

function detailLine(q: Quote, forStaff: boolean): string {
  const v = latestVersion(q);
  const parts = [QUOTE_STATUS_LABELS[q.status]];
  if (q.status === 'requested' || q.status === 'in-preparation')
    parts.push(`réponse due le ${formatShortFrenchDate(q.dueDate)}`);
  if (v && q.status !== 'in-preparation') parts.push(`${formatEuros(v.totals.htCents)} HT`);
  if (q.order) parts.push(q.order.number);
  if (forStaff) parts.push(q.beneficiaryName);
  return parts.join(' · ');
}
