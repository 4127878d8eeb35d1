import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '@fluentui/react-components';
import type { ApiIssue } from '../api/http-client';
import type { PriceSchedule, QuoteDraft, QuoteVersion } from '../api/types';
import {
  draftBody,
  draftTotals,
  emptyPhase,
  initialDraft,
  type DraftState,
  type PhaseRow,
} from './draft-model';
import { PhaseFields } from './draft-phase';
import { DraftTotals, ProfilesFields } from './draft-profiles';
import { useStyles } from './draft-styles';

interface DraftFormProps {
  latest: QuoteVersion | undefined;
  schedule: PriceSchedule;
  vatRateBp: number;
  issues: readonly ApiIssue[];
  busy: boolean;
  onSave: (draft: QuoteDraft) => void;
  onCancel: () => void;
}

/**
 * The account manager's preparation: phases with dates, their deliverables, charges as quantities of
 * price lines, anonymised profiles. Totals follow every keystroke, computed as the server computes
 * them; on save the service's French messages show under the inputs they name.
 */
export function DraftForm({ latest, schedule, vatRateBp, issues, busy, onSave, onCancel }: DraftFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<DraftState>(() => initialDraft(latest));
  const lines = useMemo(() => new Map(schedule.lines.map((l) => [l.code, l])), [schedule]);
  const setPhase = (i: number) => (change: (p: PhaseRow) => PhaseRow) =>
    setDraft((d) => ({ ...d, phases: d.phases.map((p, k) => (k === i ? change(p) : p)) }));
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSave(draftBody(draft, schedule.version));
  };
  const profileCodes = draft.profiles.map((p) => p.code.trim()).filter(Boolean);
  const context = { issues, schedule, lines, profileCodes };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Préparer le devis">
      {draft.phases.map((phase, i) => (
        <PhaseFields
          key={phase.key}
          index={i}
          phase={phase}
          onChange={setPhase(i)}
          onRemove={
            draft.phases.length > 1
              ? () => setDraft((d) => ({ ...d, phases: d.phases.filter((_p, k) => k !== i) }))
              : undefined
          }
          {...context}
        />
      ))}
      <div className={styles.buttons}>
        <Button onClick={() => setDraft((d) => ({ ...d, phases: [...d.phases, emptyPhase()] }))}>
          Ajouter une phase
        </Button>
      </div>
      <ProfilesFields
        profiles={draft.profiles}
        issues={issues}
        onChange={(profiles) => setDraft((d) => ({ ...d, profiles }))}
      />
      <DraftTotals
        totals={draftTotals(draft, lines, vatRateBp)}
        vatRateBp={vatRateBp}
        scheduleVersion={schedule.version}
      />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {busy ? 'Enregistrement…' : 'Enregistrer le devis'}
        </Button>
        <Button onClick={onCancel}>Annuler</Button>
      </div>
    </form>
  );
}
