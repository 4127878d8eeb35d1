/**
 * The report builder on a generated data set (two years, five zones, hundreds of orders and tickets
 * made by the real domain functions), checked against figures computed a second, plainer way
 * (`independent.ts`); then every figure's trace against the documents it names.
 */
import { buildReport } from '../../../bot/src/domain/reports/build-report';
import { parseReportPeriod } from '../../../bot/src/domain/reports/report-period';
import type { Report, Trace } from '../../../bot/src/domain/reports/report-types';
import { DATASET_SIRETS, buildDataset } from './report-dataset';
import {
  counted,
  expectedCompliance,
  expectedPenalties,
  expectedSplit,
  expectedTimeliness,
  expectedVolume,
  quarter,
  year,
  type PlainPeriod,
} from './independent';

const data = buildDataset();
const NOW = '2027-02-01T00:00:00Z';
const report = (period: string, siret?: string) =>
  buildReport(parseReportPeriod(period), data, { now: NOW, siret });

const CASES: [string, PlainPeriod][] = [
  ['2025', year(2025)],
  ['2026', year(2026)],
  ['T3 2026', quarter(2026, 3)],
  ['T1 2025', quarter(2025, 1)],
];

describe('report figures against an independent computation', () => {
  it('has a data set worth checking', () => {
    expect(data.orders.length).toBeGreaterThan(200);
    expect(data.tickets.length).toBeGreaterThan(400);
    expect(data.orders.some((o) => o.status === 'cancelled')).toBe(true);
    expect(data.quotes.some((q) => q.timeliness && !q.timeliness.onTime)).toBe(true);
  });

  it.each(CASES)('business volume per SIRET and month, %s', (label, plain) => {
    const r = report(label);
    const expected = expectedVolume(data.orders, plain);
    const actual = new Map(
      r.volume.rows
        .filter((row) => row.bucket.kind === 'month' && row.siret !== null)
        .map((row) => [`${row.siret}|${row.bucket.key}`, row.htCents]),
    );
    expect(actual).toEqual(expected);
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(r.volume.total.htCents).toBe(total);
    expect(r.volume.total.orderCount).toBe(counted(data.orders, plain).length);
  });

  it.each(CASES)(
    'every month of %s has an overall row, and months add up to quarters and the total',
    (label) => {
      const r = report(label);
      expect(r.volume.rows[0]).toEqual(r.volume.total);
      const overall = r.volume.rows.filter((row) => row.siret === null);
      const months = overall.filter((row) => row.bucket.kind === 'month');
      expect(months).toHaveLength(label.startsWith('T') ? 3 : 12);
      const sum = (rows: typeof overall) => rows.reduce((a, row) => a + row.htCents, 0);
      expect(sum(months)).toBe(r.volume.total.htCents);
      const quarters = overall.filter((row) => row.bucket.kind === 'quarter');
      expect(sum(quarters)).toBe(r.volume.total.htCents);
      for (const q of quarters) {
        const n = Number(q.bucket.key.slice(-1));
        const inQ = months.filter((m) => Math.ceil(Number(m.bucket.key.slice(5)) / 3) === n);
        expect(sum(inQ)).toBe(q.htCents);
      }
    },
  );

  it.each(CASES)('compliance per severity, %s', (label, plain) => {
    const r = report(label);
    const expected = expectedCompliance(data.tickets, plain);
    for (const row of r.sla.bySeverity) {
      const counts = [row.onTime, row.late, row.openLate, row.pending].map((t) => t.ids.length);
      expect([row.severity, counts]).toEqual([row.severity, expected.get(row.severity!)]);
      const [onTime, late, openLate] = counts as [number, number, number];
      const denominator = onTime + late + openLate;
      expect(row.complianceBp).toBe(denominator === 0 ? null : Math.round((onTime * 10_000) / denominator));
    }
  });

  it.each(CASES)('split over price lines, %s', (label, plain) => {
    const r = report(label);
    const actual = new Map(r.priceLines.map((l) => [`${l.code}|${l.unitPriceCents}`, l.htCents]));
    expect(actual).toEqual(expectedSplit(data.orders, plain));
    expect(r.priceLines.reduce((a, l) => a + l.htCents, 0)).toBe(r.volume.total.htCents);
    const shares = r.priceLines.reduce((a, l) => a + l.shareBp, 0);
    expect(Math.abs(shares - 10_000)).toBeLessThanOrEqual(r.priceLines.length);
  });

  it.each(CASES)('quote timeliness and penalties, %s', (label, plain) => {
    const r = report(label);
    const e = expectedTimeliness(data.quotes, plain);
    const t = r.quotes.total;
    expect([t.onTime, t.late, t.overdue, t.pending].map((x) => x.ids.length)).toEqual([
      e.onTime,
      e.late,
      e.overdue,
      e.pending,
    ]);
    expect(t.calendarDaysLateTotal).toBe(e.daysLate);
    expect(t.averageCalendarDaysLate).toBe(
      e.late === 0 ? null : Math.round((e.daysLate * 100) / e.late) / 100,
    );
    expect(r.penalties.totalCents).toBe(expectedPenalties(data.quotes, plain));
  });
});

describe('traceability', () => {
  const r = report('2026');
  const byId = <T extends { id: string }>(docs: readonly T[]) => new Map(docs.map((d) => [d.id, d]));
  const orders = byId(data.orders);

  it('names, for every volume row, orders whose amounts make exactly that row', () => {
    for (const row of [r.volume.total, ...r.volume.rows]) {
      expect(row.trace.ids).toHaveLength(row.orderCount);
      const docs = row.trace.ids.map((id) => orders.get(id)!);
      expect(docs.reduce((a, o) => a + o.totals.htCents, 0)).toBe(row.htCents);
      expect(docs.map((o) => o.number)).toEqual(row.trace.numbers);
      if (row.siret) expect(docs.every((o) => o.beneficiaryId === row.siret)).toBe(true);
    }
  });

  it('puts every ticket of the period in exactly one compliance bucket', () => {
    const buckets = (rows: Report['sla']['bySeverity']) =>
      rows.flatMap((row) => [row.onTime, row.late, row.openLate, row.pending].flatMap((t: Trace) => t.ids));
    const ids = r.sla.tickets.map((t) => t.id).sort();
    expect(buckets(r.sla.bySeverity).sort()).toEqual(ids);
    expect(buckets(r.sla.byBeneficiary).sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists the orders of each price line, and only orders that have that line', () => {
    for (const line of r.priceLines) {
      for (const id of line.trace.ids) {
        expect(orders.get(id)!.lines.some((l) => l.line.code === line.code)).toBe(true);
      }
    }
  });

  it('lists every order of the period, cancelled ones flagged and left out of the volume', () => {
    const listed = r.orders.filter((o) => !o.counted);
    expect(listed.every((o) => o.status === 'cancelled')).toBe(true);
    expect(r.orders.filter((o) => o.counted)).toHaveLength(r.volume.total.orderCount);
  });
});

describe('one beneficiary', () => {
  it("counts only that beneficiary's documents, even when given everyone's", () => {
    const [siret] = DATASET_SIRETS;
    const mine = report('2026', siret);
    expect(mine.scope.siret).toBe(siret);
    expect(mine.scope.beneficiaryName).toBe('Ville de Bellerive-sur-Rhône');
    expect(mine.orders.every((o) => o.siret === siret)).toBe(true);
    expect(mine.sla.tickets.every((t) => t.siret === siret)).toBe(true);
    const all = report('2026');
    const row = all.volume.rows.find((v) => v.siret === siret && v.bucket.kind === 'year')!;
    expect(mine.volume.total.htCents).toBe(row.htCents);
  });
});
