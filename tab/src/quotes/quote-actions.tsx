import { useCallback, useState, type ReactNode } from 'react';
import { Body1, Button, Field, makeStyles, Spinner, Textarea, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client';
import { getPriceSchedule, type QuoteCall } from '../api/quotes';
import type { QuoteDetail, QuoteVersion } from '../api/types';
import { useAsync } from '../hooks/use-async';
import { DraftForm } from './draft-form';
import type { CallFailure } from '../hooks/use-idempotent-call';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalM,
  },
});

export interface QuoteActionsState {
  submit: (call: QuoteCall) => Promise<void>;
  pending: QuoteCall['type'] | undefined;
  failure: CallFailure<QuoteCall['type']> | undefined;
}

interface QuoteActionsProps {
  api: ApiClient;
  detail: QuoteDetail;
  latest: QuoteVersion | undefined;
  action: QuoteActionsState;
  onPdf: (() => void) | undefined;
}

/** The buttons the API allows, the preparation form and the decline form. */
export function QuoteActions({
  api,
  detail: { quote, availableActions },
  latest,
  action,
  onPdf,
}: QuoteActionsProps) {
  const styles = useStyles();
  const [open, setOpen] = useState<'draft' | 'decline'>();
  const can = (type: QuoteDetail['availableActions'][number]): boolean => availableActions.includes(type);
  const loadSchedule = useCallback((signal: AbortSignal) => getPriceSchedule(api, signal), [api]);
  const busy = action.pending !== undefined;
  const call = (label: string, pendingLabel: string, make: (v: QuoteVersion) => QuoteCall): ReactNode =>
    latest && (
      <Button appearance="primary" disabledFocusable={busy} onClick={() => void action.submit(make(latest))}>
        {action.pending === make(latest).type ? pendingLabel : label}
      </Button>
    );
  return (
    <>
      <div className={styles.buttons}>
        {(can('prepare') || can('revise')) && open !== 'draft' && (
          <Button appearance="primary" onClick={() => setOpen('draft')}>
            {latest?.status === 'in-preparation' || !latest ? 'Préparer le devis' : 'Réviser le devis'}
          </Button>
        )}
        {can('send') && call('Envoyer', 'Envoi…', (v) => ({ type: 'send', version: v.version }))}
        {can('accept') && call('Accepter', 'Acceptation…', (v) => ({ type: 'accept', version: v.version }))}
        {can('decline') && latest && open !== 'decline' && (
          <Button onClick={() => setOpen('decline')}>Refuser</Button>
        )}
        {onPdf && <Button onClick={onPdf}>Télécharger le PDF</Button>}
      </div>
      {open === 'decline' && latest && (
        <DeclineForm version={latest.version} action={action} onCancel={() => setOpen(undefined)} />
      )}
      {open === 'draft' && (
        <ScheduleLoader load={loadSchedule}>
          {(schedule) => (
            <DraftForm
              latest={latest}
              schedule={schedule}
              vatRateBp={quote.terms.vatRateBp}
              issues={action.failure?.type === 'draft' ? action.failure.issues : []}
              busy={action.pending === 'draft'}
              onSave={(draft) => void action.submit({ type: 'draft', draft })}
              onCancel={() => setOpen(undefined)}
            />
          )}
        </ScheduleLoader>
      )}
    </>
  );
}

function DeclineForm({
  version,
  action,
  onCancel,
}: {
  version: number;
  action: QuoteActionsState;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const [reason, setReason] = useState('');
  const issues = action.failure?.type === 'decline' ? action.failure.issues : [];
  return (
    <form
      className={styles.form}
      aria-label="Refuser le devis"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void action.submit({ type: 'decline', version, reason });
      }}
    >
      <Field label="Raison du refus" validationMessage={issues.find((i) => i.path === 'reason')?.message}>
        <Textarea value={reason} onChange={(_e, v) => setReason(v.value)} resize="vertical" />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={action.pending !== undefined}>
          {action.pending === 'decline' ? 'Envoi…' : 'Refuser le devis'}
        </Button>
        <Button onClick={onCancel}>Annuler</Button>
      </div>
    </form>
  );
}

/** The price schedule the form offers, loaded when the form opens. */
function ScheduleLoader<T>({
  load,
  children,
}: {
  load: (signal: AbortSignal) => Promise<T>;
  children: (data: T) => ReactNode;
}) {
  const [state, reload] = useAsync(load);
  if (state.status === 'loading') return <Spinner size="small" label="Chargement du bordereau des prix…" />;
  if (state.status === 'error')
    return (
      <div>
        <Body1 role="alert">Bordereau des prix indisponible : {state.message}</Body1>
        <Button onClick={reload}>Réessayer</Button>
      </div>
    );
  return <>{children(state.data)}</>;
}
