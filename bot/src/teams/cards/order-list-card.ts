/**
 * "mes commandes": a beneficiary's orders, the newest first (the Titulaire's staff get the orders
 * still in progress of every beneficiary), each with a button to open it.
 */
import { formatEuros } from '../../domain/catalogue/money';
import { ORDER_STATUS_LABELS, type Order } from '../../domain/orders/order';
import { card, submit, text, type AdaptiveCard, type CardElement } from './adaptive-card';

const SHOWN = 15;

/** The list card; `forStaff` adds the beneficiary's name to each line. */
export function orderListCard(orders: readonly Order[], forStaff: boolean): AdaptiveCard {
  const title = forStaff ? 'Bons de commande en cours' : 'Vos bons de commande';
  if (orders.length === 0) {
    return card(
      [
        text(title, { size: 'Large', weight: 'Bolder' }),
        text('Aucun bon de commande : un devis accepté par un approbateur en émet un.'),
      ],
      forStaff ? [] : [submit('Mes devis', 'quotes.list')],
    );
  }
  const rows: CardElement[] = orders.slice(0, SHOWN).map((o) => ({
    type: 'Container',
    separator: true,
    selectAction: {
      type: 'Action.Submit',
      title: o.number,
      data: { action: 'order.show', number: o.number },
    },
    items: [
      text(`**${o.number}** — ${o.quote.subject}`),
      text(
        [
          ORDER_STATUS_LABELS[o.status],
          `${formatEuros(o.totals.htCents)} HT`,
          o.quote.number,
          ...(forStaff ? [o.beneficiaryName] : []),
        ].join(' · '),
        { isSubtle: true, spacing: 'None', size: 'Small' },
      ),
    ],
  }));
  const more =
    orders.length > SHOWN
      ? [
          text(`… et ${orders.length - SHOWN} autre(s) : l'onglet Guichet les montre tous.`, {
            isSubtle: true,
          }),
        ]
      : [];
  return card([text(`${title} (${orders.length})`, { size: 'Large', weight: 'Bolder' }), ...rows, ...more]);
}
