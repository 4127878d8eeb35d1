import { useState } from 'react';
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { ApiIssue } from '../api/http-client';
import type { TicketActionRequest } from '../api/tickets';
import type { TicketActionType } from '../api/types';
import { ACTION_TITLES } from '../format/labels';
import type { CallFailure } from '../hooks/use-idempotent-call';
import { ACTION_FIELDS, TAB_ACTIONS } from './action-fields';
import { ActionForm } from './action-form';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface TicketActionsProps {
  available: readonly TicketActionType[];
  zone: string;
  pending: TicketActionType | undefined;
  failure: CallFailure<TicketActionType> | undefined;
  submit: (action: TicketActionRequest) => void;
  clearFailure: () => void;
}

/** One button per action the API allows now; those with inputs open their small form below. */
export function TicketActions({
  available,
  zone,
  pending,
  failure,
  submit,
  clearFailure,
}: TicketActionsProps) {
  const styles = useStyles();
  const [open, setOpen] = useState<TicketActionType>();
  const actions = TAB_ACTIONS.filter((type) => available.includes(type));
  const openFields = open && available.includes(open) ? ACTION_FIELDS[open] : undefined;
  const click = (type: TicketActionType): void => {
    clearFailure();
    if (ACTION_FIELDS[type]) setOpen(open === type ? undefined : type);
    else {
      setOpen(undefined);
      submit({ type });
    }
  };
  const formIssues = failure && failure.type === open ? failure.issues : [];
  return (
    <div className={styles.panel}>
      <div className={styles.buttons}>
        {actions.map((type) => (
          <Button
            key={type}
            appearance={type === 'take' ? 'primary' : 'secondary'}
            aria-expanded={ACTION_FIELDS[type] ? type === open : undefined}
            aria-controls={ACTION_FIELDS[type] && type === open ? `action-${type}` : undefined}
            disabledFocusable={pending !== undefined}
            onClick={() => click(type)}
          >
            {pending === type && !ACTION_FIELDS[type] ? 'Envoi…' : ACTION_TITLES[type]}
          </Button>
        ))}
      </div>
      {failure && <FailureMessage failure={failure} shownInForm={formIssues} />}
      {open && openFields && (
        <ActionForm
          key={open}
          id={`action-${open}`}
          type={open}
          fields={openFields}
          zone={zone}
          issues={formIssues}
          busy={pending === open}
          onSubmit={(values) => submit({ ...values, type: open })}
          onCancel={() => setOpen(undefined)}
        />
      )}
    </div>
  );
}

/** The refusal in French, with the issues that no field of the open form shows. */
function FailureMessage({
  failure,
  shownInForm,
}: {
  failure: CallFailure<TicketActionType>;
  shownInForm: readonly ApiIssue[];
}) {
  const fields = new Set((ACTION_FIELDS[failure.type] ?? []).map((f) => f.name));
  const inField = (issue: ApiIssue): boolean =>
    issue.path !== undefined && fields.has(issue.path) && shownInForm.includes(issue);
  const others = failure.issues.filter((issue) => !inField(issue) && issue.message !== failure.message);
  // The API's summary names inputs by their ids ("message"): the fields say it better.
  const allInFields = failure.issues.length > 0 && failure.issues.every(inField);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Action refusée.</MessageBarTitle>{' '}
        {allInFields
          ? 'Corrigez le formulaire : chaque problème est indiqué sous son champ.'
          : failure.message}
        {others.length > 0 && (
          <ul>
            {others.map((issue, i) => (
              <li key={i}>{issue.message}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
