import { actOnTicket, getTicket, type TicketActionRequest } from '../api/tickets';
import type { TicketDetail } from '../api/types';
import { DetailFrame } from '../components/detail-frame';
import { useDocument, useDocumentIds, type DocumentAccess } from '../hooks/use-document';
import type { PageProps } from '../navigation/routes';
import { ACTION_DONE } from '../tickets/action-fields';
import { TicketView } from '../tickets/ticket-view';

interface TicketIds {
  beneficiaryId: string;
  ticketId: string;
}

const TICKET: DocumentAccess<TicketIds, TicketDetail, TicketActionRequest> = {
  read: (api, ids, signal) => getTicket(api, ids.beneficiaryId, ids.ticketId, signal),
  send: actOnTicket,
  doneNotice: (call) => ACTION_DONE[call.type],
};

/** One ticket: its facts, description, report, timeline, and the actions the caller may take. */
export default function TicketDetailPage({ params }: PageProps) {
  const ids = useDocumentIds(params, 'ticketId');
  const { state, reload, notice, action } = useDocument(ids, TICKET);
  return (
    <DetailFrame
      back={{ href: '#/tickets', label: 'Tous les tickets' }}
      state={state}
      loading="Chargement du ticket…"
      failed="Ticket indisponible."
      onRetry={reload}
    >
      {(detail) => <TicketView detail={detail} notice={notice} action={action} />}
    </DetailFrame>
  );
}
