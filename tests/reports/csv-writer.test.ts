/**
 * The CSV French Excel opens with a double click, read back by a real CSV parser (csv-parse).
 */
import { parse } from 'csv-parse/sync';
import { BOM, csvOf, fixedTwo, formatCell } from '../../bot/src/reports/csv-writer';
import type { DataTable } from '../../bot/src/reports/data-table';

const TABLE: DataTable = {
  name: 'essai',
  sheet: 'Essai',
  description: 'Une table d’essai.',
  columns: [
    { header: 'Libellé', kind: 'text' },
    { header: 'Montant (€)', kind: 'euros' },
    { header: 'Quantité', kind: 'decimal' },
    { header: 'Nombre', kind: 'integer' },
    { header: 'Taux (%)', kind: 'percent' },
    { header: 'Date', kind: 'date' },
    { header: 'Compté', kind: 'boolean' },
  ],
  rows: [
    ['Migration « Exchange » ; phase 1', 125_050, 3.25, 12, 9_750, '2026-10-05', true],
    ['Il a dit "urgent"\r\net puis\nune autre ligne', -5, 0.5, 0, 10_000, null, false],
    ['=HYPERLINK("http://exemple.invalid")', 0, 1, -3, null, '2026-01-31', null],
    ['  espaces autour  ', 100_000_000_000, 12, 1, 1, '', true],
  ],
};

const read = (buffer: Buffer) =>
  parse(buffer, { bom: true, delimiter: ';', record_delimiter: '\r\n' }) as string[][];

describe('csvOf', () => {
  const csv = csvOf(TABLE);
  const text = csv.toString('utf8');

  it('starts with the UTF-8 byte-order mark and ends every line with CRLF', () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe(`${BOM}Libellé;Montant (€);Quantité;Nombre;Taux (%);Date;Compté`);
  });

  it('writes French numbers: decimal comma, no thousands separator, no currency sign', () => {
    expect(text.split('\r\n')[1]).toBe(
      '"Migration « Exchange » ; phase 1";1250,50;3,25;12;97,50;2026-10-05;oui',
    );
  });

  it('round-trips fields holding ;, quotes and line breaks through a real parser', () => {
    const rows = read(csv);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual(['Libellé', 'Montant (€)', 'Quantité', 'Nombre', 'Taux (%)', 'Date', 'Compté']);
    expect(rows[1]![0]).toBe('Migration « Exchange » ; phase 1');
    expect(rows[2]![0]).toBe('Il a dit "urgent"\r\net puis\nune autre ligne');
    expect(rows[2]!.slice(1)).toEqual(['-0,05', '0,5', '0', '100,00', '', 'non']);
    expect(rows[4]![0]).toBe('  espaces autour  ');
    expect(rows[4]![1]).toBe('1000000000,00');
    expect(rows.every((r) => r.length === 7)).toBe(true);
  });

  it('defuses text Excel would run as a formula, and leaves numbers alone', () => {
    const rows = read(csv);
    expect(rows[3]![0]).toBe(`'=HYPERLINK("http://exemple.invalid")`);
    expect(rows[3]![3]).toBe('-3');
    expect(formatCell('-12', { kind: 'text' })).toBe("'-12");
    expect(formatCell('+33612345678', { kind: 'text' })).toBe("'+33612345678");
    expect(formatCell('@moi', { kind: 'text' })).toBe("'@moi");
  });

  it('formats hundredths exactly', () => {
    expect(fixedTwo(0)).toBe('0,00');
    expect(fixedTwo(5)).toBe('0,05');
    expect(fixedTwo(-125_050)).toBe('-1250,50');
    expect(fixedTwo(1_721_750)).toBe('17217,50');
  });
});
