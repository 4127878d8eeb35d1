import type { VisibleBeneficiary } from '../api/types';
import { BeneficiaryChoice, Choice, FilterChoices } from '../components/filter-choices';
import { SEVERITIES, SEVERITY_LABELS, STATUS_LABELS } from '../format/labels';
import type { TicketFilters } from './ticket-filters';

interface FilterBarProps {
  filters: TicketFilters;
  /** Offered only to those who see several beneficiaries (the Titulaire, the CANUT, a groupement). */
  beneficiaries: readonly VisibleBeneficiary[];
  onChange: (filters: TicketFilters) => void;
}

/** The ticket list's filters and order, kept in the address by the page. */
export function FilterBar({ filters, beneficiaries, onChange }: FilterBarProps) {
  const set = (key: keyof TicketFilters) => (value: string) => onChange({ ...filters, [key]: value });
  return (
    <FilterChoices label="Filtrer les tickets">
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
      <BeneficiaryChoice
        beneficiaries={beneficiaries}
        value={filters.beneficiary}
        onChange={set('beneficiary')}
        all="Tous"
      />
      <Choice label="Trier par" value={filters.sort} onChange={set('sort')}>
        <option value="recent">Les plus récents</option>
        <option value="urgent">Première réponse la plus proche</option>
      </Choice>
    </FilterChoices>
  );
}
