import type { ReactNode } from 'react';
import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { VisibleBeneficiary } from '../api/types';
import { SEVERITIES, SEVERITY_LABELS, STATUS_LABELS } from '../format/labels';
import type { TicketFilters } from './ticket-filters';

const useStyles = makeStyles({
  bar: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  // A native select is as wide as its longest option ("Service départemental d'incendie et de
  // secours…"): let it shrink to its grid cell instead of pushing the page sideways on a phone.
  field: { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  select: { minWidth: 0, width: '100%' },
  native: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

interface FilterBarProps {
  filters: TicketFilters;
  /** Offered only to those who see several beneficiaries (the Titulaire, the CANUT, a groupement). */
  beneficiaries: readonly VisibleBeneficiary[];
  onChange: (filters: TicketFilters) => void;
}

/** Native selects (Fluent's Select): the most usable choice on a phone and with a screen reader. */
export function FilterBar({ filters, beneficiaries, onChange }: FilterBarProps) {
  const styles = useStyles();
  const set = (key: keyof TicketFilters) => (value: string) => onChange({ ...filters, [key]: value });
  return (
    <div className={styles.bar} role="search" aria-label="Filtrer les tickets">
      <Choice label="Statut" value={filters.status} onChange={set('status')}>
        <option value="">Tous</option>
        <option value="open">Ouverts (non résolus)</option>
        {Object.entries(STATUS_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Choice>
      <Choice label="Gravité" value={filters.severity} onChange={set('severity')}>
        <option value="">Toutes</option>
        {SEVERITIES.map((s) => (
          <option key={s} value={String(s)}>
            {s} — {SEVERITY_LABELS[s]}
          </option>
        ))}
      </Choice>
      {beneficiaries.length > 1 && (
        <Choice label="Bénéficiaire" value={filters.beneficiary} onChange={set('beneficiary')}>
          <option value="">Tous</option>
          {beneficiaries.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Choice>
      )}
      <Choice label="Trier par" value={filters.sort} onChange={set('sort')}>
        <option value="recent">Les plus récents</option>
        <option value="urgent">Première réponse la plus proche</option>
      </Choice>
    </div>
  );
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
