import { useCallback, useMemo, useRef, useState } from 'react';
import { Button, Link, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { getTicket } from '../api/tickets';
import type { TicketActionType, TicketDetail } from '../api/types';
import { useSession } from '../auth/auth-context';
import { ErrorMessage } from '../components/error-message';
import { useAsync } from '../hooks/use-async';
import type { PageProps } from '../navigation/routes';
import { ACTION_DONE } from '../tickets/action-fields';
import { TicketView } from '../tickets/ticket-view';
import { useTicketAction } from '../tickets/use-ticket-action';

const useStyles = makeStyles({
  back: { display: 'inline-block', marginBottom: tokens.spacingVerticalM },
  block: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalS,
  },
});

/** One ticket: its facts, description, report, timeline, and the actions the caller may take. */
export default function TicketDetailPage({ params }: PageProps) {
  const styles = useStyles();
  const { api } = useSession();
  const ids = useMemo(
    () => ({ beneficiaryId: params['beneficiaryId'] ?? '', ticketId: params['ticketId'] ?? '' }),
    [params],
  );
  const load = useCallback(
    (signal: AbortSignal) => getTicket(api, ids.beneficiaryId, ids.ticketId, signal),
    [api, ids],
  );
  const [state, reload, replace] = useAsync(load);
  const [notice, setNotice] = useState<string>();
  const requestId = useRef(0);
  const callbacks = useMemo(
    () => ({
      onDone: (detail: TicketDetail, type: TicketActionType) => {
        replace(detail);
        setNotice(ACTION_DONE[type]);
      },
      // Reread quietly: the refusal stays on screen next to the ticket's current state.
      onStale: () => {
        const id = ++requestId.current;
        load(new AbortController().signal).then(
          (detail) => id === requestId.current && replace(detail),
          () => undefined,
        );
      },
    }),
    [load, replace],
  );
  const action = useTicketAction(api, ids, callbacks);

  return (
    <>
      <Link className={styles.back} href="#/tickets">
        ← Tous les tickets
      </Link>
      {state.status === 'loading' && <Spinner label="Chargement du ticket…" />}
      {state.status === 'error' && (
        <div className={styles.block}>
          <ErrorMessage title="Ticket indisponible." message={state.message} />
          <Button onClick={reload}>Réessayer</Button>
        </div>
      )}
      {state.status === 'success' && <TicketView detail={state.data} notice={notice} action={action} />}
    </>
  );
}
