import { ImportRejectedError } from '../../../bot/src/domain/errors';
import { priceLineTitle, unitPriceText } from '../../../bot/src/domain/catalogue/price-line';
import {
  type PriceSchedule,
  findPriceLine,
  parsePriceSchedule,
  scheduleInForce,
  validatePriceLineRows,
} from '../../../bot/src/domain/catalogue/price-schedule';

const row = (line: number, data: Record<string, unknown>) => ({ line, data });
const expertDay = {
  code: 'int-exp',
  label: "Ingénieur d'intégration",
  kind: 'Intégration',
  level: 'expert',
  unitPrice: '890',
};

describe('price schedule (BPU) import', () => {
  it('reads a CSV row as a file writes it: any case, accents, French decimals, unit defaulting to the day', () => {
    const { lines, issues } = validatePriceLineRows([
      row(2, { ...expertDay, unitPrice: '1 250,50' }),
      row(3, {
        code: 'ACC-CONF',
        label: 'Accompagnement',
        kind: 'Accompagnement / formation',
        level: 'Confirmé',
        unitPrice: 680,
      }),
    ]);
    expect(issues).toEqual([]);
    expect(lines).toEqual([
      {
        code: 'INT-EXP',
        label: "Ingénieur d'intégration",
        kind: 'integration',
        level: 'EXPERT',
        unit: 'jour',
        unitPriceCents: 125_050,
      },
      {
        code: 'ACC-CONF',
        label: 'Accompagnement',
        kind: 'accompagnement-formation',
        level: 'CONFIRME',
        unit: 'jour',
        unitPriceCents: 68_000,
      },
    ]);
  });

  it('accepts a price in cents, and the 24/7 support option sold by the month without a level', () => {
    const { lines, issues } = validatePriceLineRows([
      row(2, {
        code: 'SUP-247',
        label: 'Option support 24/7',
        kind: 'assistance',
        unit: 'mois',
        unitPriceCents: 180000,
        option: 'support-24-7',
      }),
    ]);
    expect(issues).toEqual([]);
    expect(lines[0]).toMatchObject({
      level: null,
      unit: 'mois',
      unitPriceCents: 180_000,
      option: 'support-24-7',
    });
  });

  it('reports every bad row with its line and a French message, and keeps none of them', () => {
    const { lines, issues } = validatePriceLineRows([
      row(2, { ...expertDay, kind: 'plomberie' }),
      row(3, { ...expertDay, code: 'INT-CONF', level: 'stagiaire' }),
      row(4, { ...expertDay, code: 'INT-JUN', unitPrice: '-480' }),
      row(5, { ...expertDay, code: 'INT-X', level: '' }),
    ]);
    expect(lines).toEqual([]);
    expect(issues).toEqual([
      { line: 2, path: 'kind', message: expect.stringMatching(/^kind : type de prestation inconnu/) },
      { line: 3, path: 'level', message: 'level : niveau inconnu (JUNIOR, CONFIRMÉ ou EXPERT)' },
      {
        line: 4,
        path: 'unitPrice',
        message: expect.stringMatching(/^unitPrice : prix unitaire HT invalide/),
      },
      { line: 5, path: 'level', message: 'level : niveau manquant : JUNIOR, CONFIRMÉ ou EXPERT' },
    ]);
  });

  it('refuses a duplicate code, naming the line that has it first', () => {
    const { lines, issues } = validatePriceLineRows([
      row(2, expertDay),
      row(7, { ...expertDay, code: 'INT-EXP ' }),
    ]);
    expect(lines).toHaveLength(1);
    expect(issues).toEqual([{ line: 7, path: 'code', message: 'code : INT-EXP figure déjà ligne 2' }]);
  });

  it('refuses a second support option and a monthly line that is not the option', () => {
    const option = {
      code: 'SUP-247',
      label: 'Option 24/7',
      kind: 'assistance',
      unit: 'mois',
      unitPrice: 1800,
      option: 'support-24-7',
    };
    const { issues } = validatePriceLineRows([
      row(2, option),
      row(3, { ...option, code: 'SUP-248' }),
      row(4, { ...expertDay, code: 'INT-M', unit: 'mois' }),
    ]);
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [3, 'option'],
      [4, 'unit'],
    ]);
  });

  it('rejects a whole file with one bad row: nothing is importable', () => {
    let error: unknown;
    try {
      parsePriceSchedule({
        version: '2025-1',
        validFrom: '2025-01-01',
        rows: [row(2, expertDay), row(3, { code: 'x' })],
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect((error as ImportRejectedError).message).toMatch(
      /^Fichier refusé : \d+ erreur\(s\)\. Rien n'a été importé\.$/,
    );
    expect((error as ImportRejectedError).issues.every((i) => i.line === 3)).toBe(true);
  });

  it('rejects a bad version label, a bad start date and an empty file', () => {
    let error: unknown;
    try {
      parsePriceSchedule({ version: '', validFrom: '2025-02-30', rows: [] });
    } catch (err) {
      error = err;
    }
    expect((error as ImportRejectedError).issues.map((i) => i.path ?? 'file')).toEqual([
      'version',
      'validFrom',
      'file',
    ]);
  });

  it('freezes an imported version, so that no one can reprice it afterwards', () => {
    const schedule = parsePriceSchedule({
      version: '2025-1',
      validFrom: '2025-01-01',
      rows: [row(2, expertDay)],
    });
    expect(Object.isFrozen(schedule.lines[0])).toBe(true);
  });
});

describe('price schedule versions', () => {
  const v1: PriceSchedule = { version: '2024-1', validFrom: '2024-07-01', lines: [] };
  const v2: PriceSchedule = { version: '2025-révision', validFrom: '2025-07-01', lines: [] };

  it('applies the version whose start is the latest on or before the date, whatever the labels', () => {
    expect(scheduleInForce([v2, v1], '2025-06-30')).toBe(v1);
    expect(scheduleInForce([v2, v1], '2025-07-01')).toBe(v2);
    expect(scheduleInForce([v1, v2], '2024-06-30')).toBeUndefined();
  });

  it('finds a line by code whatever its case, and names it for cards', () => {
    const schedule = parsePriceSchedule({ version: '1', validFrom: '2024-07-01', rows: [row(2, expertDay)] });
    const line = findPriceLine(schedule, ' int-exp ')!;
    expect(priceLineTitle(line)).toBe("Ingénieur d'intégration — EXPERT (INT-EXP)");
    expect(unitPriceText(line)).toBe('890,00\u00a0€ HT / jour');
    expect(findPriceLine(schedule, 'NOPE')).toBeUndefined();
  });
});
