import { Button, Field, Input, Select } from '@fluentui/react-components';
import type { ApiIssue } from '../api/http-client';
import type { PriceSchedule } from '../api/types';
import { emptyCharge, issueAt, rowAmount, type ChargeRow } from './draft-model';
import { useStyles } from './draft-styles';
import { formatEuros, LEVEL_LABELS } from './quote-format';

export interface ChargeContext {
  issues: readonly ApiIssue[];
  schedule: PriceSchedule;
  lines: ReadonlyMap<string, PriceSchedule['lines'][number]>;
  profileCodes: readonly string[];
}

interface ChargesProps extends ChargeContext {
  name: string;
  path: string;
  rows: ChargeRow[];
  onChange: (rows: ChargeRow[]) => void;
}

/** The charges of a phase or a deliverable, and the button that adds one. */
export function Charges({ name, path, rows, onChange, ...context }: ChargesProps) {
  const styles = useStyles();
  const groupIssue = issueAt(context.issues, path);
  return (
    <>
      {rows.map((row, k) => (
        <ChargeFields
          key={row.key}
          name={`${name}, charge ${k + 1}`}
          path={`${path}.${k}`}
          row={row}
          onChange={(change) => onChange(rows.map((r, i) => (i === k ? { ...r, ...change } : r)))}
          onRemove={() => onChange(rows.filter((_r, i) => i !== k))}
          {...context}
        />
      ))}
      {groupIssue && <span className={styles.error}>{groupIssue}</span>}
      <div className={styles.buttons}>
        <Button onClick={() => onChange([...rows, emptyCharge()])}>Ajouter une charge ({name})</Button>
      </div>
    </>
  );
}

interface ChargeFieldsProps extends ChargeContext {
  name: string;
  path: string;
  row: ChargeRow;
  onChange: (change: Partial<ChargeRow>) => void;
  onRemove: () => void;
}

/** One charge: price line × quantity, by a profile, with its amount excluding VAT. */
function ChargeFields({
  name,
  path,
  row,
  onChange,
  onRemove,
  issues,
  schedule,
  lines,
  profileCodes,
}: ChargeFieldsProps) {
  const styles = useStyles();
  const amount = rowAmount(row, lines);
  const unit = lines.get(row.line)?.unit === 'mois' ? 'mois' : 'jours';
  return (
    <fieldset className={styles.charge}>
      <legend className={styles.chargeLegend}>{name}</legend>
      <Field
        label="Ligne du BPU"
        required
        validationMessage={issueAt(issues, `${path}.line`)}
        className={styles.field}
      >
        <LineSelect value={row.line} schedule={schedule} onChange={(line) => onChange({ line })} />
      </Field>
      <Field
        label={`Quantité (${unit})`}
        required
        validationMessage={issueAt(issues, `${path}.quantity`)}
        className={styles.field}
      >
        <Input
          inputMode="decimal"
          value={row.quantity}
          onChange={(_e, v) => onChange({ quantity: v.value })}
        />
      </Field>
      <Field label="Profil" validationMessage={issueAt(issues, `${path}.profile`)} className={styles.field}>
        <Select
          select={{ className: styles.native }}
          value={row.profile}
          onChange={(_e, v) => onChange({ profile: v.value })}
        >
          <option value="">Aucun</option>
          {profileCodes.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.buttons}>
        <span className={styles.amount}>{amount === undefined ? '—' : `${formatEuros(amount)} HT`}</span>
        <Button onClick={onRemove} aria-label={`Retirer la charge (${name})`}>
          Retirer
        </Button>
      </div>
    </fieldset>
  );
}

function LineSelect({
  value,
  schedule,
  onChange,
}: {
  value: string;
  schedule: PriceSchedule;
  onChange: (code: string) => void;
}) {
  const styles = useStyles();
  return (
    <Select select={{ className: styles.native }} value={value} onChange={(_e, v) => onChange(v.value)}>
      <option value="">Choisir une ligne…</option>
      {schedule.lines.map((line) => (
        <option key={line.code} value={line.code}>
          {line.code} — {line.label}
          {line.level ? ` (${LEVEL_LABELS[line.level]})` : ''} — {formatEuros(line.unitPriceCents)}/
          {line.unit}
        </option>
      ))}
    </Select>
  );
}
