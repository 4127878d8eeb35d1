import type { ReactNode } from 'react';
import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { VisibleBeneficiary } from '../api/types';
import { KIND_LABELS, MONTH_NAMES, withKind, type PeriodChoice, type PeriodKind } from './report-period';

const useStyles = makeStyles({
  bar: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 180px), 1fr))',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  field: { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  select: { minWidth: 0, width: '100%' },
  native: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

interface PeriodPickerProps {
  choice: PeriodChoice;
  years: readonly number[];
  /** Beneficiaries offered; none when the caller sees only one (the API picks it). */
  beneficiaries: readonly VisibleBeneficiary[];
  /** True when "all beneficiaries" may be asked for (the CANUT's and the Titulaire's staff). */
  allowAll: boolean;
  siret: string;
  onChange: (choice: PeriodChoice, siret: string) => void;
}

/** Period (kind, month or quarter, year) and, for those who see several, the beneficiary. */
export function PeriodPicker({ choice, years, beneficiaries, allowAll, siret, onChange }: PeriodPickerProps) {
  const styles = useStyles();
  const set = (next: PeriodChoice): void => onChange(next, siret);
  return (
    <div className={styles.bar} role="search" aria-label="Choisir la période du rapport">
      <Choice
        label="Type de période"
        value={choice.kind}
        onChange={(v) => set(withKind(choice, v as PeriodKind))}
      >
        {(Object.keys(KIND_LABELS) as PeriodKind[]).map((kind) => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind]}
          </option>
        ))}
      </Choice>
      <IndexChoice choice={choice} onChange={set} />
      <Choice label="Année" value={String(choice.year)} onChange={(v) => set({ ...choice, year: Number(v) })}>
        {years.map((year) => (
          <option key={year} value={String(year)}>
            {year}
          </option>
        ))}
      </Choice>
      {beneficiaries.length > 1 && (
        <Choice label="Bénéficiaire" value={siret} onChange={(v) => onChange(choice, v)}>
          {allowAll && <option value="">Tous les bénéficiaires</option>}
          {beneficiaries.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Choice>
      )}
    </div>
  );
}

/** The month or the quarter of the period; nothing for a year. */
function IndexChoice({ choice, onChange }: { choice: PeriodChoice; onChange: (next: PeriodChoice) => void }) {
  const set = (v: string): void => onChange({ ...choice, index: Number(v) });
  if (choice.kind === 'month') {
    return (
      <Choice label="Mois" value={String(choice.index)} onChange={set}>
        {MONTH_NAMES.map((name, i) => (
          <option key={name} value={String(i + 1)}>
            {name}
          </option>
        ))}
      </Choice>
    );
  }
  if (choice.kind === 'quarter') {
    return (
      <Choice label="Trimestre" value={String(choice.index)} onChange={set}>
        {[1, 2, 3, 4].map((q) => (
          <option key={q} value={String(q)}>
            T{q}
          </option>
        ))}
      </Choice>
    );
  }
  return null;
}

function Choice(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <Field label={props.label} className={styles.field}>
      <Select
        className={styles.select}
        select={{ className: styles.native }}
        value={props.value}
        onChange={(_event, data) => props.onChange(data.value)}
      >
        {props.children}
      </Select>
    </Field>
  );
}
