import { useCallback, useMemo, useRef, useState } from 'react';
import { Button, Link, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { callQuote, getQuote, type QuoteCall } from '../api/quotes';
import type { QuoteDetail } from '../api/types';
import { useSession } from '../auth/auth-context';
import { ErrorMessage } from '../components/error-message';
import { useAsync } from '../hooks/use-async';
import type { PageProps } from '../navigation/routes';
import { QuoteView } from '../quotes/quote-view';
import { useIdempotentCall } from '../quotes/use-idempotent-call';

const useStyles = makeStyles({
  back: { display: 'inline-block', marginBottom: tokens.spacingVerticalM },
  block: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalS,
  },
});

const DONE: Record<QuoteCall['type'], string> = {
  draft: 'Devis enregistré.',
  send: 'Devis envoyé au demandeur et aux approbateurs.',
  accept: 'Devis accepté : le bon de commande est émis.',
  decline: 'Devis refusé.',
};

/** One quote, with the preparation form for account managers and the decision for approvers. */
export default function QuoteDetailPage({ params }: PageProps) {
  const styles = useStyles();
  const { api } = useSession();
  const ids = useMemo(
    () => ({ beneficiaryId: params['beneficiaryId'] ?? '', quoteId: params['quoteId'] ?? '' }),
    [params],
  );
  const load = useCallback((signal: AbortSignal) => getQuote(api, ids, signal), [api, ids]);
  const [state, reload, replace] = useAsync(load);
  const [notice, setNotice] = useState<string>();
  const requestId = useRef(0);
  const send = useCallback(
    (call: QuoteCall, key: string, signal: AbortSignal) => callQuote(api, ids, call, key, signal),
    [api, ids],
  );
  const onDone = useCallback(
    (detail: QuoteDetail, call: QuoteCall) => {
      replace(detail);
      setNotice(DONE[call.type]);
    },
    [replace],
  );
  // Reread quietly: the refusal stays on screen next to the quote's current state.
  const onStale = useCallback(() => {
    const id = ++requestId.current;
    load(new AbortController().signal).then(
      (detail) => id === requestId.current && replace(detail),
      () => undefined,
    );
  }, [load, replace]);
  const action = useIdempotentCall<QuoteCall, QuoteDetail>(send, onDone, onStale);

  return (
    <>
      <Link className={styles.back} href="#/devis">
        ← Tous les devis
      </Link>
      {state.status === 'loading' && <Spinner label="Chargement du devis…" />}
      {state.status === 'error' && (
        <div className={styles.block}>
          <ErrorMessage title="Devis indisponible." message={state.message} />
          <Button onClick={reload}>Réessayer</Button>
        </div>
      )}
      {state.status === 'success' && (
        <QuoteView api={api} detail={state.data} notice={notice} action={action} />
      )}
    </>
  );
}
