import { useState, type FormEvent } from 'react';
import { Button, Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import type { ApiIssue } from '../api/http-client';
import type { TicketActionType } from '../api/types';
import { toLocalInputValue, zoneTimeName } from '../format/dates';
import { ACTION_TITLES } from '../format/labels';
import type { ActionField } from './action-fields';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface ActionFormProps {
  id: string;
  type: TicketActionType;
  fields: readonly ActionField[];
  /** The ticket's zone: the restoration time is typed in the beneficiary's wall time. */
  zone: string;
  issues: readonly ApiIssue[];
  busy: boolean;
  onSubmit: (values: Record<string, string>) => void;
  onCancel: () => void;
}

/** The inputs of one action; the API's French message for an input is shown under it. */
export function ActionForm({ id, type, fields, zone, issues, busy, onSubmit, onCancel }: ActionFormProps) {
  const styles = useStyles();
  const [values, setValues] = useState<Record<string, string>>(() => initialValues(fields, zone));
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    // noValidate: the service's French messages, not the browser's, explain what is missing.
    <form id={id} className={styles.form} onSubmit={submit} noValidate aria-label={ACTION_TITLES[type]}>
      {fields.map((field) => (
        <Field
          key={field.name}
          label={field.kind === 'datetime' ? `${field.label} (${zoneTimeName(zone)})` : field.label}
          required={field.required}
          hint={field.hint}
          validationMessage={issues.find((issue) => issue.path === field.name)?.message}
        >
          {field.kind === 'datetime' ? (
            <Input
              type="datetime-local"
              step={1}
              value={values[field.name] ?? ''}
              onChange={(_e, data) => setValues((v) => ({ ...v, [field.name]: data.value }))}
            />
          ) : (
            <Textarea
              resize="vertical"
              rows={3}
              value={values[field.name] ?? ''}
              onChange={(_e, data) => setValues((v) => ({ ...v, [field.name]: data.value }))}
            />
          )}
        </Field>
      ))}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {busy ? 'Envoi…' : ACTION_TITLES[type]}
        </Button>
        <Button onClick={onCancel}>Annuler</Button>
      </div>
    </form>
  );
}

/** Empty texts; the restoration time defaults to now, in the beneficiary's zone. */
function initialValues(fields: readonly ActionField[], zone: string): Record<string, string> {
  return Object.fromEntries(
    fields.map((f) => [f.name, f.kind === 'datetime' ? toLocalInputValue(Date.now(), zone) : '']),
  );
}
