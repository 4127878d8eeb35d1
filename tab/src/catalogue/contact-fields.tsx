import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import type { ApiIssue } from '../api/http-client';
import type { VisibleBeneficiary } from '../api/types';
import { DOMAIN_LABELS } from '../format/labels';
import { contactFieldId, type ContactValues } from './contact-form-model';

interface ContactFieldsProps {
  /** Asked for only when there is a choice (a groupement's shared tenant). */
  beneficiaries: readonly VisibleBeneficiary[];
  values: ContactValues;
  issues: readonly ApiIssue[];
  onChange: (name: keyof ContactValues, value: string) => void;
}

/** The inputs of the contact form, each with its French message under it. */
export function ContactFields({ beneficiaries, values, issues, onChange }: ContactFieldsProps) {
  const issueOf = (name: keyof ContactValues) => issues.find((issue) => issue.path === name)?.message;
  return (
    <>
      {beneficiaries.length > 1 && (
        <Field label="Bénéficiaire" required validationMessage={issueOf('beneficiaryId')}>
          <Select
            id={contactFieldId('beneficiaryId')}
            value={values.beneficiaryId}
            onChange={(_e, data) => onChange('beneficiaryId', data.value)}
          >
            <option value="">Choisissez un bénéficiaire</option>
            {beneficiaries.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label="Objet" required hint="De 3 à 120 caractères." validationMessage={issueOf('subject')}>
        <Input
          id={contactFieldId('subject')}
          value={values.subject}
          onChange={(_e, data) => onChange('subject', data.value)}
        />
      </Field>
      <Field label="Domaine" required validationMessage={issueOf('domain')}>
        <Select
          id={contactFieldId('domain')}
          value={values.domain}
          onChange={(_e, data) => onChange('domain', data.value)}
        >
          <option value="">Choisissez un domaine</option>
          {Object.entries(DOMAIN_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Message"
        required
        hint="Le contexte, le résultat attendu, les contraintes (10 caractères au moins)."
        validationMessage={issueOf('need')}
      >
        <Textarea
          id={contactFieldId('need')}
          resize="vertical"
          rows={5}
          value={values.need}
          onChange={(_e, data) => onChange('need', data.value)}
        />
      </Field>
    </>
  );
}
