/**
 * Which period a document belongs to (its local date, in its own zone) and how it stood at the end
 * of the period: the cases a CANUT controller would check by hand.
 */
import { buildReport, type ReportData } from '../../../bot/src/domain/reports/build-report';
import { parseReportPeriod } from '../../../bot/src/domain/reports/report-period';
import type { Order } from '../../../bot/src/domain/orders/order';
import { applyQuoteAction } from '../../../bot/src/domain/quotes/quote-lifecycle';
import { applyTicketAction } from '../../../bot/src/domain/tickets/lifecycle';
import type { Ticket } from '../../../bot/src/domain/tickets/ticket';
import { aQuoteIn, anAccountManager, anIssuedOrder, anOrderIn } from '../quotes/factories';
import { aBeneficiary, aTicket, anEngineer } from '../tickets/factories';

const EMPTY: ReportData = { orders: [], tickets: [], quotes: [] };
const report = (period: string, data: Partial<ReportData>, now = '2027-06-01T00:00:00Z') =>
  buildReport(parseReportPeriod(period), { ...EMPTY, ...data }, { now });

/** The default order, as if issued at `at` in `zone` (every step moved along). */
function orderIssuedAt(at: string, zone: Order['zone'] = 'metropole', base = anIssuedOrder().order): Order {
  return { ...base, zone, issuedAt: at, steps: base.steps.map((s) => ({ ...s, at })) };
}

describe('period boundaries in local time', () => {
  it('counts an order of 31 March at 23:30 in Paris in Q1, not Q2', () => {
    const order = orderIssuedAt('2026-03-31T21:30:00Z');
    expect(report('T1 2026', { orders: [order] }).volume.total.orderCount).toBe(1);
    expect(report('T2 2026', { orders: [order] }).volume.total.orderCount).toBe(0);
    expect(report('mars 2026', { orders: [order] }).orders[0]?.issuedOn).toBe('2026-03-31');
  });

  it('counts an order of 1 January at 00:30 in Nouméa in the new year, though it is still 31 December in UTC', () => {
    const order = orderIssuedAt('2026-12-31T13:30:00Z', 'nouvelle-caledonie');
    expect(report('2027', { orders: [order] }).volume.total.orderCount).toBe(1);
    expect(report('2026', { orders: [order] }).volume.total.orderCount).toBe(0);
    expect(report('janvier 2027', { orders: [order] }).volume.rows[0]?.bucket.key).toBe('2027-01');
  });

  it('places a ticket by its reception in its own zone', () => {
    const martinique = aTicket({
      beneficiary: aBeneficiary({ zone: 'martinique' }),
      now: '2026-04-01T03:30:00Z', // 31 March, 23:30 in Martinique
    });
    expect(report('T1 2026', { tickets: [martinique] }).sla.tickets).toHaveLength(1);
    expect(report('T2 2026', { tickets: [martinique] }).sla.tickets).toHaveLength(0);
  });
});

describe('figures as they stood at the end of the period', () => {
  // Tuesday 30 June 2026, 23:00 in Paris: a severity 1 ticket, due Wednesday 1 July 09:00.
  const lateEvening = (): Ticket =>
    aTicket({ form: { ...baseForm(), severity: 1 }, now: '2026-06-30T21:00:00Z' });
  const baseForm = () => ({
    severity: 3 as const,
    category: 'incident' as const,
    domain: 'infrastructure' as const,
    title: 'Serveur arrêté',
    description: 'Le serveur de fichiers ne répond plus.',
  });

  it('leaves pending a ticket not due yet at the end of the period, whatever happened after', () => {
    const t = lateEvening();
    expect(t.firstResponseDueAt).toBe('2026-07-01T07:00:00Z');
    const takenLate = applyTicketAction(t, { type: 'take' }, anEngineer(), '2026-07-01T09:00:00Z').ticket;
    const q2 = report('T2 2026', { tickets: [takenLate] });
    expect(q2.sla.total.pending.ids).toEqual([t.id]);
    expect(q2.sla.total.complianceBp).toBeNull();
    expect(q2.sla.tickets[0]).toMatchObject({ state: 'pending', firstResponseAt: null });
  });

  it('counts as open and late a ticket past due and unanswered at the end, even if answered since', () => {
    // Monday 29 June, 10:00 in Paris, severity 1: due at 11:00; taken on 2 July.
    const t = aTicket({ form: { ...baseForm(), severity: 1 }, now: '2026-06-29T08:00:00Z' });
    const taken = applyTicketAction(t, { type: 'take' }, anEngineer(), '2026-07-02T08:00:00Z').ticket;
    const q2 = report('T2 2026', { tickets: [taken] });
    expect(q2.sla.total.openLate.ids).toEqual([t.id]);
    expect(q2.sla.bySeverity[0]?.complianceBp).toBe(0);
  });

  it('stops at the moment of the report when the period is not over', () => {
    const morning = aTicket({
      form: { ...baseForm(), severity: 1 },
      now: '2026-06-15T07:00:00Z',
      id: 'tkt-a',
    });
    const r = report('juin 2026', { tickets: [morning] }, '2026-06-15T07:30:00Z');
    expect(r.generatedAt).toBe('2026-06-15T07:30:00Z');
    expect(r.sla.total.pending.ids).toEqual(['tkt-a']);
    const later = report('juin 2026', { tickets: [morning] }, '2026-06-15T09:30:00Z');
    expect(later.sla.total.openLate.ids).toEqual(['tkt-a']);
  });

  it('counts an order cancelled after the period in the volume of its period', () => {
    const { order } = anOrderIn('cancelled'); // issued 21 May 2026, cancelled on 22 May
    expect(report('mai 2026', { orders: [order] }).volume.total.orderCount).toBe(0);
    const stillIssued = {
      ...order,
      steps: order.steps.map((s, i) => (i === 0 ? s : { ...s, at: '2026-06-02T08:00:00Z' })),
    };
    const may = report('mai 2026', { orders: [stillIssued] });
    expect(may.volume.total.orderCount).toBe(1);
    expect(may.orders[0]).toMatchObject({ status: 'issued', counted: true });
  });
});

describe('quote timeliness at the end of the period', () => {
  // Received 30 April 2026, due 19 May.
  it('is pending at the end of April, and on time at the end of June once sent on 19 May', () => {
    const { quote } = aQuoteIn('sent');
    expect(report('avril 2026', { quotes: [quote] }).quotes.rows[0]).toMatchObject({
      state: 'pending',
      sentOn: null,
    });
    expect(report('T2 2026', { quotes: [quote] }).quotes.rows[0]).toMatchObject({
      state: 'on-time',
      sentOn: '2026-05-19',
      dueDate: '2026-05-19',
    });
  });

  it('is overdue once its due day is over without an answer', () => {
    const { quote } = aQuoteIn('in-preparation');
    const r = report('T2 2026', { quotes: [quote] }, '2026-05-20T07:00:00Z');
    expect(r.quotes.total.overdue.ids).toEqual([quote.id]);
    expect(r.quotes.total.onTimeBp).toBe(0);
    const dueDay = report('T2 2026', { quotes: [quote] }, '2026-05-19T15:00:00Z');
    expect(dueDay.quotes.total.pending.ids).toEqual([quote.id]);
  });

  it('accrues the penalty in the month the late answer was sent', () => {
    const { quote } = aQuoteIn('in-preparation');
    const late = applyQuoteAction(quote, { type: 'send' }, anAccountManager(), '2026-06-02T08:00:00Z').quote;
    expect(late.timeliness).toMatchObject({ onTime: false, calendarDaysLate: 14 });
    const june = report('juin 2026', { quotes: [late] });
    expect(june.penalties.rows).toEqual([
      expect.objectContaining({
        quoteNumber: late.number,
        sentOn: '2026-06-02',
        calendarDaysLate: 14,
        baseHtCents: 1_721_750,
        amountCents: late.timeliness!.penalty.amountCents,
      }),
    ]);
    expect(june.penalties.totalCents).toBe(24_105); // 17 217,50 € × 14 / 1000
    expect(june.quotes.rows).toHaveLength(0); // received in April
    expect(report('avril 2026', { quotes: [late] }).penalties.rows).toHaveLength(0);
    const t2 = report('T2 2026', { quotes: [late] });
    expect(t2.quotes.total).toMatchObject({ calendarDaysLateTotal: 14, averageCalendarDaysLate: 14 });
  });
});
