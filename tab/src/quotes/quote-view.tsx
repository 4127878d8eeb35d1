import { useState } from 'react';
import { Badge, Body1, Link, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client';
import { downloadPdf, quotePath, type QuoteCall } from '../api/quotes';
import type { QuoteDetail, QuoteFull } from '../api/types';
import { formatInZone } from '../format/dates';
import { DOMAIN_LABELS, labelOf } from '../format/labels';
import { messageOf } from '../hooks/use-async';
import { orderHref } from '../navigation/routes';
import { FactList } from '../tickets/fact-list';
import { TicketSection } from '../tickets/ticket-section';
import { ActionBanners } from './action-banners';
import { AuditTimeline } from './audit-timeline';
import { DueCountdown } from './due-countdown';
import { QuoteActions, type QuoteActionsState } from './quote-actions';
import { formatLocalDate, QUOTE_STATUS_LABELS } from './quote-format';
import { VersionSection } from './quote-version';

export type { QuoteActionsState } from './quote-actions';

const useStyles = makeStyles({
  heading: { ...typographyStyles.subtitle1, margin: 0, overflowWrap: 'anywhere' },
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginBlock: tokens.spacingVerticalS,
  },
  stack: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    marginTop: tokens.spacingVerticalL,
  },
  need: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

const CALL_REFUSED: Record<QuoteCall['type'], string> = {
  draft: 'Devis non enregistré.',
  send: 'Envoi refusé.',
  accept: 'Acceptation refusée.',
  decline: 'Refus non enregistré.',
};

/** One quote: request, versions with calendar and costed lines, profiles, timeline and actions. */
export function QuoteView({
  api,
  detail,
  notice,
  action,
}: {
  api: ApiClient;
  detail: QuoteDetail;
  notice: string | undefined;
  action: QuoteActionsState;
}) {
  const styles = useStyles();
  const { quote, timeline } = detail;
  const latest = quote.versions[quote.versions.length - 1];
  const [pdfError, setPdfError] = useState<string>();
  const pdf = (): void => {
    setPdfError(undefined);
    const file = `${quote.number}-v${latest?.version ?? 1}.pdf`;
    downloadPdf(api, `${quotePath(quote.beneficiaryId, quote.id)}/pdf`, file).catch((error: unknown) =>
      setPdfError(messageOf(error)),
    );
  };
  const failure = action.failure && {
    title: CALL_REFUSED[action.failure.type],
    message: action.failure.message,
  };
  return (
    <>
      <QuoteHeading quote={quote} version={latest?.version} />
      <ActionBanners notice={notice} failure={failure} focusKey={timeline.length} />
      <div className={styles.stack}>
        {(detail.availableActions.length > 0 || latest) && (
          <TicketSection id="actions" title="Actions">
            <QuoteActions
              key={timeline.length}
              api={api}
              detail={detail}
              latest={latest}
              action={action}
              onPdf={latest ? pdf : undefined}
            />
            {pdfError && <Body1 role="alert">{pdfError}</Body1>}
          </TicketSection>
        )}
        <TicketSection id="demande" title="Demande">
          <RequestFacts quote={quote} />
        </TicketSection>
        {[...quote.versions].reverse().map((version) => (
          <VersionSection key={version.version} version={version} zone={quote.zone} />
        ))}
        <TicketSection id="chronologie" title="Chronologie">
          <AuditTimeline events={timeline} zone={quote.zone} labels={QUOTE_STATUS_LABELS} />
        </TicketSection>
      </div>
    </>
  );
}

function RequestFacts({ quote }: { quote: QuoteFull }) {
  const styles = useStyles();
  const { request } = quote;
  return (
    <FactList
      facts={[
        ['Bénéficiaire', quote.beneficiaryName],
        ['Domaine', labelOf(DOMAIN_LABELS, request.domain)],
        ['Demandé par', request.requestedBy.name],
        ['Reçue le', formatInZone(request.receivedAt, quote.zone)],
        ['Début souhaité', request.wishedStart && formatLocalDate(request.wishedStart)],
        ['À envoyer au plus tard', <DueCountdown key="due" quote={quote} />],
        [
          'Bon de commande',
          quote.order && (
            <Link href={orderHref(quote.beneficiaryId, quote.order.id)}>{quote.order.number}</Link>
          ),
        ],
        [
          'Besoin',
          <span key="need" className={styles.need}>
            {request.need}
          </span>,
        ],
      ]}
    />
  );
}

function QuoteHeading({ quote, version }: { quote: QuoteFull; version: number | undefined }) {
  const styles = useStyles();
  const closed = quote.status === 'declined' || quote.status === 'expired';
  return (
    <>
      <h3 className={styles.heading}>
        {quote.number} — {quote.request.subject}
      </h3>
      <div className={styles.badges}>
        <Badge appearance="tint" color={closed ? 'danger' : 'brand'}>
          {QUOTE_STATUS_LABELS[quote.status]}
        </Badge>
        {version && <Badge appearance="outline">Version {version}</Badge>}
      </div>
    </>
  );
}
