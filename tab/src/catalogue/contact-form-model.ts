/**
 * The contact form's values and the order its inputs are shown in, named as POST /api/v1/quotes
 * names them so the API's French messages land next to the right input.
 */
import type { VisibleBeneficiary } from '../api/types';

export interface ContactValues {
  beneficiaryId: string;
  subject: string;
  domain: string;
  need: string;
}

/** Inputs in form order: the first one with a problem gets the focus. */
export const CONTACT_FIELDS = ['beneficiaryId', 'subject', 'domain', 'need'] as const;

/** Id of an input, for its label and for moving the focus to it. */
export function contactFieldId(name: (typeof CONTACT_FIELDS)[number]): string {
  return `contact-${name}`;
}

/** The beneficiaries a user may ask for: its active ones, by name. */
export function requestableBeneficiaries(all: readonly VisibleBeneficiary[]): VisibleBeneficiary[] {
  return all.filter((b) => b.active).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** A blank form; a user of a single beneficiary has it chosen already. */
export function blankContact(beneficiaries: readonly VisibleBeneficiary[]): ContactValues {
  return {
    beneficiaryId: beneficiaries.length === 1 ? (beneficiaries[0]?.id ?? '') : '',
    subject: '',
    domain: '',
    need: '',
  };
}
