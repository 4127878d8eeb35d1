/**
 * `guichet report --period … [--siret …] --out …` (`runReport`): the CSV files and the workbook of a
 * period written in a folder, for every beneficiary or one, and French refusals of bad arguments.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { runReport } from '../../bot/src/cli/report-command';
import { buildReport } from '../../bot/src/domain/reports/build-report';
import { parseReportPeriod } from '../../bot/src/domain/reports/report-period';
import { NotFoundError, ValidationError } from '../../bot/src/domain/errors';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import type { Store } from '../../bot/src/store/port';
import { DATASET_SIRETS, buildDataset } from '../domain/reports/report-dataset';
import { storeDataset } from './report-store';

const data = buildDataset(5, 120, 160);
const NOW = new Date('2027-02-01T00:00:00Z');

function output() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += String(chunk)));
  return { stream, text: () => text };
}

describe('guichet report', () => {
  let store: Store;
  let dir: string;
  beforeAll(async () => {
    store = openSqliteStore({ memory: true });
    await storeDataset(store, data);
  });
  afterAll(() => store.close());
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'guichet-report-'));
  });

  it('writes the CSV files and the workbook of a quarter for every beneficiary', async () => {
    const out = output();
    expect(
      await runReport(['--period', 'T3 2026', '--out', dir], out.stream, { store, now: () => NOW }),
    ).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toContain('rapport-2026-T3.xlsx');
    expect(files).toContain('rapport-2026-T3-volume-affaires.csv');
    expect(files.filter((f) => f.endsWith('.csv'))).toHaveLength(13);
    const expected = buildReport(parseReportPeriod('T3 2026'), data, { now: NOW.toISOString() });
    expect(out.text()).toContain(
      `Rapport T3 2026 (tous les bénéficiaires) : ${expected.volume.total.orderCount} bon(s) de commande`,
    );
    const rows = parse(readFileSync(path.join(dir, 'rapport-2026-T3-bons-de-commande.csv')), {
      bom: true,
      delimiter: ';',
      columns: true,
    }) as Record<string, string>[];
    expect(rows.map((r) => r['N° de commande'])).toEqual(expected.orders.map((o) => o.number));
  });

  it("writes one beneficiary's report from its data only", async () => {
    const siret = DATASET_SIRETS[3]!;
    const out = output();
    await runReport(['--period', '2026', '--siret', siret, '--out', dir], out.stream, {
      store,
      now: () => NOW,
    });
    expect(out.text()).toContain(`(SIRET ${siret})`);
    const rows = parse(readFileSync(path.join(dir, `rapport-2026-${siret}-tickets.csv`)), {
      bom: true,
      delimiter: ';',
      columns: true,
    }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.SIRET === siret)).toBe(true);
  });

  it.each([
    [[], /Indiquez la période/, ValidationError],
    [['--period', 'T9 2026', '--out', 'x'], /Trimestre invalide/, ValidationError],
    [['--period', '2026'], /Indiquez le dossier/, ValidationError],
    [['--period', '2026', '--siret', '12', '--out', 'x'], /SIRET 12 invalide/, ValidationError],
    [['--period', '2026', '--siret', '21972234500036', '--out', 'x'], /introuvable/, NotFoundError],
  ])('refuses %p in French', async (args, message, type) => {
    const attempt = runReport(args, output().stream, { store });
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toBeInstanceOf(type);
  });
});
