/**
 * The rig of the quote and order API tests: calls with any method that read JSON or a PDF, quotes
 * brought to a given state straight through the quote service (with a clock the test sets, so a
 * quote can be sent months ago), and the stored quote read back to prove that nothing changed.
 */
import { randomUUID } from 'node:crypto';
import type { Beneficiary } from '../../bot/src/domain/beneficiaries/beneficiary';
import type { QuoteActor } from '../../bot/src/domain/quotes/quote-actor';
import type { QuoteDraftInput } from '../../bot/src/domain/quotes/quote-draft';
import type { Quote } from '../../bot/src/domain/quotes/quote';
import { parseQuoteRequestForm } from '../../bot/src/domain/quotes/quote-request-form';
import type { Order } from '../../bot/src/domain/orders/order';
import { BeneficiaryRepository } from '../../bot/src/store/beneficiary-repository';
import type { Doc, Store, Stored } from '../../bot/src/store/port';
import { quoteDependencies } from '../../bot/src/teams/quote-wiring';
import type { RunningService } from '../support/running-service';
import { BELLERIVE, LAMENTIN, USERS } from './support/api-harness';

/** The environment of API tests with quotes: no background watch changing documents under a test. */
export const QUIET = { QUOTE_WATCH_INTERVAL_MS: '0', SLA_WATCH_INTERVAL_MS: '0', OUTBOX_INTERVAL_MS: '0' };

export interface Answer<T = unknown> {
  status: number;
  body: T;
  raw: Buffer;
  headers: Headers;
}

/** A call with a bearer token; JSON bodies are parsed, anything else is left in `raw`. */
export async function send<T = unknown>(
  svc: RunningService,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const res = await fetch(`${svc.url}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const raw = Buffer.from(await res.arrayBuffer());
  const json = (res.headers.get('content-type') ?? '').includes('json') && raw.length > 0;
  return {
    status: res.status,
    body: (json ? JSON.parse(raw.toString('utf8')) : undefined) as T,
    raw,
    headers: res.headers,
  };
}

/** A draft the demo price schedule prices: 2 days of PIL-CONF, 5 of INT-EXP by P1 (5 010 € HT). */
export function aDraft(start = '2030-03-04', end = '2030-03-29'): QuoteDraftInput {
  return {
    phases: [
      {
        label: 'Cadrage et conception',
        start,
        end,
        charges: [{ line: 'PIL-CONF', quantity: 2 }],
        deliverables: [
          {
            label: 'Dossier d’architecture',
            dueDate: end,
            charges: [{ line: 'INT-EXP', quantity: 5, profile: 'P1' }],
          },
        ],
      },
    ],
    profiles: [{ code: 'P1', level: 'EXPERT', certifications: ['AZ-305'] }],
  };
}

/** The states a test quote can be brought to. */
export type QuoteState = 'requested' | 'prepared' | 'sent' | 'accepted';

/** Quotes and orders made through the services, as the bot would make them. */
export class QuoteFactory {
  /** The clock of the services; tests move it to make quotes in the past. */
  now = new Date();
  private readonly deps;
  private readonly beneficiaries: BeneficiaryRepository;

  constructor(private readonly store: Store) {
    this.deps = quoteDependencies(
      store,
      { titulaireTenantId: 'titulaire', supportChannelId: undefined },
      () => undefined,
      { now: () => this.now },
    );
    this.beneficiaries = new BeneficiaryRepository(store);
  }

  /** A quote of `siret` brought to `state`, with a subject unique to it. */
  async quote(siret: string, state: QuoteState = 'requested'): Promise<Quote> {
    const beneficiary = (await this.beneficiaries.get(siret)) as Beneficiary;
    const subject = `Migration ${randomUUID().slice(0, 8)}`;
    const form = parseQuoteRequestForm(
      { subject, need: 'Migrer la messagerie vers Exchange Online.', domain: 'modern-workplace' },
      { beneficiary, now: this.now.toISOString() },
    );
    const actor = agentOf(siret, beneficiary.tenantIds[0]!);
    let { quote } = await this.deps.quotes.request({ form, beneficiary, actor, formId: randomUUID() });
    if (state === 'requested') return quote;
    const ref = { beneficiaryId: siret, quoteId: quote.id, actor: MANAGER };
    // Days ahead of the request in every zone, whatever the hour.
    const day = (n: number) => new Date(this.now.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    quote = await this.deps.quotes.prepare({ ...ref, draft: aDraft(day(3), day(30)) });
    if (state === 'prepared') return quote;
    quote = await this.deps.quotes.send(ref);
    if (state === 'sent') return quote;
    return (await this.deps.quotes.accept({ ...ref, actor: approverOf(siret), version: 1 })).quote;
  }

  /** An issued order of `siret`. */
  async order(siret: string): Promise<Order> {
    const quote = await this.quote(siret, 'accepted');
    return (await this.deps.orders.orders.get(siret, quote.order!.id))!;
  }

  /** The stored quote, with its ETag: equal before and after a refused call means nothing changed. */
  async stored(siret: string, id: string): Promise<Stored<Doc> | undefined> {
    return this.store.container('business').read(siret, id);
  }

  /** How many documents of a type a partition holds. */
  async count(siret: string, type: string): Promise<number> {
    const page = await this.store
      .container('business')
      .query({ pk: siret, filters: [{ field: 'type', op: 'eq', value: type }], limit: 1000 });
    return page.items.length;
  }
}

/** The demo account manager, as the services know him. */
export const MANAGER: QuoteActor = {
  kind: 'titulaire',
  tenantId: 'titulaire',
  objectId: USERS.accountManager,
  name: 'Julien Bernard',
  roles: ['Account.Manager'],
  beneficiaryIds: [],
};

function agentOf(siret: string, tenantId: string): QuoteActor {
  return {
    kind: 'beneficiary',
    tenantId,
    objectId: randomUUID(),
    name: 'Agent de test',
    roles: [],
    beneficiaryIds: [siret],
  };
}

/** An approver of `siret` (the demo's Marc Petit for Bellerive, a test one elsewhere). */
export function approverOf(siret: string): QuoteActor {
  return {
    kind: 'beneficiary',
    tenantId: 'tenant',
    objectId: siret === BELLERIVE ? USERS.approver : randomUUID(),
    name: siret === BELLERIVE ? 'Marc Petit' : 'Approbateur de test',
    roles: ['Beneficiary.Approver'],
    beneficiaryIds: [siret],
    approverOf: [siret],
  };
}

export { BELLERIVE, LAMENTIN };
