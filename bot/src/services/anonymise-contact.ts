/**
 * Anonymises a contact of a beneficiary on request (DESIGN.md, "Data duties"): every document of the
 * beneficiary's partition that names the person is rewritten with a pseudonym (the history stays:
 * same events, same dates, same actions), the person's approver designation and personal chats are
 * removed from the registries, and a `privacy-event` records who did it, when, and which documents
 * changed — naming the pseudonym, never the person.
 *
 * Writes go in batches of the partition under ETags; a document changed meanwhile is read again
 * and anonymised again. The run is idempotent: run twice, the second finds nothing left to change
 * and records a second event with no document — unless `requireContact` is set (the API), which
 * refuses a contact found nowhere and records nothing. A request replayed with the same token finds
 * its event (`recordedAnonymisation`) and answers what it answered the first time.
 */
import { randomBytes } from 'node:crypto';
import {
  type AnonymisationPlan,
  type ContactAnonymisedEvent,
  type ContactToAnonymise,
  type PrivacyActor,
  type Pseudonym,
  anonymiseDocument,
  contactAnonymisedEvent,
  personMatch,
  planAnonymisation,
  pseudonymOf,
} from '../domain/reports/contact-anonymisation';
import { GuichetError, NotFoundError, PreconditionFailedError } from '../domain/errors';
import { readAll } from '../reports/report-queries';
import { BeneficiaryRepository } from '../store/beneficiary-repository';
import type { BatchOperation, ContainerName, Doc, Store, Stored } from '../store/port';

/** Whose contact, who asks, and why. */
export interface AnonymiseContactInput {
  readonly siret: string;
  readonly contact: ContactToAnonymise;
  readonly actor: PrivacyActor;
  /** The request's reference (ticket, letter), kept in the audit event. */
  readonly reference?: string;
  readonly now?: Date;
  /** Random by default; tests fix it, the API derives it from the request's idempotency key. */
  readonly token?: string;
  /** Refuse (`NotFoundError`, nothing written) a contact that appears nowhere in the partition. */
  readonly requireContact?: boolean;
}

/** What was done. */
export interface AnonymiseContactResult {
  readonly pseudonym: Pseudonym;
  readonly documentIds: readonly string[];
  readonly staffEntriesRemoved: number;
  readonly conversationsRemoved: number;
  readonly eventId: string;
}

/** Cosmos batches hold 100 operations; half leaves room and keeps each request small. */
const BATCH_SIZE = 50;
const ATTEMPTS = 3;

/** Anonymises the contact in the beneficiary's partition; `NotFoundError` for an unknown SIRET. */
export async function anonymiseContact(
  store: Store,
  input: AnonymiseContactInput,
): Promise<AnonymiseContactResult> {
  const { siret } = input;
  if (!(await new BeneficiaryRepository(store).get(siret))) {
    throw new NotFoundError(`Le bénéficiaire de SIRET ${siret}`);
  }
  const pseudonym = pseudonymOf(input.token ?? randomBytes(8).toString('hex'));
  const business = await readAll<Doc>(store, { pk: siret });
  const plan = planAnonymisation(input.contact, pseudonym, business);
  if (input.requireContact && !(await isMentioned(store, siret, plan, business))) {
    // The message does not repeat the name: error messages are logged.
    throw new GuichetError(
      'NOT_FOUND',
      "Aucun document, aucune désignation d'approbateur ni aucune conversation de ce bénéficiaire ne " +
        'mentionne ce contact : rien à anonymiser (déjà anonymisé, ou nom, e-mail ou identifiant inexacts).',
    );
  }
  const documentIds = await rewrite(store, 'business', siret, business, (doc) =>
    anonymiseDocument(doc, plan),
  );
  const staffEntriesRemoved = await removeStaffEntries(store, siret, plan.contact);
  const conversationsRemoved = await removePersonalChats(store, siret, plan.contact);
  const conversations = await readAll<Doc>(store, { pk: siret }, 'conversations');
  await rewrite(store, 'conversations', siret, conversations, (doc) => anonymiseDocument(doc, plan));
  const event = contactAnonymisedEvent({
    beneficiaryId: siret,
    at: (input.now ?? new Date()).toISOString(),
    actor: input.actor,
    pseudonym,
    reference: input.reference ?? null,
    documentIds,
    staffEntriesRemoved,
    conversationsRemoved,
  });
  await store.container('business').create({ ...event, pk: siret } as unknown as Doc);
  return {
    pseudonym,
    documentIds: event.documentIds,
    staffEntriesRemoved,
    conversationsRemoved,
    eventId: event.id,
  };
}

/**
 * What an anonymisation with this token recorded, when one did (the event id derives from the
 * token's pseudonym, as `contactAnonymisedEvent` makes it); `undefined` otherwise.
 */
export async function recordedAnonymisation(
  store: Store,
  siret: string,
  token: string,
): Promise<AnonymiseContactResult | undefined> {
  const pseudonym = pseudonymOf(token);
  const event = (await store.container<Doc>('business').read(siret, `privacy:${pseudonym.objectId}`)) as
    (Doc & ContactAnonymisedEvent) | undefined;
  if (!event || event.action !== 'anonymise-contact') return undefined;
  return {
    pseudonym: event.pseudonym,
    documentIds: event.documentIds,
    staffEntriesRemoved: event.staffEntriesRemoved,
    conversationsRemoved: event.conversationsRemoved,
    eventId: event.id,
  };
}

/** True when the contact appears in a document, the approver registry or a conversation. */
async function isMentioned(
  store: Store,
  siret: string,
  plan: AnonymisationPlan,
  business: readonly Stored<Doc>[],
): Promise<boolean> {
  if (business.some((d) => anonymiseDocument(withoutMeta(d), plan).changed)) return true;
  const staff = await readAll<Doc>(store, { pk: siret }, 'staff');
  if (staff.some((e) => personMatch(e, plan.contact) === 'same')) return true;
  const conversations = await readAll<Doc>(store, { pk: siret }, 'conversations');
  const objectId = plan.contact.objectId?.toLowerCase();
  return conversations.some(
    (c) =>
      anonymiseDocument(withoutMeta(c), plan).changed ||
      (objectId !== undefined && String(c.userObjectId ?? '').toLowerCase() === objectId),
  );
}

type Rewrite = (doc: Doc) => { doc: Doc; changed: boolean };

/** Rewrites the documents that change, batch by batch; returns their ids. */
async function rewrite(
  store: Store,
  name: ContainerName,
  pk: string,
  docs: readonly Stored<Doc>[],
  change: Rewrite,
): Promise<string[]> {
  const container = store.container<Doc>(name);
  const changed: string[] = [];
  const pending = docs.filter((d) => change(withoutMeta(d)).changed);
  for (let start = 0; start < pending.length; start += BATCH_SIZE) {
    let chunk = pending.slice(start, start + BATCH_SIZE);
    for (let attempt = 1; ; attempt++) {
      const ops = chunk.map((d): BatchOperation<Doc> => ({
        op: 'replace',
        doc: change(withoutMeta(d)).doc,
        ifMatch: d._etag,
      }));
      try {
        await container.batch(pk, ops);
        break;
      } catch (err) {
        if (!(err instanceof PreconditionFailedError) || attempt >= ATTEMPTS) throw err;
        // Someone changed one of them meanwhile: read the chunk again (the batch applied nothing).
        const fresh = await Promise.all(chunk.map((d) => container.read(pk, d.id)));
        chunk = fresh.filter((d): d is Stored<Doc> => d !== undefined && change(withoutMeta(d)).changed);
      }
    }
    changed.push(...chunk.map((d) => d.id));
  }
  return changed.sort();
}

async function removeStaffEntries(store: Store, siret: string, contact: ContactToAnonymise): Promise<number> {
  const entries = await readAll<Doc>(store, { pk: siret }, 'staff');
  const theirs = entries.filter((e) => personMatch(e, contact) === 'same');
  for (const e of theirs) await store.container('staff').delete(siret, e.id);
  return theirs.length;
}

async function removePersonalChats(
  store: Store,
  siret: string,
  contact: ContactToAnonymise,
): Promise<number> {
  if (!contact.objectId) return 0;
  const objectId = contact.objectId.toLowerCase();
  const chats = await readAll<Doc>(store, { pk: siret }, 'conversations');
  const theirs = chats.filter(
    (c) =>
      c.scope === 'personal' &&
      typeof c.userObjectId === 'string' &&
      c.userObjectId.toLowerCase() === objectId,
  );
  for (const c of theirs) await store.container('conversations').delete(siret, c.id);
  return theirs.length;
}

function withoutMeta(doc: Stored<Doc>): Doc {
  const { _etag: _e, _ts: _t, ...rest } = doc;
  return rest;
}
