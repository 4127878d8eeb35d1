import { useCallback } from 'react';
import { Badge, Caption1, Link } from '@fluentui/react-components';
import { useSession } from '../auth/auth-context';
import { AsyncContent } from '../components/async-content';
import { StatusCard } from '../components/status-card';
import { useAsync } from '../hooks/use-async';
import { quoteHref, quotesHref } from '../navigation/routes';
import { DueCountdown } from '../quotes/due-countdown';
import { QUOTE_STATUS_LABELS } from '../quotes/quote-format';
import { loadQuotesToSend } from './commercial-data';
import { DashboardLine, DashboardLines } from './dashboard-lines';

/** "Devis à rendre bientôt": requests and drafts not sent yet, the closest due date first. */
export function QuotesToSend() {
  const { api } = useSession();
  const load = useCallback((signal: AbortSignal) => loadQuotesToSend(api, signal), [api]);
  const [state, reload] = useAsync(load);
  return (
    <StatusCard id="devis-a-rendre" title="Devis à rendre bientôt">
      <AsyncContent
        state={state}
        loading="Chargement des devis à rendre…"
        failed="Devis à rendre indisponibles."
        onRetry={reload}
        empty={{ when: (quotes) => quotes.length === 0, text: "Aucun devis n'attend d'être envoyé." }}
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
      </AsyncContent>
    </StatusCard>
  );
}
