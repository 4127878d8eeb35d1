import { Button, Field, Input } from '@fluentui/react-components';
import { Charges, type ChargeContext } from './draft-charges';
import { emptyDeliverable, issueAt, phaseHt, type DeliverableRow, type PhaseRow } from './draft-model';
import { useStyles } from './draft-styles';
import { formatEuros } from './quote-format';

interface PhaseFieldsProps extends ChargeContext {
  index: number;
  phase: PhaseRow;
  onChange: (change: (phase: PhaseRow) => PhaseRow) => void;
  /** Absent while it is the only phase. */
  onRemove: (() => void) | undefined;
}

/** One phase: label, dates, its own charges, its deliverables and its subtotal. */
export function PhaseFields({ index, phase, onChange, onRemove, ...context }: PhaseFieldsProps) {
  const styles = useStyles();
  const at = `phases.${index}`;
  const name = `Phase ${index + 1}`;
  const { issues } = context;
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{name}</legend>
      <PhaseHeader
        path={at}
        phase={phase}
        issues={issues}
        onChange={(change) => onChange((p) => ({ ...p, ...change }))}
      />
      <Charges
        name={name}
        path={`${at}.charges`}
        rows={phase.charges}
        onChange={(charges) => onChange((p) => ({ ...p, charges }))}
        {...context}
      />
      {phase.deliverables.map((deliverable, j) => (
        <DeliverableFields
          key={deliverable.key}
          name={`${name}, livrable ${j + 1}`}
          path={`${at}.deliverables.${j}`}
          deliverable={deliverable}
          onChange={(change) =>
            onChange((p) => ({
              ...p,
              deliverables: p.deliverables.map((d, k) => (k === j ? { ...d, ...change } : d)),
            }))
          }
          onRemove={() =>
            onChange((p) => ({ ...p, deliverables: p.deliverables.filter((_d, k) => k !== j) }))
          }
          {...context}
        />
      ))}
      {issueAt(issues, `${at}.deliverables`) && (
        <span className={styles.error}>{issueAt(issues, `${at}.deliverables`)}</span>
      )}
      <span className={styles.subtotal}>
        Sous-total de la phase : {formatEuros(phaseHt(phase, context.lines))} HT
      </span>
      <div className={styles.buttons}>
        <Button
          onClick={() => onChange((p) => ({ ...p, deliverables: [...p.deliverables, emptyDeliverable()] }))}
        >
          Ajouter un livrable ({name})
        </Button>
        {onRemove && <Button onClick={onRemove}>Retirer la phase {index + 1}</Button>}
      </div>
    </fieldset>
  );
}

interface DeliverableFieldsProps extends ChargeContext {
  name: string;
  path: string;
  deliverable: DeliverableRow;
  onChange: (change: Partial<DeliverableRow>) => void;
  onRemove: () => void;
}

/** One deliverable of a phase: label, due date and its charges. */
function DeliverableFields({
  name,
  path,
  deliverable,
  onChange,
  onRemove,
  ...context
}: DeliverableFieldsProps) {
  const styles = useStyles();
  const { issues } = context;
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{name}</legend>
      <div className={styles.grid}>
        <Field
          className={styles.wide}
          label="Intitulé du livrable"
          required
          validationMessage={issueAt(issues, `${path}.label`)}
        >
          <Input value={deliverable.label} onChange={(_e, v) => onChange({ label: v.value })} />
        </Field>
        <Field label="Échéance" validationMessage={issueAt(issues, `${path}.dueDate`)}>
          <Input
            type="date"
            value={deliverable.dueDate}
            onChange={(_e, v) => onChange({ dueDate: v.value })}
          />
        </Field>
      </div>
      <Charges
        name={name}
        path={`${path}.charges`}
        rows={deliverable.charges}
        onChange={(charges) => onChange({ charges })}
        {...context}
      />
      <div className={styles.buttons}>
        <Button onClick={onRemove}>Retirer le livrable ({name})</Button>
      </div>
    </fieldset>
  );
}

/** A phase's label and dates. */
function PhaseHeader({
  path,
  phase,
  issues,
  onChange,
}: {
  path: string;
  phase: PhaseRow;
  issues: ChargeContext['issues'];
  onChange: (change: Partial<PhaseRow>) => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.grid}>
      <Field
        className={styles.wide}
        label="Intitulé de la phase"
        required
        validationMessage={issueAt(issues, `${path}.label`)}
      >
        <Input value={phase.label} onChange={(_e, v) => onChange({ label: v.value })} />
      </Field>
      <Field label="Début" required validationMessage={issueAt(issues, `${path}.start`)}>
        <Input type="date" value={phase.start} onChange={(_e, v) => onChange({ start: v.value })} />
      </Field>
      <Field label="Fin" required validationMessage={issueAt(issues, `${path}.end`)}>
        <Input type="date" value={phase.end} onChange={(_e, v) => onChange({ end: v.value })} />
      </Field>
    </div>
  );
}
