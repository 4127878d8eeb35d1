/**
 * The anonymised profiles a quote proposes (CCTP 5.6.6.2): code, level, certifications and the
 * charge each carries in the quote. The profile type has no field for a name, and this table has
 * no column for one either.
 */
import { PROFILE_LEVEL_LABELS } from '../domain/catalogue/price-line';
import type { QuoteVersion } from '../domain/quotes/quote';
import { formatCharge } from './document-formats';
import type { TableColumn, TableSpec } from './pdf-table';
import { CONTENT_WIDTH } from './pdf-theme';

const FIXED = { code: 48, level: 70, charge: 80 };

const COLUMNS: readonly TableColumn[] = [
  { header: 'Profil', width: FIXED.code },
  { header: 'Niveau', width: FIXED.level },
  { header: 'Certifications', width: CONTENT_WIDTH - FIXED.code - FIXED.level - FIXED.charge },
  { header: 'Charge affectée', width: FIXED.charge, align: 'right' },
];

/** The profiles table of a version. */
export function profilesTable(v: QuoteVersion): TableSpec {
  const charges = v.phases.flatMap((p) => [...p.charges, ...p.deliverables.flatMap((d) => d.charges)]);
  return {
    columns: COLUMNS,
    continuedTitle: 'Profils proposés',
    rows: v.profiles.map((profile) => ({
      cells: [
        profile.code,
        PROFILE_LEVEL_LABELS[profile.level],
        profile.certifications.length > 0 ? profile.certifications.join(', ') : '—',
        formatCharge(charges.filter((c) => c.profile === profile.code)),
      ],
    })),
  };
}
