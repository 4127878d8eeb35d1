/**
 * The declare-incident form as an Adaptive Card submits it: every value is a string (or absent when
 * an input is left empty), keyed by input id. Each problem is reported on the input it concerns, in
 * French, so the card can show it next to that input; nothing is stored until the form is valid.
 */
import { z } from 'zod';
import { type Issue, ValidationError } from '../errors';
import { SEVERITIES, SEVERITY_LABELS, type Severity } from '../sla/severity';
import { PHONE_FORMAT_HINT, normaliseFrenchPhone } from './phone-number';

export const INCIDENT_CATEGORIES = [
  'incident',
  'demande',
  'maintenance-corrective',
  'maintenance-evolutive',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const INCIDENT_DOMAINS = [
  'modern-workplace',
  'infrastructure',
  'protection-donnees',
  'business-apps',
] as const;
export type IncidentDomain = (typeof INCIDENT_DOMAINS)[number];

/** French labels of the categories, as the card shows them. */
export const CATEGORY_LABELS: Readonly<Record<IncidentCategory, string>> = Object.freeze({
  incident: 'Incident',
  demande: 'Demande de service',
  'maintenance-corrective': 'Maintenance corrective',
  'maintenance-evolutive': 'Maintenance évolutive',
});

/** French labels of the technical domains of the agreement, as the card shows them. */
export const DOMAIN_LABELS: Readonly<Record<IncidentDomain, string>> = Object.freeze({
  'modern-workplace': 'Modern Workplace (Microsoft 365, postes de travail)',
  infrastructure: 'Infrastructure (Azure, serveurs, réseau)',
  'protection-donnees': 'Protection des données (sécurité, conformité)',
  'business-apps': 'Applications métier (Power Platform, Dynamics 365)',
});

/** The severity choices of the card: value "1"–"4", titled with the CCTP's meaning. */
export const SEVERITY_CHOICES: readonly { readonly value: string; readonly title: string }[] = Object.freeze(
  SEVERITIES.map((s) => Object.freeze({ value: String(s), title: severityTitle(s) })),
);

/** Input ids of the form with their French names, for error summaries. */
export const FORM_FIELD_LABELS: Readonly<Record<string, string>> = Object.freeze({
  severity: 'gravité',
  category: 'catégorie',
  domain: 'domaine',
  title: 'titre',
  description: 'description',
  phone: 'téléphone',
  channel: 'canal de réception',
  receivedAt: 'date de réception',
  type: 'action',
  message: 'message',
  diagnostic: 'diagnostic',
  actions: 'actions menées',
  cause: 'cause',
  restoredAt: 'rétablissement',
  assigneeId: 'ingénieur',
  assigneeName: "nom de l'ingénieur",
  reason: 'raison',
});

export const TITLE_MIN = 3;
export const TITLE_MAX = 120;
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 4000;

/** "Gravité 1 — Système critique arrêté, activité menacée". */
export function severityTitle(severity: Severity): string {
  const label = SEVERITY_LABELS[severity];
  return `Gravité ${severity} — ${label.charAt(0).toUpperCase()}${label.slice(1)}`;
}

/**
 * "4 000": digits grouped by three with a no-break space, as French writes them. Hand-made because
 * ICU versions disagree on which space `toLocaleString('fr-FR')` uses.
 */
export function frenchNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

/** A choice among fixed values, reported with one French message whatever was wrong. */
export function choiceField<T extends string>(values: readonly T[], message: string) {
  return z.unknown().transform((value, ctx): T => {
    const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
    if ((values as readonly string[]).includes(text)) return text as T;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });
}

interface TextRule {
  min: number;
  max: number;
  missing: string;
  tooShort: string;
  tooLong: string;
  oneLine?: boolean;
}

/** A trimmed text between `min` and `max` characters, with a French message per failure. */
export function textField(rule: TextRule) {
  return z.unknown().transform((value, ctx): string => {
    let text = typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
    // A title is one line: newlines and runs of spaces pasted into it become single spaces.
    if (rule.oneLine) text = text.replace(/\s+/g, ' ');
    const length = [...text].length;
    const problem =
      length === 0
        ? rule.missing
        : length < rule.min
          ? rule.tooShort
          : length > rule.max
            ? `${rule.tooLong} (actuellement ${frenchNumber(length)}).`
            : undefined;
    if (problem === undefined) return text;
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  });
}

const phoneField = z.unknown().transform((value, ctx): string | undefined => {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
    return undefined;
  const e164 = typeof value === 'string' ? normaliseFrenchPhone(value) : undefined;
  if (e164) return e164;
  ctx.addIssue({ code: 'custom', message: `Numéro de téléphone invalide : ${PHONE_FORMAT_HINT}.` });
  return z.NEVER;
});

/** Schema of the declare-incident card's values (unknown keys, such as the submit's `action`, are ignored). */
export const incidentFormSchema = z.object({
  severity: choiceField(
    ['1', '2', '3', '4'],
    "Choisissez la gravité de l'incident, de 1 (critique) à 4 (minime).",
  ).transform((s) => Number(s) as Severity),
  category: choiceField(
    INCIDENT_CATEGORIES,
    'Choisissez une catégorie : incident, demande de service, maintenance corrective ou évolutive.',
  ),
  domain: choiceField(
    INCIDENT_DOMAINS,
    'Choisissez un domaine : Modern Workplace, infrastructure, protection des données ou applications métier.',
  ),
  title: textField({
    min: TITLE_MIN,
    max: TITLE_MAX,
    oneLine: true,
    missing: 'Donnez un titre à votre demande.',
    tooShort: `Le titre doit compter au moins ${TITLE_MIN} caractères.`,
    tooLong: `Le titre ne doit pas dépasser ${TITLE_MAX} caractères`,
  }),
  description: textField({
    min: DESCRIPTION_MIN,
    max: DESCRIPTION_MAX,
    missing: 'Décrivez le problème : ce qui se passe, depuis quand, qui est touché.',
    tooShort: `La description doit compter au moins ${DESCRIPTION_MIN} caractères : dites ce qui se passe, depuis quand, qui est touché.`,
    tooLong: `La description ne doit pas dépasser ${frenchNumber(DESCRIPTION_MAX)} caractères`,
  }),
  // Optional: an absent key must not reach the transform, which zod 4 would then call non-optional.
  phone: phoneField.optional(),
});

/** A valid declaration: severity as a number, texts trimmed, phone in E.164 (absent when not given). */
export interface IncidentForm {
  readonly severity: Severity;
  readonly category: IncidentCategory;
  readonly domain: IncidentDomain;
  readonly title: string;
  readonly description: string;
  readonly phone?: string;
}

/** Validates the card's values; throws a `ValidationError` whose issues carry each input id and its French message. */
export function parseIncidentForm(values: unknown): IncidentForm {
  return withoutEmptyPhone(parseForm(incidentFormSchema, values));
}

/** The form without a `phone` key when none was given, so that the ticket stores no empty field. */
export function withoutEmptyPhone<T extends { phone?: string | undefined }>(form: T): T {
  if (form.phone !== undefined) return form;
  const { phone: _phone, ...rest } = form;
  return rest as T;
}

/** Runs a form schema and turns its issues into one French `ValidationError`, one issue per input. */
export function parseForm<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  const input = values !== null && typeof values === 'object' && !Array.isArray(values) ? values : {};
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw formError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

/** The `ValidationError` of a form: a summary naming the inputs, and their issues (first one per input). */
export function formError(issues: Issue[]): ValidationError {
  const seen = new Set<string>();
  const first = issues.filter((i) => !seen.has(i.path ?? '') && seen.add(i.path ?? ''));
  const names = first.map((i) => FORM_FIELD_LABELS[i.path ?? ''] ?? i.path ?? 'formulaire');
  const count = first.length === 1 ? 'une erreur' : `${first.length} erreurs`;
  return new ValidationError(`Le formulaire contient ${count} : ${names.join(', ')}.`, first);
}
