import { makeStyles } from '@fluentui/react-components';
import type { VisibleBeneficiary } from '../api/types';
import { BeneficiaryChoice, Choice, FilterChoices } from '../components/filter-choices';
import { KIND_LABELS, MONTH_NAMES, withKind, type PeriodChoice, type PeriodKind } from './report-period';

const useStyles = makeStyles({
  // Short choices (a month, a year): narrower columns than the lists' filters.
  bar: { gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 180px), 1fr))' },
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
    <FilterChoices className={styles.bar} label="Choisir la période du rapport">
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
      <BeneficiaryChoice
        beneficiaries={beneficiaries}
        value={siret}
        onChange={(v) => onChange(choice, v)}
        all={allowAll ? 'Tous les bénéficiaires' : undefined}
      />
    </FilterChoices>
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
