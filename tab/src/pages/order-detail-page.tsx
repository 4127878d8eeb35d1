import { actOnOrder, getOrder, type OrderActionRequest, type OrderIds } from '../api/orders';
import type { OrderDetail } from '../api/types';
import { DetailFrame } from '../components/detail-frame';
import { useDocument, useDocumentIds, type DocumentAccess } from '../hooks/use-document';
import type { PageProps } from '../navigation/routes';
import { OrderView } from '../orders/order-view';
import { ORDER_ACTION_TITLES } from '../quotes/quote-format';

const ORDER: DocumentAccess<OrderIds, OrderDetail, OrderActionRequest> = {
  read: getOrder,
  send: actOnOrder,
  doneNotice: (call) => `${ORDER_ACTION_TITLES[call.type]} : fait.`,
};

/** One order, with the state changes the caller may make. */
export default function OrderDetailPage({ params }: PageProps) {
  const ids = useDocumentIds(params, 'orderId');
  const { api, state, reload, notice, action } = useDocument(ids, ORDER);
  return (
    <DetailFrame
      back={{ href: '#/commandes', label: 'Toutes les commandes' }}
      state={state}
      loading="Chargement de la commande…"
      failed="Commande indisponible."
      onRetry={reload}
    >
      {(detail) => <OrderView api={api} detail={detail} notice={notice} action={action} />}
    </DetailFrame>
  );
}
