import { useCallback, useMemo, useRef, useState } from 'react';
import { Button, Link, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { actOnOrder, getOrder, type OrderActionRequest } from '../api/orders';
import type { OrderActionType, OrderDetail } from '../api/types';
import { useSession } from '../auth/auth-context';
import { ErrorMessage } from '../components/error-message';
import { useAsync } from '../hooks/use-async';
import type { PageProps } from '../navigation/routes';
import { OrderView } from '../orders/order-view';
import { ORDER_ACTION_TITLES } from '../quotes/quote-format';
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

/** One order, with the state changes the caller may make. */
export default function OrderDetailPage({ params }: PageProps) {
  const styles = useStyles();
  const { api } = useSession();
  const ids = useMemo(
    () => ({ beneficiaryId: params['beneficiaryId'] ?? '', orderId: params['orderId'] ?? '' }),
    [params],
  );
  const load = useCallback((signal: AbortSignal) => getOrder(api, ids, signal), [api, ids]);
  const [state, reload, replace] = useAsync(load);
  const [notice, setNotice] = useState<string>();
  const requestId = useRef(0);
  const send = useCallback(
    (call: OrderActionRequest, key: string, signal: AbortSignal) => actOnOrder(api, ids, call, key, signal),
    [api, ids],
  );
  const onDone = useCallback(
    (detail: OrderDetail, call: OrderActionRequest) => {
      replace(detail);
      setNotice(`${ORDER_ACTION_TITLES[call.type]} : fait.`);
    },
    [replace],
  );
  const onStale = useCallback(() => {
    const id = ++requestId.current;
    load(new AbortController().signal).then(
      (detail) => id === requestId.current && replace(detail),
      () => undefined,
    );
  }, [load, replace]);
  const action = useIdempotentCall<OrderActionRequest, OrderDetail, OrderActionType>(send, onDone, onStale);

  return (
    <>
      <Link className={styles.back} href="#/commandes">
        ← Toutes les commandes
      </Link>
      {state.status === 'loading' && <Spinner label="Chargement de la commande…" />}
      {state.status === 'error' && (
        <div className={styles.block}>
          <ErrorMessage title="Commande indisponible." message={state.message} />
          <Button onClick={reload}>Réessayer</Button>
        </div>
      )}
      {state.status === 'success' && (
        <OrderView api={api} detail={state.data} notice={notice} action={action} />
      )}
    </>
  );
}
