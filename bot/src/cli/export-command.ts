/**
 * `guichet export --siret <SIRET> --out <fichier.zip>`: an operator's reversibility export of one
 * beneficiary (DESIGN.md, "Data duties"), the same archive `GET /api/v1/export` gives its approvers.
 * Reads that beneficiary's partitions only; the file appears whole or not at all.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { normaliseSiret, siretProblem } from '../domain/beneficiaries/siret';
import { ValidationError } from '../domain/errors';
import { buildExportArchive } from '../reports/export/export-zip';
import { openStore } from '../store/open-store';
import type { Store } from '../store/port';
import { storeConfigOf } from '../store/store-config';

/** What a command needs from outside; tests pass a store and a clock, the CLI opens the configured store. */
export interface CommandDeps {
  readonly store?: Store;
  readonly now?: () => Date;
}

export const EXPORT_USAGE = 'guichet export --siret SIRET --out FICHIER.zip';

/** Runs `guichet export`; resolves to the exit code (errors are thrown for `runCli` to report). */
export async function runExport(
  args: string[],
  out: NodeJS.WritableStream,
  deps: CommandDeps = {},
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { siret: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  const siret = checkedSiret(values.siret, EXPORT_USAGE);
  if (!values.out) throw new ValidationError(`Indiquez le fichier à écrire : ${EXPORT_USAGE}`);
  const file = path.resolve(values.out);
  return withCommandStore(deps, async (store) => {
    const { zip, manifest } = await buildExportArchive(store, siret, (deps.now ?? (() => new Date()))());
    await writeWhole(file, zip);
    const records = (name: string) => manifest.files.find((f) => f.name === name)?.records ?? 0;
    out.write(
      `Export de ${manifest.beneficiaryName} (SIRET ${siret}) écrit dans ${file} : ` +
        `${records('tickets.json')} ticket(s), ${records('devis.json')} devis, ` +
        `${records('commandes.json')} bon(s) de commande, ${records('contacts.json')} contact(s), ` +
        `${manifest.files.length + 1} fichiers, ${Math.ceil(zip.length / 1024)} Ko.\n`,
    );
    return 0;
  });
}

/** The SIRET of an option, normalised; a French `ValidationError` naming the problem otherwise. */
export function checkedSiret(value: string | undefined, usage: string): string {
  if (!value) throw new ValidationError(`Indiquez le SIRET du bénéficiaire : ${usage}`);
  const siret = normaliseSiret(value);
  const problem = siretProblem(siret);
  if (problem)
    throw new ValidationError(`SIRET ${value} invalide : ${problem}.`, [{ path: 'siret', message: problem }]);
  return siret;
}

/** Runs `work` on the given store, or on the configured one, closed afterwards. */
export async function withCommandStore(
  deps: CommandDeps,
  work: (store: Store) => Promise<number>,
): Promise<number> {
  if (deps.store) return work(deps.store);
  const store = await openStore(storeConfigOf(loadConfig()));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Writes through a temporary name in the same folder, so the file is never seen half written. */
export async function writeWhole(file: string, content: Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  await writeFile(partial, content);
  await rename(partial, file);
}
