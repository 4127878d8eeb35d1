/**
 * `guichet export --siret … --out …` (`runExport`): the zip written whole for the beneficiary asked,
 * on a given store or on the configured one, and French refusals of bad arguments.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import JSZip from 'jszip';
import { runExport } from '../../bot/src/cli/export-command';
import { DEMO_BENEFICIARIES } from '../../bot/src/cli/demo-data';
import { beneficiaryInputSchema } from '../../bot/src/domain/beneficiaries/beneficiary';
import { NotFoundError, ValidationError } from '../../bot/src/domain/errors';
import { BeneficiaryRepository } from '../../bot/src/store/beneficiary-repository';
import { openStore } from '../../bot/src/store/open-store';
import { BELLERIVE, LAMENTIN, twoBeneficiaries } from '../reports/export-fixtures';

function output() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += String(chunk)));
  return { stream, text: () => text };
}

describe('guichet export', () => {
  let rig: Awaited<ReturnType<typeof twoBeneficiaries>>;
  let dir: string;
  beforeAll(async () => {
    rig = await twoBeneficiaries();
  });
  afterAll(() => rig.close());
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'guichet-export-'));
  });

  it('writes the zip of the beneficiary asked, and says what it holds', async () => {
    const out = output();
    const file = path.join(dir, 'sous-dossier', 'bellerive.zip');
    const code = await runExport(['--siret', '216 900 123 00029', '--out', file], out.stream, {
      store: rig.store,
      now: () => new Date('2026-06-10T08:00:00Z'),
    });
    expect(code).toBe(0);
    expect(out.text()).toMatch(
      /^Export de Ville de Bellerive-sur-Rhône \(SIRET 21690012300029\) écrit dans .*bellerive\.zip : 2 ticket\(s\), 2 devis, 1 bon\(s\) de commande, 2 contact\(s\), \d+ fichiers, \d+ Ko\.\n$/,
    );
    expect(readdirSync(path.dirname(file))).toEqual(['bellerive.zip']);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const manifest = JSON.parse(await zip.file('manifeste.json')!.async('string')) as { siret: string };
    expect(manifest.siret).toBe(BELLERIVE);
    const all = (await Promise.all(Object.values(zip.files).map((f) => f.async('string')))).join('\n');
    expect(all).not.toContain(LAMENTIN);
  });

  it("records each operator's export in the beneficiary's privacy log, listed by the next export", async () => {
    const at = (n: number) => ({ store: rig.store, now: () => new Date(`2026-06-1${n}T08:00:00Z`) });
    const first = path.join(dir, 'premier.zip');
    const second = path.join(dir, 'second.zip');
    expect(await runExport(['--siret', LAMENTIN, '--out', first], output().stream, at(1))).toBe(0);
    expect(await runExport(['--siret', LAMENTIN, '--out', second], output().stream, at(2))).toBe(0);
    const journal = async (file: string) => {
      const zip = await JSZip.loadAsync(readFileSync(file));
      const text = await zip.file('journal-confidentialite.json')!.async('string');
      return (JSON.parse(text) as { action: string; at: string; actor: { channel: string } }[]).filter(
        (e) => e.action === 'export-data',
      );
    };
    expect(await journal(first)).toEqual([]);
    expect(await journal(second)).toEqual([
      expect.objectContaining({
        at: '2026-06-11T08:00:00.000Z',
        actor: expect.objectContaining({ channel: 'cli' }),
      }),
    ]);
  });

  it.each([
    [
      [],
      /Indiquez le SIRET du bénéficiaire : guichet export --siret SIRET --out FICHIER\.zip/,
      ValidationError,
    ],
    [
      ['--siret', '123'],
      /SIRET 123 invalide : le SIRET doit compter exactement 14 chiffres/,
      ValidationError,
    ],
    [['--siret', '21690012300028', '--out', 'x.zip'], /clé de contrôle de Luhn/, ValidationError],
    [['--siret', BELLERIVE], /Indiquez le fichier à écrire/, ValidationError],
    [['--siret', '21972234500036', '--out', 'x.zip'], /SIRET 21972234500036 introuvable/, NotFoundError],
  ])('refuses %p in French', async (args, message, type) => {
    const attempt = runExport(
      args.map((a) => (a === 'x.zip' ? path.join(dir, a) : a)),
      output().stream,
      { store: rig.store },
    );
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toBeInstanceOf(type);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('opens the configured store when none is given', async () => {
    const dataDir = path.join(dir, 'data');
    const store = await openStore({ kind: 'sqlite', dataDir });
    await new BeneficiaryRepository(store).save(beneficiaryInputSchema.parse(DEMO_BENEFICIARIES[0]));
    await store.close();
    const saved = process.env.DATA_DIR;
    process.env.DATA_DIR = dataDir;
    try {
      const out = output();
      expect(await runExport(['--siret', BELLERIVE, '--out', path.join(dir, 'a.zip')], out.stream)).toBe(0);
      expect(out.text()).toContain('0 ticket(s), 0 devis, 0 bon(s) de commande, 0 contact(s)');
    } finally {
      if (saved === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = saved;
    }
  });
});
