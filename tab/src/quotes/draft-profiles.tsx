import { Button, Field, Input, Select } from '@fluentui/react-components';
import type { ApiIssue } from '../api/http-client';
import type { Amounts, ProfileLevel } from '../api/types';
import { emptyProfile, issueAt, type ProfileRow } from './draft-model';
import { useStyles } from './draft-styles';
import { formatEuros, formatVatRate, LEVEL_LABELS } from './quote-format';

/** The anonymised profiles a quote proposes: code, level, certifications (never a name). */
export function ProfilesFields({
  profiles,
  issues,
  onChange,
}: {
  profiles: ProfileRow[];
  issues: readonly ApiIssue[];
  onChange: (profiles: ProfileRow[]) => void;
}) {
  const styles = useStyles();
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>Profils anonymisés</legend>
      {profiles.map((profile, i) => (
        <ProfileFields
          key={profile.key}
          index={i}
          profile={profile}
          issues={issues}
          onChange={(change) => onChange(profiles.map((p, k) => (k === i ? { ...p, ...change } : p)))}
          onRemove={() => onChange(profiles.filter((_p, k) => k !== i))}
        />
      ))}
      {issueAt(issues, 'profiles') && <span className={styles.error}>{issueAt(issues, 'profiles')}</span>}
      <div className={styles.buttons}>
        <Button onClick={() => onChange([...profiles, emptyProfile(profiles.length)])}>
          Ajouter un profil
        </Button>
      </div>
    </fieldset>
  );
}

/** One profile: code, level, certifications. */
function ProfileFields({
  index,
  profile,
  issues,
  onChange,
  onRemove,
}: {
  index: number;
  profile: ProfileRow;
  issues: readonly ApiIssue[];
  onChange: (change: Partial<ProfileRow>) => void;
  onRemove: () => void;
}) {
  const styles = useStyles();
  const at = `profiles.${index}`;
  return (
    <fieldset className={styles.charge}>
      <legend className={styles.chargeLegend}>Profil {index + 1}</legend>
      <Field label="Code" required validationMessage={issueAt(issues, `${at}.code`)} className={styles.field}>
        <Input value={profile.code} onChange={(_e, v) => onChange({ code: v.value })} />
      </Field>
      <Field label="Niveau" validationMessage={issueAt(issues, `${at}.level`)} className={styles.field}>
        <Select
          select={{ className: styles.native }}
          value={profile.level}
          onChange={(_e, v) => onChange({ level: v.value as ProfileLevel })}
        >
          {Object.entries(LEVEL_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Certifications"
        hint="Séparées par des virgules ; jamais un nom de personne."
        validationMessage={issueAt(issues, `${at}.certifications`)}
        className={styles.field}
      >
        <Input value={profile.certifications} onChange={(_e, v) => onChange({ certifications: v.value })} />
      </Field>
      <Button onClick={onRemove} aria-label={`Retirer le profil ${index + 1}`}>
        Retirer
      </Button>
    </fieldset>
  );
}

/** The live totals: HT, VAT once on the total, TTC. */
export function DraftTotals({
  totals,
  vatRateBp,
  scheduleVersion,
}: {
  totals: Amounts;
  vatRateBp: number;
  scheduleVersion: string;
}) {
  const styles = useStyles();
  return (
    <section aria-label="Totaux du devis" className={styles.group}>
      <dl className={styles.totals} aria-live="polite">
        <dt className={styles.term}>Total HT</dt>
        <dd className={styles.value} data-total="ht">
          {formatEuros(totals.htCents)}
        </dd>
        <dt className={styles.term}>TVA {formatVatRate(vatRateBp)}</dt>
        <dd className={styles.value} data-total="vat">
          {formatEuros(totals.vatCents)}
        </dd>
        <dt className={styles.term}>Total TTC</dt>
        <dd className={styles.value} data-total="ttc">
          {formatEuros(totals.ttcCents)}
        </dd>
      </dl>
      <span className={styles.subtotal}>
        BPU {scheduleVersion} ; chaque ligne arrondie au centime, TVA calculée une fois sur le total HT.
      </span>
    </section>
  );
}
