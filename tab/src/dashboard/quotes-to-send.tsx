import { Badge, Caption1, Link } from '@fluentui/react-components';
import { quoteHref, quotesHref } from '../navigation/routes';
import { DueCountdown } from '../quotes/due-countdown';
import { QUOTE_STATUS_LABELS } from '../quotes/quote-format';
import { loadQuotesToSend } from './commercial-data';
import { DashboardLine, DashboardLines } from './dashboard-lines';
import { DataTile } from './data-tile';

/** "Devis à rendre bientôt": requests and drafts not sent yet, the closest due date first. */
export function QuotesToSend() {
  return (
    <DataTile
      id="devis-a-rendre"
      title="Devis à rendre bientôt"
      load={loadQuotesToSend}
      loading="Chargement des devis à rendre…"
      failed="Devis à rendre indisponibles."
      empty="Aucun devis n'attend d'être envoyé."
    >
      {(quotes) => (
        <>
          <DashboardLines label="Devis à rendre, date limite la plus proche d'abord">
            {quotes.map((quote) => (
              <DashboardLine
                key={quote.id}
                href={quoteHref(quote.beneficiaryId, quote.id)}
                title={`${quote.number} — ${quote.request.subject}`}
              >
                <Badge appearance="tint" color="brand">
                  {QUOTE_STATUS_LABELS[quote.status]}
                </Badge>
                <Caption1>{quote.beneficiaryName}</Caption1>
                <Caption1>
                  À envoyer au plus tard le <DueCountdown quote={quote} />
                </Caption1>
              </DashboardLine>
            ))}
          </DashboardLines>
          <Link href={quotesHref({ status: 'open', sort: 'due' })}>
            Voir les devis en cours par date limite
          </Link>
        </>
      )}
    </DataTile>
  );
}
