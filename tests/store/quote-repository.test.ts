/**
 * Quote, order and price-schedule repositories on the real store: numbers are looked up only in the
 * partitions the caller names, lists stay in one partition, and a price-schedule version is written
 * once and never rewritten.
 */
import { DEMO_PRICE_SCHEDULE } from '../../bot/src/domain/catalogue/demo-price-schedule';
import { ConflictError } from '../../bot/src/domain/errors';
import { PriceScheduleRepository } from '../../bot/src/store/price-schedule-repository';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import { BELLERIVE, JULIEN, LAMENTIN, aDraft, quoteRig, type QuoteRig } from '../services/quote-fixtures';

describe('quote and order repositories', () => {
  let rig: QuoteRig;
  beforeAll(async () => {
    rig = await quoteRig();
  });
  afterAll(() => rig.close());

  it('finds a quote and its order by number in the caller’s partitions only', async () => {
    const { quote, order } = await rig.accepted('form-repo');
    const quotes = rig.deps.quotes.quotes;
    const orders = rig.deps.orders.orders;
    expect((await quotes.findByNumber(quote.number, [BELLERIVE]))?.id).toBe(quote.id);
    expect(await quotes.findByNumber(quote.number, [LAMENTIN])).toBeUndefined();
    expect((await quotes.findByNumberAnywhere(quote.number))?.id).toBe(quote.id);
    expect((await orders.findByNumber(order.number, [BELLERIVE]))?.id).toBe(order.id);
    expect(await orders.findByNumber(order.number, [LAMENTIN])).toBeUndefined();
    expect((await orders.listForBeneficiary(LAMENTIN)).items).toEqual([]);
    // The same id in another partition is another document: a quote is read only where it lives.
    expect(await quotes.get(LAMENTIN, quote.id)).toBeUndefined();
    expect(await orders.get(BELLERIVE, quote.id)).toBeUndefined();
  });

  it('lists the open quotes of every beneficiary by due date, for the account managers', async () => {
    const later = await rig.request('form-later', 'Audit Intune');
    const open = (await rig.deps.quotes.quotes.listAllOpen()).items;
    expect(open.map((q) => q.id)).toContain(later.id);
    expect(open.every((q) => ['requested', 'in-preparation', 'sent'].includes(q.status))).toBe(true);
    const dues = open.map((q) => q.dueDate);
    expect([...dues].sort()).toEqual(dues);
  });

  it('keeps the audit trail of a quote in order', async () => {
    const quote = await rig.request('form-trail');
    await rig.deps.quotes.prepare({
      beneficiaryId: BELLERIVE,
      quoteId: quote.id,
      actor: JULIEN,
      draft: aDraft(),
    });
    const events = await rig.deps.quotes.quotes.events(BELLERIVE, quote.id);
    expect(events.map((e) => [e.seq, e.action, e.actor.role])).toEqual([
      [1, 'request', 'Beneficiary.Agent'],
      [2, 'prepare', 'Account.Manager'],
    ]);
  });
});

describe('price schedule repository', () => {
  const store = openSqliteStore({ memory: true });
  const schedules = new PriceScheduleRepository(store);
  afterAll(() => store.close());

  it('records a version once, accepts the same version again, refuses other prices under its label', async () => {
    expect(await schedules.save(DEMO_PRICE_SCHEDULE)).toEqual({ created: true });
    expect(await schedules.save(DEMO_PRICE_SCHEDULE)).toEqual({ created: false });
    const changed = {
      ...DEMO_PRICE_SCHEDULE,
      lines: DEMO_PRICE_SCHEDULE.lines.map((l, i) => (i === 0 ? { ...l, unitPriceCents: 1 } : l)),
    };
    await expect(schedules.save(changed)).rejects.toBeInstanceOf(ConflictError);
    expect((await schedules.get('2024-1'))!.lines[0]!.unitPriceCents).toBe(55_000);
  });

  it('gives the version in force on a date: the latest one started on or before it', async () => {
    const revised = {
      version: '2026-1',
      validFrom: '2026-07-01',
      lines: DEMO_PRICE_SCHEDULE.lines.map((l) => ({ ...l, unitPriceCents: l.unitPriceCents + 1000 })),
    };
    await schedules.save(revised);
    expect((await schedules.inForce('2026-06-30'))?.version).toBe('2024-1');
    expect((await schedules.inForce('2026-07-01'))?.version).toBe('2026-1');
    expect(await schedules.inForce('2024-01-01')).toBeUndefined();
    expect((await schedules.list()).map((s) => s.version)).toEqual(['2024-1', '2026-1']);
  });
});
