/**
 * `guichet import FILE`, through the real command on a real SQLite file: a good file is imported,
 * a file with any bad row imports nothing and names each bad line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BeneficiaryRepository } from '../../bot/src/store/beneficiary-repository';
import { openStore } from '../../bot/src/store/open-store';
import { aBeneficiary } from '../support/factories';

const ROOT = path.resolve(__dirname, '../..');

function guichet(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'bin/guichet.cjs'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60000,
  });
}

async function storedSirets(dataDir: string): Promise<string[]> {
  const store = await openStore({ kind: 'sqlite', dataDir });
  try {
    const out: string[] = [];
    for await (const b of new BeneficiaryRepository(store).all()) out.push(b.siret);
    return out.sort();
  } finally {
    await store.close();
  }
}

const TWO = [
  aBeneficiary(),
  aBeneficiary({
    siret: '21972234500028',
    name: 'Ville du Lamentin-Caraïbes',
    zone: 'martinique',
    modality: 2,
    tenantIds: ['b0a1c2d3-0000-4000-8000-000000000005'],
  }),
];

describe('guichet import', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'guichet-import-'));
  });

  it('imports a good JSON file', async () => {
    const file = path.join(dir, 'beneficiaires.json');
    writeFileSync(file, JSON.stringify(TWO, null, 2));
    const run = guichet(path.join(dir, 'data'), 'import', file);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2 bénéficiaire(s) importé(s) : 2 créé(s), 0 mis à jour.');
    expect(await storedSirets(path.join(dir, 'data'))).toEqual(['21690012300029', '21972234500028']);
  });

  it('imports a French Excel CSV (semicolons, BOM, French headers) and updates on re-import', async () => {
    const file = path.join(dir, 'beneficiaires.csv');
    writeFileSync(
      file,
      '\uFEFFSIRET;Nom;Type;Zone;Modalité;Date convention;Actif;Tenants;Groupement;Jours fermés\r\n' +
        '216 900 123 00029;Ville de Bellerive-sur-Rhône;commune;metropole;1;2024-09-02;oui;b0a1c2d3-0000-4000-8000-000000000001;;\r\n' +
        '20988078900018;Province des Îles;collectivite;nouvelle-caledonie;1;2025-05-12;oui;b0a1c2d3-0000-4000-8000-000000000008;;2026-09-24|2027-09-24\r\n',
    );
    const data = path.join(dir, 'data');
    expect(guichet(data, 'import', file).status).toBe(0);
    const again = guichet(data, 'import', file);
    expect(again.stdout).toContain('0 créé(s), 2 mis à jour');
    const store = await openStore({ kind: 'sqlite', dataDir: data });
    const province = await new BeneficiaryRepository(store).get('20988078900018');
    await store.close();
    expect(province).toMatchObject({
      zone: 'nouvelle-caledonie',
      closingDays: ['2026-09-24', '2027-09-24'],
      active: true,
    });
  });

  it('imports nothing from a JSON file with one bad SIRET, and names its line', async () => {
    const file = path.join(dir, 'beneficiaires.json');
    const rows = [...TWO, aBeneficiary({ siret: '21690012300028', name: 'Commune à la clé fausse' })];
    const text = JSON.stringify(rows, null, 2);
    writeFileSync(file, text);
    // The bad object opens on the line just above its "siret" key (0-based index = 1-based line above).
    const badLine = text.split('\n').findIndex((l) => l.includes('"siret": "21690012300028"'));
    expect(text.split('\n')[badLine - 1]!.trim()).toBe('{');
    const run = guichet(path.join(dir, 'data'), 'import', file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Fichier refusé : 1 erreur(s). Rien n'a été importé.");
    expect(run.stderr).toContain(
      `ligne ${badLine} : siret : SIRET invalide (clé de contrôle de Luhn incorrecte)`,
    );
    expect(await storedSirets(path.join(dir, 'data'))).toEqual([]);
  });

  it('imports nothing from a CSV with a bad row, and names the CSV line', async () => {
    const file = path.join(dir, 'beneficiaires.csv');
    writeFileSync(
      file,
      'siret,name,kind,zone,modality,conventionDate,tenantIds\n' +
        '21690012300029,Ville de Bellerive-sur-Rhône,commune,metropole,1,2024-09-02,b0a1c2d3-0000-4000-8000-000000000001\n' +
        '21972234500028,Ville du Lamentin-Caraïbes,commune,martinique,3,2025-03-10,b0a1c2d3-0000-4000-8000-000000000005\n',
    );
    const run = guichet(path.join(dir, 'data'), 'import', file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('ligne 3 : modality : modalité de support : 1 ou 2');
    expect(await storedSirets(path.join(dir, 'data'))).toEqual([]);
  });

  it('explains an unreadable file, an unknown format and a missing argument', () => {
    const data = path.join(dir, 'data');
    expect(guichet(data, 'import', path.join(dir, 'absent.json')).stderr).toContain(
      'Fichier introuvable ou illisible',
    );
    writeFileSync(path.join(dir, 'x.xml'), '<x/>');
    expect(guichet(data, 'import', path.join(dir, 'x.xml')).stderr).toContain(
      'fichier .json ou .csv attendu',
    );
    writeFileSync(path.join(dir, 'broken.json'), '[{"siret": ');
    expect(guichet(data, 'import', path.join(dir, 'broken.json')).stderr).toContain('JSON illisible');
    const none = guichet(data, 'import');
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Indiquez le fichier à importer');
  });
});
