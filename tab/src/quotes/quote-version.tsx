import { makeStyles, tokens } from '@fluentui/react-components';
import type { QuoteVersion } from '../api/types';
import { formatInZone } from '../format/dates';
import { FactList } from '../tickets/fact-list';
import { TicketSection } from '../tickets/ticket-section';
import { AmountsTable, type CostedLine } from './amounts-table';
import { formatEuros, formatLocalDate, LEVEL_LABELS, QUOTE_STATUS_LABELS } from './quote-format';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL } });

/** One version of a quote: its facts, calendar, costed lines with totals, and profiles. */
export function VersionSection({ version, zone }: { version: QuoteVersion; zone: string }) {
  const styles = useStyles();
  const lines: CostedLine[] = version.phases.flatMap((p) => [
    ...p.charges.map((c, k) => ({ key: `${p.code}-${k}`, where: p.label, ...c })),
    ...p.deliverables.flatMap((d) =>
      d.charges.map((c, k) => ({ key: `${p.code}-${d.code}-${k}`, where: `${p.label} › ${d.label}`, ...c })),
    ),
  ]);
  const decision = version.decision;
  return (
    <TicketSection
      id={`version-${version.version}`}
      title={`Version ${version.version} — ${QUOTE_STATUS_LABELS[version.status]}`}
    >
      <FactList
        facts={[
          ['Préparée', `le ${formatInZone(version.preparedAt, zone)} par ${version.preparedBy.name}`],
          ['Envoyée', version.sentAt && formatInZone(version.sentAt, zone)],
          ['Valable jusqu’au', version.validUntil && formatLocalDate(version.validUntil)],
          [
            'Décision',
            decision &&
              `${decision.by.name}, ${formatInZone(decision.at, zone)}${decision.reason ? ` — ${decision.reason}` : ''}`,
          ],
          ['Total TTC', formatEuros(version.totals.ttcCents)],
        ]}
      />
      <h5>Calendrier</h5>
      <VersionCalendar version={version} />
      <h5>Lignes chiffrées</h5>
      <AmountsTable
        caption={`Lignes de la version ${version.version}`}
        lines={lines}
        totals={version.totals}
        vatRateBp={version.vatRateBp}
      />
      <h5>Profils</h5>
      <ul className={styles.list}>
        {version.profiles.map((p) => (
          <li key={p.code}>
            {p.code} — {LEVEL_LABELS[p.level]}
            {p.certifications.length > 0 ? ` — ${p.certifications.join(', ')}` : ''}
          </li>
        ))}
      </ul>
    </TicketSection>
  );
}

function VersionCalendar({ version }: { version: QuoteVersion }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {version.phases.map((p) => (
        <li key={p.code}>
          {p.label} : du {formatLocalDate(p.start)} au {formatLocalDate(p.end)}
          {p.deliverables.length > 0 && (
            <ul>
              {p.deliverables.map((d) => (
                <li key={d.code}>
                  Livrable : {d.label}
                  {d.dueDate ? `, échéance ${formatLocalDate(d.dueDate)}` : ''}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
