import { callQuote, getQuote, type QuoteCall, type QuoteIds } from '../api/quotes';
import type { QuoteDetail } from '../api/types';
import { DetailFrame } from '../components/detail-frame';
import { useDocument, useDocumentIds, type DocumentAccess } from '../hooks/use-document';
import type { PageProps } from '../navigation/routes';
import { QuoteView } from '../quotes/quote-view';

const DONE: Record<QuoteCall['type'], string> = {
  draft: 'Devis enregistré.',
  send: 'Devis envoyé au demandeur et aux approbateurs.',
  accept: 'Devis accepté : le bon de commande est émis.',
  decline: 'Devis refusé.',
};

const QUOTE: DocumentAccess<QuoteIds, QuoteDetail, QuoteCall> = {
  read: getQuote,
  send: callQuote,
  doneNotice: (call) => DONE[call.type],
};

/** One quote, with the preparation form for account managers and the decision for approvers. */
export default function QuoteDetailPage({ params }: PageProps) {
  const ids = useDocumentIds(params, 'quoteId');
  const { api, state, reload, notice, action } = useDocument(ids, QUOTE);
  return (
    <DetailFrame
      back={{ href: '#/devis', label: 'Tous les devis' }}
      state={state}
      loading="Chargement du devis…"
      failed="Devis indisponible."
      onRetry={reload}
    >
      {(detail) => <QuoteView api={api} detail={detail} notice={notice} action={action} />}
    </DetailFrame>
  );
}
