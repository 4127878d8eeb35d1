/**
 * Fixtures of the quote and order service tests: the demo data on an in-memory store, the real
 * services and directory on a clock the test moves, the demo people as quote actors, stored chats.
 */
import { seedDemoData } from '../../bot/src/cli/seed';
import { DEMO_BENEFICIARY_TENANT } from '../../bot/src/cli/demo-data';
import { DEMO_TENANTS } from '../../bot/src/config/config';
import type { Beneficiary } from '../../bot/src/domain/beneficiaries/beneficiary';
import type { QuoteActor } from '../../bot/src/domain/quotes/quote-actor';
import type { QuoteDraftInput } from '../../bot/src/domain/quotes/quote-draft';
import { aDraftInput } from '../domain/quotes/factories';
import type { Order } from '../../bot/src/domain/orders/order';
import type { Quote } from '../../bot/src/domain/quotes/quote';
import { BeneficiaryRepository } from '../../bot/src/store/beneficiary-repository';
import { ConversationRepository } from '../../bot/src/store/conversation-repository';
import type { OutboxMessage } from '../../bot/src/store/outbox-message';
import { CONTAINERS, SYSTEM_PARTITION, type Store } from '../../bot/src/store/port';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import type { QuoteDependencies } from '../../bot/src/teams/quote-handlers';
import { quoteDependencies } from '../../bot/src/teams/quote-wiring';
import { allOf } from '../../bot/src/store/query-pages';

export const BELLERIVE = '21690012300029';
export const LAMENTIN = '21972234500028';
const LAMENTIN_TENANT = 'b0a1c2d3-0000-4000-8000-000000000005';
const user = (n: number) => `a1b2c3d4-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Thursday 30 April 2026, 11:00 in Paris: 1 May, 8 May and Ascension fall in the next ten working days. */
export const APRIL_30 = '2026-04-30T09:00:00Z';

export const LEA: QuoteActor = {
  kind: 'beneficiary',
  tenantId: DEMO_BENEFICIARY_TENANT,
  objectId: user(5),
  name: 'Léa Dubois',
  roles: [],
  beneficiaryIds: [BELLERIVE],
};
export const MARC: QuoteActor = {
  ...LEA,
  objectId: user(6),
  name: 'Marc Petit',
  roles: ['Beneficiary.Approver'],
  approverOf: [BELLERIVE],
};
export const JULIEN: QuoteActor = {
  kind: 'titulaire',
  tenantId: DEMO_TENANTS.titulaire,
  objectId: user(2),
  name: 'Julien Bernard',
  roles: ['Account.Manager'],
  beneficiaryIds: [],
};
export const JOEL: QuoteActor = {
  kind: 'beneficiary',
  tenantId: LAMENTIN_TENANT,
  objectId: user(9),
  name: 'Joël Célestine',
  roles: [],
  beneficiaryIds: [LAMENTIN],
};

export const LEA_CHAT = 'a:lea-personal';
export const MARC_CHAT = 'a:marc-personal';
export const JULIEN_CHAT = 'a:julien-personal';

/** The domain factory's draft (17 217,50 € HT, 3 443,50 € of VAT, 20 661,00 € TTC), with P2's short certification list. */
export function aDraft(): QuoteDraftInput {
  return aDraftInput({
    profiles: [
      { code: 'P1', level: 'CONFIRME', certifications: ['PMP'] },
      { code: 'P2', level: 'EXPERT', certifications: ['MS-102', 'AZ-305'] },
      { code: 'P3', level: 'confirmé', certifications: 'MS-203, MS-700' },
    ],
  });
}

export interface QuoteRig {
  store: Store;
  deps: QuoteDependencies;
  /** Sets the clock the services read. */
  at(iso: string): void;
  beneficiary(siret: string): Promise<Beneficiary>;
  /** Stores a personal chat, as the bot does when someone talks to it. */
  chat(who: QuoteActor, conversationId: string): Promise<void>;
  /** Outbox messages of a partition, oldest first. */
  outbox(pk: string): Promise<OutboxMessage[]>;
  /** Every document of every container, to prove that a refused action wrote nothing. */
  snapshot(): Promise<string>;
  /** Requests a quote for Bellerive as Léa, from her chat, with a fresh form id. */
  request(formId: string, subject?: string): Promise<Quote>;
  /** Requests, prepares and sends a quote for Bellerive. */
  sent(formId: string): Promise<Quote>;
  /** Requests, prepares and sends a quote for Bellerive, then Marc accepts it: the quote and its order. */
  accepted(formId: string): Promise<{ quote: Quote; order: Order }>;
  close(): Promise<void>;
}

/** The demo data on an in-memory store, and the real services on a settable clock. */
export async function quoteRig(start = APRIL_30): Promise<QuoteRig> {
  const store = openSqliteStore({ memory: true });
  await seedDemoData(store);
  let now = new Date(start);
  const deps = quoteDependencies(store, { titulaireTenantId: DEMO_TENANTS.titulaire }, () => undefined, {
    now: () => now,
  });
  const beneficiaries = new BeneficiaryRepository(store);
  const conversations = new ConversationRepository(store);
  const rig: QuoteRig = {
    store,
    deps,
    at: (iso) => void (now = new Date(iso)),
    beneficiary: async (siret) => (await beneficiaries.get(siret))!,
    chat: (who, conversationId) =>
      conversations.save({
        pk: who.kind === 'beneficiary' ? who.beneficiaryIds[0]! : SYSTEM_PARTITION,
        conversationId,
        scope: 'personal',
        tenantId: who.tenantId,
        userObjectId: who.objectId,
        serviceUrl: 'http://127.0.0.1:9/',
        reference: { user: { id: `29:${who.objectId}` }, conversation: { id: conversationId } },
        updatedAt: now.toISOString(),
      }),
    outbox: async (pk) =>
      (
        await store.container<OutboxMessage>('business').query({
          pk,
          filters: [{ field: 'type', op: 'eq', value: 'outbox' }],
          orderBy: [{ field: 'createdAt' }],
          limit: 1000,
        })
      ).items,
    snapshot: () => snapshotOf(store),
    request: async (formId, subject = 'Migration de la messagerie vers Exchange Online') =>
      (
        await deps.quotes.request({
          form: {
            subject,
            need: 'Migrer 420 boîtes aux lettres et former les correspondants.',
            domain: 'modern-workplace',
          },
          beneficiary: await rig.beneficiary(BELLERIVE),
          actor: LEA,
          formId,
          conversation: { pk: BELLERIVE, conversationId: LEA_CHAT },
        })
      ).quote,
    sent: async (formId) => {
      const quote = await rig.request(formId);
      const ref = { beneficiaryId: BELLERIVE, quoteId: quote.id, actor: JULIEN };
      await deps.quotes.prepare({ ...ref, draft: aDraft() });
      return deps.quotes.send(ref);
    },
    accepted: async (formId) => {
      const quote = await rig.sent(formId);
      return deps.quotes.accept({ beneficiaryId: BELLERIVE, quoteId: quote.id, actor: MARC, version: 1 });
    },
    close: () => store.close(),
  };
  return rig;
}

async function snapshotOf(store: Store): Promise<string> {
  const all: unknown[] = [];
  for (const name of CONTAINERS) {
    const items = await allOf(store.container(name), { crossPartition: true, limit: 1000 });
    all.push(...items.map((d) => [name, d.pk, d.id, d._etag]));
  }
  return JSON.stringify(all);
}
