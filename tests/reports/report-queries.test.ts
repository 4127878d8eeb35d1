/**
 * Gathering a report's documents from the store: the same report as from the documents themselves,
 * a beneficiary's report read from its partition only, the CANUT's with one cross-partition read.
 */
import { buildReport } from '../../bot/src/domain/reports/build-report';
import { parseReportPeriod } from '../../bot/src/domain/reports/report-period';
import { loadReportData } from '../../bot/src/reports/report-queries';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import type { Store } from '../../bot/src/store/port';
import { DATASET_SIRETS, buildDataset } from '../domain/reports/report-dataset';
import { recordingStore, type RecordedQuery } from '../support/recording-store';
import { storeDataset } from './report-store';

const data = buildDataset(11, 160, 200);
const NOW = '2027-02-01T00:00:00Z';

describe('loadReportData', () => {
  let store: Store;
  beforeAll(async () => {
    store = openSqliteStore({ memory: true });
    await storeDataset(store, data);
  });
  afterAll(() => store.close());

  it.each(['2025', 'T3 2026', 'décembre 2026', 'janvier 2025'])(
    'gives the CANUT the report the documents give, %s',
    async (label) => {
      const period = parseReportPeriod(label);
      const loaded = await loadReportData(store, period, { allBeneficiaries: true });
      expect(buildReport(period, loaded, { now: NOW })).toEqual(buildReport(period, data, { now: NOW }));
      // A superset at most a day wider on each side: the builder places each document itself.
      expect(loaded.orders.length).toBeLessThan(data.orders.length);
    },
  );

  it("reads one beneficiary's partition only, never across partitions", async () => {
    const queries: RecordedQuery[] = [];
    const recorded = recordingStore(store, queries);
    const period = parseReportPeriod('2026');
    const siret = DATASET_SIRETS[2]!;
    const loaded = await loadReportData(recorded, period, { siret });
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.every((q) => q.pk === siret && !q.crossPartition)).toBe(true);
    const all = [...loaded.orders, ...loaded.tickets, ...loaded.quotes];
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((d) => d.beneficiaryId === siret)).toBe(true);
    expect(buildReport(period, loaded, { now: NOW, siret })).toEqual(
      buildReport(period, data, { now: NOW, siret }),
    );
  });

  it('pages through more documents than one page holds', async () => {
    const big = openSqliteStore({ memory: true });
    try {
      const many = buildDataset(3, 40, 1200);
      await storeDataset(big, many);
      const period = parseReportPeriod('2026');
      const loaded = await loadReportData(big, period, { allBeneficiaries: true });
      expect(buildReport(period, loaded, { now: NOW }).sla.tickets.length).toBe(
        buildReport(period, many, { now: NOW }).sla.tickets.length,
      );
      expect(loaded.tickets.length).toBeGreaterThan(500);
    } finally {
      await big.close();
    }
  });
});
