/**
 * Anonymisation of a contact on request (DESIGN.md, "Data duties": personal data is minimal — name,
 * e-mail, Entra object id — and a contact can be anonymised). Pure: the store side reads every
 * document of the beneficiary's partition, passes each one through `anonymiseDocument`, and writes
 * back those that changed, with an audit event that names the pseudonym, never the person.
 *
 * History is kept: events stay, with the same ids, dates and actions; only who the person was is
 * replaced. Two passes over every document:
 * - a person record (`{ name, objectId, email … }`: declarant, requester, event actor, decision…)
 *   that is the contact gets the pseudonym's name and object id, and loses its e-mail; a ticket the
 *   contact declared loses the call-back phone number;
 * - every other text (descriptions, notification texts, cards) has the contact's full name (in both
 *   orders), e-mail, object id and phone numbers replaced, as whole words, whatever the case.
 * A person record that is provably someone else (another object id) keeps its name: a namesake is
 * not anonymised with the contact. Document ids and partition keys never change.
 */
import { ValidationError } from '../errors';

/** Who is to be anonymised: the name, plus the e-mail and object id when known. */
export interface ContactToAnonymise {
  readonly name: string;
  readonly email?: string;
  readonly objectId?: string;
}

/** What replaces the person: a stable name and object id, recorded in the audit event. */
export interface Pseudonym {
  readonly name: string;
  readonly objectId: string;
}

/** A plan: the contact, the pseudonym and every text to erase, found across the partition. */
export interface AnonymisationPlan {
  readonly contact: ContactToAnonymise;
  readonly pseudonym: Pseudonym;
  /** Phone numbers of tickets the contact declared (E.164), erased wherever they are quoted. */
  readonly phones: readonly string[];
}

const ROOT_KEYS_KEPT = new Set(['id', 'pk', 'type', '_etag', '_ts']);
const NAME_KEYS = ['name', 'displayName'] as const;
const ID_KEYS = ['objectId', 'aadObjectId'] as const;
const ERASED_EMAIL = '[e-mail supprimé]';
const ERASED_PHONE = '[téléphone supprimé]';

/** The pseudonym of a random token (at least 8 hexadecimal digits, drawn by the caller). */
export function pseudonymOf(token: string): Pseudonym {
  if (!/^[0-9a-f]{8,64}$/i.test(token))
    throw new ValidationError('Jeton de pseudonyme invalide : 8 à 64 chiffres hexadécimaux.');
  const t = token.toLowerCase();
  return { name: `Contact anonymisé ${t.slice(0, 8).toUpperCase()}`, objectId: `anonymise-${t}` };
}

/** Checks the contact and gathers, from the partition's documents, what else identifies them. */
export function planAnonymisation(
  contact: ContactToAnonymise,
  pseudonym: Pseudonym,
  documents: readonly unknown[],
): AnonymisationPlan {
  const name = typeof contact.name === 'string' ? contact.name.trim().replace(/\s+/g, ' ') : '';
  if (name.length < 3)
    throw new ValidationError('Nom du contact à anonymiser manquant ou trop court (3 caractères au moins).', [
      { path: 'name', message: 'nom manquant' },
    ]);
  const checked = { ...contact, name };
  const phones = new Set<string>();
  for (const doc of documents) {
    const d = doc as { type?: unknown; declaredBy?: unknown; phone?: unknown };
    if (d.type === 'ticket' && typeof d.phone === 'string' && personMatch(d.declaredBy, checked) === 'same')
      phones.add(d.phone);
  }
  return { contact: checked, pseudonym, phones: [...phones] };
}

/** The document with the contact replaced by the pseudonym; `changed` false when nothing was found. */
export function anonymiseDocument<T>(doc: T, plan: AnonymisationPlan): { doc: T; changed: boolean } {
  const texts = textReplacements(plan);
  const state = { changed: false };
  const out = walk(doc, plan, texts, state, true) as T & { phone?: unknown; declaredBy?: unknown };
  const original = doc as { type?: unknown; declaredBy?: unknown; phone?: unknown };
  if (
    original.type === 'ticket' &&
    original.phone !== undefined &&
    personMatch(original.declaredBy, plan.contact) === 'same'
  ) {
    delete out.phone;
    state.changed = true;
  }
  return { doc: state.changed ? out : doc, changed: state.changed };
}

type Match = 'same' | 'other' | 'unknown';

/** Whether a value is a person record of the contact, of someone else, or cannot tell. */
export function personMatch(value: unknown, contact: ContactToAnonymise): Match {
  if (!isRecord(value)) return 'unknown';
  const name = NAME_KEYS.map((k) => value[k]).find((v) => typeof v === 'string') as string | undefined;
  const id = ID_KEYS.map((k) => value[k]).find((v) => typeof v === 'string') as string | undefined;
  const email = typeof value.email === 'string' ? value.email : undefined;
  if (name === undefined && id === undefined && email === undefined) return 'unknown';
  const same = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
  if (same(id, contact.objectId) || same(email, contact.email)) return 'same';
  const otherId = id !== undefined && contact.objectId !== undefined;
  const otherEmail = email !== undefined && contact.email !== undefined;
  if (otherId || otherEmail) return 'other';
  const normalised = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return name !== undefined && normalised(name) === normalised(contact.name) ? 'same' : 'unknown';
}

type Replacement = readonly [RegExp, string];

function textReplacements(plan: AnonymisationPlan): Replacement[] {
  const { contact, pseudonym } = plan;
  const words = contact.name.split(' ');
  const names = [contact.name];
  // "Dubois Léa" as often as "Léa Dubois" in lists and e-mail signatures.
  if (words.length === 2) names.push(`${words[1]} ${words[0]}`);
  const out: Replacement[] = names.map((n) => [
    wholeWords(n.split(' ').map(escape).join('\\s+')),
    pseudonym.name,
  ]);
  if (contact.email) out.push([wholeWords(escape(contact.email)), ERASED_EMAIL]);
  if (contact.objectId) out.push([wholeWords(escape(contact.objectId)), pseudonym.objectId]);
  for (const phone of plan.phones) out.push([new RegExp(escape(phone), 'g'), ERASED_PHONE]);
  return out;
}

function wholeWords(pattern: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}@._-])${pattern}(?![\\p{L}\\p{N}@_-]|\\.[\\p{L}\\p{N}])`, 'giu');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function walk(
  value: unknown,
  plan: AnonymisationPlan,
  texts: readonly Replacement[],
  state: { changed: boolean },
  root = false,
): unknown {
  if (typeof value === 'string') return replaceTexts(value, texts, state);
  if (Array.isArray(value)) return value.map((v) => walk(v, plan, texts, state));
  if (!isRecord(value)) return value;
  const match = root ? 'unknown' : personMatch(value, plan.contact);
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (root && ROOT_KEYS_KEPT.has(key)) out[key] = field;
    else if (match === 'other' && isIdentityKey(key)) out[key] = field;
    else if (match === 'same' && isIdentityKey(key)) replaceIdentity(out, key, plan.pseudonym, state);
    else out[key] = walk(field, plan, texts, state);
  }
  return out;
}

function isIdentityKey(key: string): boolean {
  return (
    (NAME_KEYS as readonly string[]).includes(key) ||
    (ID_KEYS as readonly string[]).includes(key) ||
    key === 'email'
  );
}

function replaceIdentity(
  out: Record<string, unknown>,
  key: string,
  pseudonym: Pseudonym,
  state: { changed: boolean },
): void {
  state.changed = true;
  if (key === 'email') return;
  out[key] = (NAME_KEYS as readonly string[]).includes(key) ? pseudonym.name : pseudonym.objectId;
}

function replaceTexts(value: string, texts: readonly Replacement[], state: { changed: boolean }): string {
  let out = value;
  for (const [re, by] of texts) out = out.replace(re, by);
  if (out !== value) state.changed = true;
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Who asked for the anonymisation, as the audit trail keeps it. */
export interface PrivacyActor {
  readonly tenantId: string;
  readonly objectId?: string;
  readonly name: string;
  readonly role: string;
  /** `cli` for an operator's command, `tab` or `api` for an admin's request. */
  readonly channel: string;
}

/** The audit event of an anonymisation: stored in the beneficiary's partition, names only the pseudonym. */
export interface ContactAnonymisedEvent {
  readonly id: string;
  readonly type: 'privacy-event';
  readonly action: 'anonymise-contact';
  readonly beneficiaryId: string;
  readonly at: string;
  readonly actor: PrivacyActor;
  readonly pseudonym: Pseudonym;
  /** The request's reference (a ticket, a letter), when the operator gave one. */
  readonly reference: string | null;
  /** Documents rewritten, by id (ids never carry personal data). */
  readonly documentIds: readonly string[];
  /** Registry entries removed: the contact's approver designation and personal chats. */
  readonly staffEntriesRemoved: number;
  readonly conversationsRemoved: number;
}

/** The audit event of an anonymisation, with an id derived from the pseudonym (one per request). */
export function contactAnonymisedEvent(
  fields: Omit<ContactAnonymisedEvent, 'id' | 'type' | 'action'>,
): ContactAnonymisedEvent {
  return {
    id: `privacy:${fields.pseudonym.objectId}`,
    type: 'privacy-event',
    action: 'anonymise-contact',
    ...fields,
    documentIds: [...fields.documentIds].sort(),
  };
}
