/**
 * The quote watch on a real SQLite file, with a fake clock: the D-3, D-1 and daily overdue reminders
 * to the account managers go out once each — however often the watch sweeps, restarts or runs on two
 * instances at once — with the days late and the penalty accrued in the overdue text; a quote whose
 * validity ended is declared expired, once. Its work comes from the open-quote view, each quote read
 * in its own partition (no cross-partition query), and a row its quote left behind is refreshed.
 */
import pino from 'pino';
import { seedDemoData } from '../../bot/src/cli/seed';
import type { Beneficiary } from '../../bot/src/domain/beneficiaries/beneficiary';
import type { QuoteActor } from '../../bot/src/domain/quotes/quote-actor';
import { parseQuoteRequestForm } from '../../bot/src/domain/quotes/quote-request-form';
import type { Quote } from '../../bot/src/domain/quotes/quote';
import { QuoteWatch } from '../../bot/src/jobs/quote-watch';
import { BeneficiaryRepository } from '../../bot/src/store/beneficiary-repository';
import type { OutboxMessage } from '../../bot/src/store/outbox-message';
import {
  SYSTEM_PARTITION,
  type BatchOperation,
  type Container,
  type ContainerName,
  type Doc,
  type Store,
} from '../../bot/src/store/port';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import { adapterOf } from '../../bot/src/store/views/projecting-store';
import { BENEFICIARY_DIRECTORY_VIEW, OPEN_QUOTES_VIEW } from '../../bot/src/store/views/view-projections';
import { viewRowId, type ViewRow } from '../../bot/src/store/views/view-row';
import { quoteDependencies } from '../../bot/src/teams/quote-wiring';
import { aDraft, approverOf, MANAGER } from '../api/quote-harness';
import { plain } from '../documents/pdf-text';
import { recordingStore, type RecordedQuery } from '../support/recording-store';
import { removeTempFiles, tempStoreFile } from './outbox-fixtures';

const BELLERIVE = '21690012300029';
const LAMENTIN = '21972234500028';
const quiet = pino({ level: 'silent' });
const at = (iso: string) => new Date(iso);
const TARGETS = [
  { pk: SYSTEM_PARTITION, conversationId: 'a:chat-julien-bernard' },
  { pk: SYSTEM_PARTITION, conversationId: '19:titulaire-support@thread.tacv2' },
];

/** Monday 2 March 2026, 10:00 in Paris (UTC+1): due Monday 16 March; D-3 is Wednesday 11, D-1 Friday 13. */
const RECEIVED = '2026-03-02T09:00:00Z';

interface Rig {
  store: Store;
  /** A second connection to the same file: another instance of the service. */
  other: Store;
  clock: { now: Date };
  deps: ReturnType<typeof quoteDependencies>;
  watch(targets?: typeof TARGETS, store?: Store): QuoteWatch;
  request(siret: string, receivedAt: string): Promise<Quote>;
  reminders(quoteId: string, siret?: string): Promise<OutboxMessage[]>;
}

function rigOn(file: string): Rig {
  const store = openSqliteStore({ file });
  const clock = { now: new Date(RECEIVED) };
  const depsOf = (s: Store) =>
    quoteDependencies(s, { titulaireTenantId: 't', supportChannelId: undefined }, () => undefined, {
      now: () => clock.now,
    });
  const deps = depsOf(store);
  return {
    store,
    other: openSqliteStore({ file }),
    clock,
    deps,
    watch: (targets = TARGETS, on = store) =>
      new QuoteWatch({
        store: on,
        logger: quiet,
        services: { quotes: depsOf(on).quotes, directory: { accountManagers: async () => targets } },
      }),
    request: async (siret, receivedAt) => {
      clock.now = new Date(receivedAt);
      const beneficiary = (await new BeneficiaryRepository(store).get(siret)) as Beneficiary;
      const form = parseQuoteRequestForm(
        {
          subject: 'Migration Exchange',
          need: 'Migrer 300 boîtes aux lettres vers Exchange Online.',
          domain: 'modern-workplace',
        },
        { beneficiary, now: receivedAt },
      );
      const actor: QuoteActor = {
        kind: 'beneficiary',
        tenantId: beneficiary.tenantIds[0]!,
        objectId: 'agent',
        name: 'Léa Dubois',
        roles: [],
        beneficiaryIds: [siret],
      };
      return (await deps.quotes.request({ form, beneficiary, actor, formId: `f-${siret}-${receivedAt}` }))
        .quote;
    },
    reminders: async (quoteId, siret = BELLERIVE) => {
      const page = await store.container<OutboxMessage>('business').query({
        pk: siret,
        filters: [{ field: 'type', op: 'eq', value: 'outbox' }],
        orderBy: [{ field: 'createdAt' }],
        limit: 1000,
      });
      return page.items.filter((m) => m.id.startsWith(`outbox:${quoteId}:reminder:`));
    },
  };
}

/**
 * `store` whose business batches wait for `release()`: an instance that has read the quote and is
 * about to write, held there while another instance does the same work.
 */
function withHeldWrites(store: Store): { store: Store; reached: Promise<void>; release(): void } {
  let reach!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((r) => (reach = r));
  const gate = new Promise<void>((r) => (release = r));
  const hold = <T extends object>(target: T, name: PropertyKey, wrap: (fn: never) => unknown) =>
    new Proxy(target, {
      get: (t, p) => {
        const value = Reflect.get(t, p) as unknown;
        if (p === name) return wrap((value as (...a: unknown[]) => unknown).bind(t) as never);
        return typeof value === 'function' ? value.bind(t) : value;
      },
    });
  const held = hold(
    store,
    'container',
    (container: (n: ContainerName) => Container) => (n: ContainerName) =>
      n !== 'business'
        ? container(n)
        : hold(
            container(n),
            'batch',
            (batch: Container['batch']) => async (pk: string, ops: BatchOperation<Doc>[]) => {
              reach();
              await gate;
              return batch(pk, ops);
            },
          ),
  );
  return { store: held, reached, release };
}

/** The stage keys of the reminders queued, once per stage (each goes to every target). */
function stages(messages: OutboxMessage[]): string[] {
  return [...new Set(messages.map((m) => m.id.split(':')[3]!))];
}

describe('the quote watch', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = rigOn(tempStoreFile());
    await seedDemoData(rig.store);
  });
  afterEach(async () => {
    await Promise.all([rig.store.close(), rig.other.close()]);
    removeTempFiles();
  });

  it('reminds at D-3, D-1 and every working day once late, each exactly once, the penalty in the text', async () => {
    const quote = await rig.request(BELLERIVE, RECEIVED);
    expect(quote.dueDate).toBe('2026-03-16');
    const sweep = (iso: string, watch = rig.watch()) => watch.sweep(at(iso));
    expect((await sweep('2026-03-11T06:59:00Z')).reminded).toBe(0);
    expect(await sweep('2026-03-11T07:00:00Z')).toMatchObject({ reminded: 1, messages: 2 });
    expect((await sweep('2026-03-11T07:00:00Z')).reminded).toBe(0);
    // A restarted watch finds the stage recorded on the quote.
    expect((await sweep('2026-03-12T10:00:00Z', rig.watch())).reminded).toBe(0);
    // The account manager's own change keeps the watch's bookkeeping.
    rig.clock.now = at('2026-03-12T10:00:00Z');
    await rig.deps.quotes.prepare({
      beneficiaryId: BELLERIVE,
      quoteId: quote.id,
      actor: MANAGER,
      draft: aDraft('2026-04-01', '2026-04-30'),
    });
    expect((await sweep('2026-03-12T10:05:00Z')).reminded).toBe(0);
    expect((await sweep('2026-03-13T07:30:00Z')).reminded).toBe(1);
    expect((await sweep('2026-03-16T16:00:00Z')).reminded).toBe(0);
    for (const iso of [
      '2026-03-17T07:00:00Z',
      '2026-03-18T09:00:00Z',
      '2026-03-20T15:00:00Z',
      '2026-03-23T07:00:00Z',
    ])
      expect([iso, (await sweep(iso)).reminded]).toEqual([iso, 1]);
    expect((await sweep('2026-03-22T12:00:00Z')).reminded).toBe(0);
    const messages = await rig.reminders(quote.id);
    expect(stages(messages)).toEqual([
      'd-3',
      'd-1',
      'overdue-2026-03-17',
      'overdue-2026-03-18',
      'overdue-2026-03-20',
      'overdue-2026-03-23',
    ]);
    expect(messages).toHaveLength(12);
    const text = (key: string) =>
      plain(messages.find((m) => m.id.includes(`:reminder:${key}:`))!.activity.text!);
    expect(text('d-3')).toBe(
      'Rappel : le devis DEV-2026-0001 (Ville de Bellerive-sur-Rhône, « Migration Exchange ») est à envoyer au plus tard le lundi 16 mars 2026, dans 3 jours ouvrés. Aucune version préparée pour l’instant.',
    );
    expect(text('d-1')).toMatch(
      /^Dernier jour ouvré avant l'échéance : .* Version 1 en préparation : 6 010,00 € HT\.$/,
    );
    // CCAG-TIC: P = V × R / 1000, V = 6 010 € HT, R in calendar days.
    expect(text('overdue-2026-03-17')).toContain(
      '1 jour de retard à ce jour ; pénalité courue : 6,01 € sur la version 1 en préparation, 6 010,00 € HT.',
    );
    expect(text('overdue-2026-03-18')).toContain('2 jours de retard à ce jour ; pénalité courue : 12,02 €');
    expect(text('overdue-2026-03-23')).toContain('7 jours de retard à ce jour ; pénalité courue : 42,07 €');
    expect(
      messages.every(
        (m) => m.status === 'pending' && TARGETS.some((t) => t.conversationId === m.target.conversationId),
      ),
    ).toBe(true);
    // Sent at last (late): no reminder any more.
    rig.clock.now = at('2026-03-23T10:00:00Z');
    await rig.deps.quotes.send({ beneficiaryId: BELLERIVE, quoteId: quote.id, actor: MANAGER });
    expect((await sweep('2026-03-24T09:00:00Z')).reminded).toBe(0);
  });

  it('sends each reminder once when two instances sweep at the same moment', async () => {
    const quote = await rig.request(BELLERIVE, RECEIVED);
    const now = at('2026-03-17T08:00:00Z');
    const slow = withHeldWrites(rig.other);
    const first = rig.watch(TARGETS, slow.store).sweep(now);
    await slow.reached;
    // The second instance does the whole job while the first holds the same quote, read before it.
    expect(await rig.watch().sweep(now)).toMatchObject({ reminded: 1, messages: 2 });
    slow.release();
    expect(await first).toMatchObject({ reminded: 0, lost: 1, failed: 0 });
    expect(stages(await rig.reminders(quote.id))).toEqual(['overdue-2026-03-17']);
    expect(await rig.reminders(quote.id)).toHaveLength(2);
  });

  it('sends only the latest stage reached when it first runs late, and skips weekends', async () => {
    const quote = await rig.request(BELLERIVE, RECEIVED);
    expect((await rig.watch().sweep(at('2026-03-13T12:00:00Z'))).reminded).toBe(1);
    expect((await rig.watch().sweep(at('2026-03-14T12:00:00Z'))).reminded).toBe(0);
    expect(stages(await rig.reminders(quote.id))).toEqual(['d-1']);
  });

  it('gives the penalty as a share of V while no version is priced', async () => {
    const quote = await rig.request(BELLERIVE, RECEIVED);
    await rig.watch().sweep(at('2026-03-19T09:00:00Z'));
    const [message] = await rig.reminders(quote.id);
    expect(plain(message!.activity.text!)).toContain(
      '3 jours de retard à ce jour ; pénalité courue : 3/1000 de la valeur HT du devis (P = V × R / 1000), à chiffrer dès la première version. Aucune version préparée',
    );
  });

  it('keeps a reminder due while no account managers’ conversation is known, then sends it', async () => {
    const quote = await rig.request(BELLERIVE, RECEIVED);
    expect(await rig.watch([]).sweep(at('2026-03-11T08:00:00Z'))).toMatchObject({ reminded: 0, waiting: 1 });
    expect(await rig.reminders(quote.id)).toEqual([]);
    expect((await rig.watch().sweep(at('2026-03-11T09:00:00Z'))).reminded).toBe(1);
  });

  it('counts working days and 08:00 in the beneficiary’s own zone (Martinique, UTC−4)', async () => {
    const quote = await rig.request(LAMENTIN, '2026-03-02T14:00:00Z');
    expect(quote.dueDate).toBe('2026-03-16');
    expect((await rig.watch().sweep(at('2026-03-11T11:59:00Z'))).reminded).toBe(0);
    expect((await rig.watch().sweep(at('2026-03-11T12:00:00Z'))).reminded).toBe(1);
    expect(stages(await rig.reminders(quote.id, LAMENTIN))).toEqual(['d-3']);
  });

  it('declares a sent quote expired once its validity is over, once across instances', async () => {
    const quote = await rig.request(BELLERIVE, '2026-01-05T09:00:00Z');
    const ref = { beneficiaryId: BELLERIVE, quoteId: quote.id, actor: MANAGER };
    await rig.deps.quotes.prepare({ ...ref, draft: aDraft('2026-02-02', '2026-02-27') });
    const sent = await rig.deps.quotes.send(ref);
    expect(sent.versions[0]!.validUntil).toBe('2026-04-05');
    // 5 April, 23:30 in Paris: still valid.
    expect((await rig.watch().sweep(at('2026-04-05T21:30:00Z'))).expired).toBe(0);
    rig.clock.now = at('2026-04-06T06:00:00Z');
    const slow = withHeldWrites(rig.other);
    const first = rig.watch(TARGETS, slow.store).sweep(rig.clock.now);
    await slow.reached;
    expect((await rig.watch().sweep(rig.clock.now)).expired).toBe(1);
    slow.release();
    expect(await first).toMatchObject({ expired: 0, lost: 1, failed: 0 });
    const stored = await rig.deps.quotes.quotes.get(BELLERIVE, quote.id);
    expect(stored).toMatchObject({ status: 'expired', versions: [{ status: 'expired' }] });
    const events = await rig.deps.quotes.quotes.events(BELLERIVE, quote.id);
    expect(events.filter((e) => e.action === 'expire')).toHaveLength(1);
    expect(events.at(-1)!.actor).toMatchObject({ name: 'Guichet (veille des devis)', channel: 'system' });
    expect((await rig.watch().sweep(at('2026-04-07T06:00:00Z'))).expired).toBe(0);
    // An approver who still has the card gets the domain's refusal.
    await expect(
      rig.deps.quotes.accept({ ...ref, actor: approverOf(BELLERIVE), version: 1 }),
    ).rejects.toMatchObject({
      code: 'QUOTE_EXPIRED',
    });
  });

  it('finds its work in the open-quote view and reads each quote in its own partition, never across', async () => {
    const late = await rig.request(BELLERIVE, RECEIVED);
    const sent = await rig.request(BELLERIVE, '2026-01-05T09:00:00Z');
    const ref = { beneficiaryId: BELLERIVE, quoteId: sent.id, actor: MANAGER };
    await rig.deps.quotes.prepare({ ...ref, draft: aDraft('2026-02-02', '2026-02-27') });
    await rig.deps.quotes.send(ref);
    const queries: RecordedQuery[] = [];
    rig.clock.now = at('2026-04-06T07:00:00Z');

    const result = await rig
      .watch(TARGETS, recordingStore(rig.store, queries))
      .sweep(at('2026-04-06T07:00:00Z'));

    expect(result).toMatchObject({ read: 2, reminded: 1, expired: 1, refreshed: 0, failed: 0 });
    // Easter Monday: the latest working day reached is Friday 3 April.
    expect(stages(await rig.reminders(late.id))).toEqual(['overdue-2026-04-03']);
    // Nothing read across partitions, registries included: who approves is looked up in the
    // directory view, the quotes in the open-quote view.
    expect(queries.filter((q) => q.crossPartition === true || q.pk === undefined)).toEqual([]);
    expect(
      queries.filter((q) => q.container === 'views' && q.pk !== BENEFICIARY_DIRECTORY_VIEW).map((q) => q.pk),
    ).toEqual([OPEN_QUOTES_VIEW, OPEN_QUOTES_VIEW, OPEN_QUOTES_VIEW]);
  });

  it('refreshes a row its quote left behind (a refresh cut short), so that it stops coming back', async () => {
    const decided = await rig.request(BELLERIVE, RECEIVED);
    const renamed = await rig.request(BELLERIVE, '2026-03-02T10:00:00Z');
    // Changes committed without their refresh, as a crash right after the commit leaves them.
    const business = adapterOf(rig.store).container('business');
    const change = async (id: string, fields: Partial<Quote>) => {
      const { _etag, _ts, ...quote } = (await business.read(BELLERIVE, id))!;
      await business.replace({ ...quote, ...fields }, { ifMatch: _etag });
    };
    await change(decided.id, { status: 'declined' });
    await change(renamed.id, { request: { ...renamed.request, subject: 'Migration Exchange, lot 2' } });

    expect(await rig.watch().sweep(at('2026-03-11T07:00:00Z'))).toMatchObject({
      read: 2,
      refreshed: 2,
      reminded: 1,
    });
    const row = (id: string) =>
      rig.store.container<ViewRow>('views').read(OPEN_QUOTES_VIEW, viewRowId(BELLERIVE, id));
    expect((await row(decided.id))!.removedAt).toEqual(expect.any(String));
    expect((await row(renamed.id))!.request).toMatchObject({ subject: 'Migration Exchange, lot 2' });
    expect(await rig.watch().sweep(at('2026-03-11T08:00:00Z'))).toMatchObject({
      read: 1,
      refreshed: 0,
      reminded: 0,
    });
    expect(stages(await rig.reminders(decided.id))).toEqual([]);
    expect(stages(await rig.reminders(renamed.id))).toEqual(['d-3']);
  });
});
