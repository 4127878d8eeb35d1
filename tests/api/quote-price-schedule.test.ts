/**
 * The price schedule (BPU) quotes are priced with: `guichet import --price-schedule FILE` through
 * the real command on a real SQLite file (a good JSON or CSV file is recorded; a bad one names
 * every bad line and writes nothing, not even the database), and `GET /api/v1/catalogue/price-schedule`,
 * the lines in force on a date.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { savePriceSchedule, readPriceScheduleFile } from '../../bot/src/api/catalogue-price-schedule-file';
import { openStore } from '../../bot/src/store/open-store';
import { PriceScheduleRepository } from '../../bot/src/store/price-schedule-repository';
import { signIn, useApiService, USERS } from './support/api-harness';
import { QUIET, send } from './quote-harness';

const ROOT = path.resolve(__dirname, '../..');

function guichet(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'bin/guichet.cjs'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60000,
  });
}

async function storedVersions(dataDir: string): Promise<string[]> {
  const store = await openStore({ kind: 'sqlite', dataDir });
  try {
    return (await new PriceScheduleRepository(store).list()).map((s) => `${s.version}:${s.lines.length}`);
  } finally {
    await store.close();
  }
}

const GOOD = {
  version: '2026-1',
  validFrom: '2026-01-01',
  lines: [
    {
      code: 'CA-EXP',
      label: 'Consultant senior',
      kind: 'Conseil / Audit',
      level: 'Expert',
      unitPrice: '1 080,00',
    },
    {
      code: 'INT-CONF',
      label: "Ingénieur d'intégration",
      kind: 'intégration',
      level: 'confirmé',
      unitPrice: 670,
    },
    {
      code: 'OPT-247',
      label: 'Option support 24/7',
      kind: 'assistance',
      unit: 'mois',
      unitPrice: 2400,
      option: 'support-24-7',
    },
  ],
};

describe('guichet import --price-schedule', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'guichet-bpu-'));
  });

  it('records a good JSON file, and a second run changes nothing', async () => {
    const file = path.join(dir, 'bpu.json');
    writeFileSync(file, JSON.stringify(GOOD, null, 2));
    const data = path.join(dir, 'data');
    const run = guichet(data, 'import', '--price-schedule', file);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('BPU 2026-1 importé : 3 ligne(s), en vigueur à partir du 2026-01-01.\n');
    expect(await storedVersions(data)).toEqual(['2026-1:3']);
    const again = guichet(data, 'import', '--price-schedule', file);
    expect([again.status, again.stdout]).toEqual([
      0,
      "BPU 2026-1 déjà importé à l'identique : rien n'a changé.\n",
    ]);
  });

  it('records a French CSV file, its version and first day given on the command line', async () => {
    const file = path.join(dir, 'bpu.csv');
    writeFileSync(
      file,
      [
        'Code;Libellé;Type de prestation;Niveau;Unité;Prix unitaire HT',
        'PIL-EXP;Directeur de projet;pilotage;EXPERT;jour;1 090,00',
        'FOR-CONF;Formateur;accompagnement et formation;CONFIRMÉ;jour;860',
      ].join('\n'),
    );
    const data = path.join(dir, 'data');
    const run = guichet(
      data,
      'import',
      '--price-schedule',
      file,
      '--version',
      '2026-2',
      '--valid-from',
      '2026-07-01',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(await storedVersions(data)).toEqual(['2026-2:2']);
  });

  it('refuses a bad file whole, naming each bad line, and writes nothing', () => {
    const file = path.join(dir, 'bpu.json');
    const bad = {
      ...GOOD,
      lines: [
        GOOD.lines[0],
        { code: 'INT-CONF', label: 'Intégrateur', kind: 'integration', level: 'senior', unitPrice: 670 },
        { code: 'CA-EXP', label: 'Doublon', kind: 'conseil-audit', level: 'EXPERT', unitPrice: -5 },
      ],
    };
    writeFileSync(file, JSON.stringify(bad, null, 2));
    const data = path.join(dir, 'data');
    const run = guichet(data, 'import', '--price-schedule', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("Fichier refusé : 2 erreur(s). Rien n'a été importé.");
    expect(run.stderr).toMatch(/ligne 12 : level : niveau inconnu \(JUNIOR, CONFIRMÉ ou EXPERT\)/);
    expect(run.stderr).toMatch(/ligne 19 : unitPrice : prix unitaire HT invalide/);
    // The file is checked before the store is opened: not even the database was created.
    expect(existsSync(data)).toBe(false);
  });

  it('refuses a version label already used with other prices', async () => {
    const data = path.join(dir, 'data');
    const file = path.join(dir, 'bpu.json');
    writeFileSync(file, JSON.stringify(GOOD));
    expect(guichet(data, 'import', '--price-schedule', file).status).toBe(0);
    writeFileSync(file, JSON.stringify({ ...GOOD, lines: [{ ...GOOD.lines[0], unitPrice: 1200 }] }));
    const run = guichet(data, 'import', '--price-schedule', file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("La version 2026-1 du BPU existe déjà avec d'autres prix");
    expect(await storedVersions(data)).toEqual(['2026-1:3']);
  });
});

describe('GET /api/v1/catalogue/price-schedule', () => {
  const rig = useApiService(QUIET);

  it('answers the lines in force on a date, for any caller with a role or a beneficiary', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guichet-bpu-'));
    const file = path.join(dir, 'bpu.json');
    writeFileSync(file, JSON.stringify(GOOD));
    await savePriceSchedule(rig.svc.store, await readPriceScheduleFile(file));
    const token = await signIn(rig.svc, USERS.agent);
    type Schedule = { version: string; lines: { code: string; unitPriceCents: number; kindLabel: string }[] };
    const before = await send<Schedule>(rig.svc, 'GET', '/api/v1/catalogue/price-schedule?date=2025-06-30', {
      token,
    });
    expect(before.body.version).toBe('2024-1');
    expect(before.body.lines).toHaveLength(15);
    const after = await send<Schedule>(rig.svc, 'GET', '/api/v1/catalogue/price-schedule?date=2026-01-01', {
      token,
    });
    expect(after.body).toMatchObject({ version: '2026-1', validFrom: '2026-01-01' });
    expect(after.body.lines[0]).toEqual({
      code: 'CA-EXP',
      label: 'Consultant senior',
      kind: 'conseil-audit',
      kindLabel: 'Conseil et audit',
      level: 'EXPERT',
      unit: 'jour',
      unitPriceCents: 108_000,
    });
    const none = await send(rig.svc, 'GET', '/api/v1/catalogue/price-schedule?date=2020-01-01', { token });
    expect(none.status).toBe(404);
    expect(
      (await send(rig.svc, 'GET', '/api/v1/catalogue/price-schedule?date=demain', { token })).status,
    ).toBe(400);
  });
});
