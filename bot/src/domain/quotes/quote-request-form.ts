/**
 * The request-a-quote form as a card or the tab submits it: subject, need, wished start, domain.
 * An account manager recording a request received by e-mail adds its real reception time and the
 * contact who wrote, since the 10-working-day deadline runs from that reception. Each problem is
 * reported on the input it concerns, in French; nothing is stored until the form is valid.
 */
import { z } from 'zod';
import { type LocalDate, formatLocalDate, parseLocalDate } from '../calendar/civil-date';
import type { Instant } from '../calendar/instant';
import type { ZoneSlug } from '../calendar/zones';
import { type Issue, ValidationError } from '../errors';
import { INCIDENT_DOMAINS, choiceField, frenchNumber, textField } from '../tickets/incident-form';
import { localDayOfInstant } from './quote-calendar';
import { parseReceptionTime } from '../tickets/wall-clock-input';
import type { QuoteContact, QuoteDomain } from './quote';

/** Input ids of the forms with their French names, for error summaries. */
export const QUOTE_FORM_FIELD_LABELS: Readonly<Record<string, string>> = Object.freeze({
  subject: 'objet',
  need: 'besoin',
  wishedStart: 'début souhaité',
  domain: 'domaine',
  receivedAt: 'date de réception',
  contactName: 'nom du demandeur',
  contactEmail: 'e-mail du demandeur',
});

/** Shortest subject accepted. */
export const SUBJECT_MIN = 3;
/** Longest subject accepted: it is one line of a card. */
export const SUBJECT_MAX = 120;
/** Shortest description of the need accepted. */
export const NEED_MIN = 10;
/** Longest description of the need accepted. */
export const NEED_MAX = 4000;
/** A wished start more than three years ahead is a typing error. */
const MAX_START_AHEAD_DAYS = 3 * 366;

/** A valid request: texts trimmed, wished start a local date (absent when not given). */
export interface QuoteRequestForm {
  readonly subject: string;
  readonly need: string;
  readonly wishedStart?: LocalDate;
  readonly domain: QuoteDomain;
}

/** A request received by e-mail, as an account manager records it. */
export interface EmailQuoteRequestForm extends QuoteRequestForm {
  readonly receivedAt: Instant;
  readonly contact: QuoteContact;
}

/** What the dates are checked against: the beneficiary's zone and convention, and now. */
export interface QuoteFormContext {
  readonly beneficiary: { readonly zone: ZoneSlug; readonly conventionDate: string };
  readonly now: Instant;
}

const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[A-Za-z]{2,}$/;

/** Schema of the form's values (unknown keys, such as the submit's `action`, are ignored). */
export const quoteRequestFormSchema = z.object({
  subject: textField({
    min: SUBJECT_MIN,
    max: SUBJECT_MAX,
    oneLine: true,
    missing: 'Donnez un objet à votre demande de devis.',
    tooShort: `L'objet doit compter au moins ${SUBJECT_MIN} caractères.`,
    tooLong: `L'objet ne doit pas dépasser ${SUBJECT_MAX} caractères`,
  }),
  need: textField({
    min: NEED_MIN,
    max: NEED_MAX,
    missing: 'Décrivez votre besoin : le contexte, le résultat attendu, les contraintes.',
    tooShort: `La description du besoin doit compter au moins ${NEED_MIN} caractères.`,
    tooLong: `La description du besoin ne doit pas dépasser ${frenchNumber(NEED_MAX)} caractères`,
  }),
  domain: choiceField(
    INCIDENT_DOMAINS,
    'Choisissez un domaine : Modern Workplace, infrastructure, protection des données ou applications métier.',
  ),
  wishedStart: z.unknown().optional(),
});

/** Validates a request made in Teams (received now); one French issue per input. */
export function parseQuoteRequestForm(values: unknown, context: QuoteFormContext): QuoteRequestForm {
  const input = asRecord(values);
  const parsed = quoteRequestFormSchema.safeParse(input);
  const issues = parsed.success ? [] : zodIssues(parsed.error.issues);
  const start = wishedStartOf(input.wishedStart, context.now, context.beneficiary.zone, issues);
  if (!parsed.success || issues.length > 0) throw quoteFormError(issues);
  const { subject, need, domain } = parsed.data;
  return { subject, need, domain, ...(start ? { wishedStart: start } : {}) };
}

/** Validates a request received by e-mail: the same inputs, its reception time and its contact. */
export function parseEmailQuoteRequestForm(
  values: unknown,
  context: QuoteFormContext,
): EmailQuoteRequestForm {
  const input = asRecord(values);
  const parsed = quoteRequestFormSchema.safeParse(input);
  const issues = parsed.success ? [] : zodIssues(parsed.error.issues);
  const received = parseReceptionTime(input.receivedAt, context, "de l'e-mail");
  if ('problem' in received) issues.push({ path: 'receivedAt', message: received.problem });
  const from = 'at' in received ? received.at : context.now;
  const start = wishedStartOf(input.wishedStart, from, context.beneficiary.zone, issues);
  const contact = contactOf(input, issues);
  if (!parsed.success || issues.length > 0 || !('at' in received) || !contact) throw quoteFormError(issues);
  const { subject, need, domain } = parsed.data;
  return {
    subject,
    need,
    domain,
    ...(start ? { wishedStart: start } : {}),
    receivedAt: received.at,
    contact,
  };
}

/** The `ValidationError` of a form: a summary naming the inputs, and their first issue each, in form order. */
export function quoteFormError(issues: Issue[]): ValidationError {
  const order = Object.keys(QUOTE_FORM_FIELD_LABELS);
  const seen = new Set<string>();
  const first = issues
    .filter((i) => !seen.has(i.path ?? '') && seen.add(i.path ?? ''))
    .sort((a, b) => order.indexOf(a.path ?? '') - order.indexOf(b.path ?? ''));
  const names = first.map((i) => QUOTE_FORM_FIELD_LABELS[i.path ?? ''] ?? i.path ?? 'formulaire');
  const count = first.length === 1 ? 'une erreur' : `${first.length} erreurs`;
  return new ValidationError(`Le formulaire contient ${count} : ${names.join(', ')}.`, first);
}

function wishedStartOf(
  value: unknown,
  from: Instant,
  zone: ZoneSlug,
  issues: Issue[],
): LocalDate | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
    return undefined;
  let day: number;
  try {
    day = parseLocalDate(typeof value === 'string' ? value.trim() : value, 'wishedStart');
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    issues.push({
      path: 'wishedStart',
      message: 'Date de début souhaitée invalide : choisissez une date, comme 2026-09-14.',
    });
    return undefined;
  }
  const today = localDayOfInstant(zone, from);
  if (day < today) {
    issues.push({
      path: 'wishedStart',
      message: `La date de début souhaitée ne peut pas être passée (nous sommes le ${formatLocalDate(today)}).`,
    });
  } else if (day > today + MAX_START_AHEAD_DAYS) {
    issues.push({
      path: 'wishedStart',
      message: 'La date de début souhaitée est à plus de trois ans : vérifiez-la.',
    });
  }
  return formatLocalDate(day);
}

function contactOf(input: Record<string, unknown>, issues: Issue[]): QuoteContact | undefined {
  const name = typeof input.contactName === 'string' ? input.contactName.trim().replace(/\s+/g, ' ') : '';
  const email = typeof input.contactEmail === 'string' ? input.contactEmail.trim().toLowerCase() : '';
  let ok = true;
  if (name.length < 2 || name.length > 200) {
    issues.push({
      path: 'contactName',
      message: "Indiquez le nom de l'agent qui a écrit (2 à 200 caractères).",
    });
    ok = false;
  }
  if (email !== '' && (!EMAIL_RE.test(email) || email.length > 254)) {
    issues.push({
      path: 'contactEmail',
      message: 'Adresse e-mail invalide, attendu par exemple prenom.nom@ville.fr.',
    });
    ok = false;
  }
  return ok ? { name, ...(email ? { email } : {}) } : undefined;
}

function zodIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function asRecord(values: unknown): Record<string, unknown> {
  return values !== null && typeof values === 'object' && !Array.isArray(values)
    ? (values as Record<string, unknown>)
    : {};
}
