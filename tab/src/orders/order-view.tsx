import { useState } from 'react';
import {
  Badge,
  Body1,
  Button,
  Field,
  Link,
  makeStyles,
  Textarea,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client';
import { orderPath, type OrderActionRequest } from '../api/orders';
import { downloadPdf } from '../api/quotes';
import type { OrderActionType, OrderDetail, OrderFull } from '../api/types';
import { formatInZone } from '../format/dates';
import { messageOf } from '../hooks/use-async';
import { quoteHref } from '../navigation/routes';
import { ActionBanners } from '../quotes/action-banners';
import { AmountsTable } from '../quotes/amounts-table';
import { AuditTimeline } from '../quotes/audit-timeline';
import { formatLocalDate, ORDER_ACTION_TITLES, ORDER_STATUS_LABELS } from '../quotes/quote-format';
import type { CallFailure } from '../hooks/use-idempotent-call';
import { FactList } from '../tickets/fact-list';
import { TicketSection } from '../tickets/ticket-section';

/** Orders carry no zone: the agreement is metropolitan, instants are shown in Paris time. */
const ZONE = 'metropole';

/** The text each action asks for, under the API's input name. */
const ACTION_INPUT: Partial<Record<OrderActionType, { name: string; label: string; required: boolean }>> = {
  deliver: { name: 'note', label: 'Note de livraison (facultative)', required: false },
  rejectDelivery: { name: 'reason', label: 'Pourquoi refuser la livraison ?', required: true },
  invoice: { name: 'reference', label: 'Référence de la facture (facultative)', required: false },
  cancel: { name: 'reason', label: 'Pourquoi annuler la commande ?', required: true },
};

const useStyles = makeStyles({
  heading: { ...typographyStyles.subtitle1, margin: 0, overflowWrap: 'anywhere' },
  badges: { display: 'flex', gap: tokens.spacingHorizontalS, marginBlock: tokens.spacingVerticalS },
  stack: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    marginTop: tokens.spacingVerticalL,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalM,
  },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export interface OrderActionsState {
  submit: (call: OrderActionRequest) => Promise<void>;
  pending: OrderActionType | undefined;
  failure: CallFailure<OrderActionType> | undefined;
}

/** One order: its lines and totals, state history, PDF and the actions the caller may make. */
export function OrderView({
  api,
  detail: { order, timeline, availableActions },
  notice,
  action,
}: {
  api: ApiClient;
  detail: OrderDetail;
  notice: string | undefined;
  action: OrderActionsState;
}) {
  const styles = useStyles();
  const [pdfError, setPdfError] = useState<string>();
  const pdf = (): void => {
    setPdfError(undefined);
    downloadPdf(
      api,
      `${orderPath({ beneficiaryId: order.beneficiaryId, orderId: order.id })}/pdf`,
      `${order.number}.pdf`,
    ).catch((error: unknown) => setPdfError(messageOf(error)));
  };
  return (
    <>
      <OrderHeading order={order} />
      <ActionBanners
        notice={notice}
        failure={action.failure && { title: 'Action refusée.', message: action.failure.message }}
        focusKey={timeline.length}
      />
      <div className={styles.stack}>
        <TicketSection id="actions" title="Actions">
          <OrderActions key={timeline.length} available={availableActions} action={action} onPdf={pdf} />
          {pdfError && <Body1 role="alert">{pdfError}</Body1>}
        </TicketSection>
        <TicketSection id="informations" title="Informations">
          <OrderFacts order={order} />
        </TicketSection>
        <TicketSection id="lignes" title="Lignes">
          <AmountsTable
            caption="Lignes de la commande"
            lines={order.lines.map((l, k) => ({
              key: String(k),
              where: l.deliverableLabel ? `${l.phaseLabel} › ${l.deliverableLabel}` : l.phaseLabel,
              ...l,
            }))}
            totals={order.totals}
            vatRateBp={order.vatRateBp}
          />
        </TicketSection>
        <OrderHistory order={order} />
        <TicketSection id="chronologie" title="Chronologie">
          <AuditTimeline events={timeline} zone={ZONE} labels={ORDER_STATUS_LABELS} />
        </TicketSection>
      </div>
    </>
  );
}

function OrderActions({
  available,
  action,
  onPdf,
}: {
  available: readonly OrderActionType[];
  action: OrderActionsState;
  onPdf: () => void;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState<OrderActionType>();
  const busy = action.pending !== undefined;
  const input = open ? ACTION_INPUT[open] : undefined;
  return (
    <>
      <div className={styles.buttons}>
        {available.map((type) => (
          <Button
            key={type}
            disabledFocusable={busy}
            onClick={() => {
              if (ACTION_INPUT[type]) setOpen(type);
              else void action.submit({ type });
            }}
          >
            {action.pending === type ? 'Envoi…' : ORDER_ACTION_TITLES[type]}
          </Button>
        ))}
        <Button onClick={onPdf}>Télécharger le PDF</Button>
      </div>
      {open && input && (
        <ActionTextForm type={open} input={input} action={action} onCancel={() => setOpen(undefined)} />
      )}
    </>
  );
}

function OrderFacts({ order }: { order: OrderFull }) {
  return (
    <FactList
      facts={[
        ['Bénéficiaire', order.beneficiaryName],
        [
          'Devis',
          <Link key="quote" href={quoteHref(order.beneficiaryId, order.quote.id)}>
            {order.quote.number} (version {order.quote.version})
          </Link>,
        ],
        ['Émis', `le ${formatInZone(order.issuedAt, ZONE)} par ${order.issuedBy.name}`],
        ['Période', `du ${formatLocalDate(order.period.start)} au ${formatLocalDate(order.period.end)}`],
        ['BPU', order.scheduleVersion],
        ['Facture', order.invoiceReference],
        ['Annulation', order.cancellation && `${order.cancellation.by.name} : ${order.cancellation.reason}`],
      ]}
    />
  );
}

function OrderHistory({ order }: { order: OrderFull }) {
  const styles = useStyles();
  return (
    <TicketSection id="etapes" title="Historique des états">
      <ol className={styles.steps}>
        {order.steps.map((step, k) => (
          <li key={k}>
            {ORDER_STATUS_LABELS[step.status]} — {formatInZone(step.at, ZONE)}, {step.by.name}
          </li>
        ))}
      </ol>
    </TicketSection>
  );
}

function ActionTextForm({
  type,
  input,
  action,
  onCancel,
}: {
  type: OrderActionType;
  input: { name: string; label: string; required: boolean };
  action: OrderActionsState;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const busy = action.pending !== undefined;
  return (
    <form
      className={styles.form}
      aria-label={ORDER_ACTION_TITLES[type]}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void action.submit(
          text.trim() || input.required ? { type: type, [input.name]: text } : { type: type },
        );
      }}
    >
      <Field
        label={input.label}
        required={input.required}
        validationMessage={action.failure?.issues.find((i) => i.path === input.name)?.message}
      >
        <Textarea value={text} onChange={(_e, v) => setText(v.value)} resize="vertical" />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {ORDER_ACTION_TITLES[type]}
        </Button>
        <Button onClick={onCancel}>Annuler</Button>
      </div>
    </form>
  );
}

function OrderHeading({ order }: { order: OrderFull }) {
  const styles = useStyles();
  return (
    <>
      <h3 className={styles.heading}>
        {order.number} — {order.quote.subject}
      </h3>
      <div className={styles.badges}>
        <Badge appearance="tint" color={order.status === 'cancelled' ? 'danger' : 'brand'}>
          {ORDER_STATUS_LABELS[order.status]}
        </Badge>
      </div>
    </>
  );
}
