/**
 * The files of a report on the generated data set: the XLSX workbook read back with exceljs (sheets,
 * frozen headers, number formats, values) and the CSV files read back with csv-parse.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { buildReport } from '../../bot/src/domain/reports/build-report';
import { parseReportPeriod } from '../../bot/src/domain/reports/report-period';
import { reportFiles, reportStem } from '../../bot/src/reports/report-files';
import { readmeTable } from '../../bot/src/reports/report-key-figures';
import { reportTables } from '../../bot/src/reports/report-tables';
import { DATE_FORMAT, EURO_FORMAT, PERCENT_FORMAT } from '../../bot/src/reports/xlsx-writer';
import { buildDataset } from '../domain/reports/report-dataset';

const data = buildDataset();
const report = buildReport(parseReportPeriod('T3 2026'), data, { now: '2027-02-01T00:00:00Z' });
/** The report's tables, then the "Lisez-moi" one that describes them. */
const allTables = () => [...reportTables(report), readmeTable(reportTables(report), 'rapport-2026-T3')];

async function workbookOf(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('report files', () => {
  let files: Awaited<ReturnType<typeof reportFiles>>;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    files = await reportFiles(report);
    workbook = await workbookOf(files.find((f) => f.name.endsWith('.xlsx'))!.content);
  });

  it('writes one CSV per table and one workbook, named after the period', () => {
    const tables = allTables();
    expect(reportStem(report)).toBe('rapport-2026-T3');
    expect(files.map((f) => f.name)).toEqual([
      ...tables.map((t) => `rapport-2026-T3-${t.name}.csv`),
      'rapport-2026-T3.xlsx',
    ]);
  });

  it('has one sheet per table, in order, each with a frozen bold header row and filters', () => {
    const tables = allTables();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(tables.map((t) => t.sheet));
    for (const [i, sheet] of workbook.worksheets.entries()) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.getRow(1).values).toEqual([undefined, ...tables[i]!.columns.map((c) => c.header)]);
      expect(sheet.rowCount).toBe(tables[i]!.rows.length + 1);
      expect(sheet.autoFilter).toBeDefined();
      for (const column of sheet.columns) expect(column.width).toBeGreaterThanOrEqual(10);
    }
  });

  it('stores amounts as numbers in euros with a euro format', () => {
    const sheet = workbook.getWorksheet('Bons de commande')!;
    expect(report.orders.length).toBeGreaterThan(5);
    for (const [i, order] of report.orders.entries()) {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(order.number);
      expect(row.getCell(11).value).toBe(order.htCents / 100);
      // exceljs reads the escaped space of `#,##0.00\ "€"` back as a plain one.
      expect(row.getCell(11).numFmt).toBe(EURO_FORMAT.replace('\\ ', ' '));
      expect(row.getCell(13).value).toBe(order.ttcCents / 100);
      expect(row.getCell(2).value).toEqual(new Date(`${order.issuedOn}T00:00:00Z`));
      expect(row.getCell(2).numFmt).toBe(DATE_FORMAT);
    }
  });

  it('stores rates as ratios with a percentage format, and totals that match the report', () => {
    const sla = workbook.getWorksheet('SLA par gravité')!;
    const total = sla.getRow(sla.rowCount);
    expect(total.getCell(1).value).toBe('Tous');
    expect(total.getCell(7).numFmt).toBe(PERCENT_FORMAT);
    expect(total.getCell(7).value).toBe(
      report.sla.total.complianceBp === null ? null : report.sla.total.complianceBp / 10_000,
    );
    const volume = workbook.getWorksheet("Volume d'affaires")!;
    expect(volume.getRow(2).getCell(6).value).toBe(report.volume.total.htCents / 100);
  });

  it('writes CSV files a parser reads back with the same figures', () => {
    const csv = files.find((f) => f.name.endsWith('-volume-affaires.csv'))!;
    const rows = parse(csv.content, { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]![5]).toBe('Montant HT (€)');
    const total = report.volume.total.htCents;
    expect(rows[1]!.slice(0, 6)).toEqual([
      'Trimestre',
      'T3 2026',
      'Tous',
      'Tous',
      String(report.volume.total.orderCount),
      `${Math.floor(total / 100)},${String(total % 100).padStart(2, '0')}`,
    ]);
    expect(rows[1]![8]!.split(', ')).toEqual(report.volume.total.trace.numbers);
  });
});

describe('the "Lisez-moi" sheet', () => {
  it('names every other sheet and CSV file, and states the rules of calculation', () => {
    const tables = reportTables(report);
    const readme = readmeTable(tables, 'rapport-2026-T3');
    expect(readme.rows.slice(0, tables.length).map((r) => r[0])).toEqual(tables.map((t) => t.sheet));
    expect(readme.rows.slice(0, tables.length).map((r) => r[1])).toEqual(
      tables.map((t) => `rapport-2026-T3-${t.name}.csv`),
    );
    expect(readme.rows.some((r) => String(r[2]).includes('fin de la période'))).toBe(true);
  });
});
