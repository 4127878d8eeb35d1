/**
 * `guichet export --siret <SIRET> --out <fichier.zip>`: an operator's reversibility export of one
 * beneficiary (DESIGN.md, "Data duties"), the same archive `GET /api/v1/export` gives its approvers.
 * Reads that beneficiary's partitions only; the file appears whole or not at all.
 *
 * `guichet export --all --out <dump.jsonl>`: every document of every container, to move a whole
 * store (SQLite ⇄ Cosmos DB) with `guichet import --all` (format: import/store-dump.ts).
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { normaliseSiret, siretProblem } from '../domain/beneficiaries/siret';
import { ValidationError } from '../domain/errors';
import { exportBeneficiaryData, operatorActor } from '../services/export-service';
import { openStore } from '../store/open-store';
import { SOURCE_CONTAINERS, type Store } from '../store/port';
import { storeConfigOf } from '../store/store-config';
import {
  DUMP_FORMAT,
  DUMP_VERSION,
  dumpEntry,
  isRecord,
  emptyCounts,
  type DumpHeader,
  type DumpTrailer,
} from './import/store-dump';
import { pagesOf } from '../store/query-pages';

/** What a command needs from outside; tests pass a store and a clock, the CLI opens the configured store. */
export interface CommandDeps {
  readonly store?: Store;
  readonly now?: () => Date;
}

export const EXPORT_USAGE = 'guichet export --siret SIRET --out FICHIER.zip';
export const EXPORT_ALL_USAGE = 'guichet export --all --out FICHIER.jsonl';

/** Documents read per page while dumping: Cosmos DB's page ceiling at the port. */
const DUMP_PAGE = 1000;

/** Runs `guichet export`; resolves to the exit code (errors are thrown for `runCli` to report). */
export async function runExport(
  args: string[],
  out: NodeJS.WritableStream,
  deps: CommandDeps = {},
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { siret: { type: 'string' }, out: { type: 'string' }, all: { type: 'boolean' } },
    strict: true,
  });
  if (values.all) {
    if (values.siret !== undefined)
      throw new ValidationError(`--all exporte tout : sans --siret. ${EXPORT_ALL_USAGE}`);
    if (!values.out) throw new ValidationError(`Indiquez le fichier à écrire : ${EXPORT_ALL_USAGE}`);
    return runExportAll(path.resolve(values.out), out, deps);
  }
  const siret = checkedSiret(values.siret, EXPORT_USAGE);
  if (!values.out) throw new ValidationError(`Indiquez le fichier à écrire : ${EXPORT_USAGE}`);
  const file = path.resolve(values.out);
  return withCommandStore(deps, async (store) => {
    // Recorded in the beneficiary's privacy log like an export through the API, with channel "cli".
    const { zip, manifest } = await exportBeneficiaryData(store, {
      siret,
      actor: operatorActor(loadConfig().titulaireTenantId),
      now: deps.now?.(),
    });
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

/** `guichet export --all`: streams every document of the store to `file`, written whole or not at all. */
async function runExportAll(file: string, out: NodeJS.WritableStream, deps: CommandDeps): Promise<number> {
  return withCommandStore(deps, async (store) => {
    const trailer = await writeWholeStream(file, (sink) =>
      writeStoreDump(store, sink, (deps.now ?? (() => new Date()))()),
    );
    const counts = SOURCE_CONTAINERS.map((name) => `${name} ${trailer.containers[name]}`).join(', ');
    out.write(`Export complet écrit dans ${file} : ${trailer.documents} document(s) (${counts}).\n`);
    return 0;
  });
}

/** Writes the dump of `store` to `sink`, container by container, page by page; returns its trailer. */
export async function writeStoreDump(
  store: Store,
  sink: (line: string) => Promise<void>,
  now: Date,
): Promise<DumpTrailer> {
  const header: DumpHeader = {
    format: DUMP_FORMAT,
    version: DUMP_VERSION,
    createdAt: now.toISOString(),
    store: store.kind,
  };
  await sink(JSON.stringify(header));
  const containers = emptyCounts();
  for (const name of SOURCE_CONTAINERS) {
    // An operator's tool, not a user's request: reading across partitions is the point.
    for await (const items of pagesOf(store.container(name), { crossPartition: true, limit: DUMP_PAGE })) {
      const records = items.filter((doc) => isRecord(name, doc));
      for (const doc of records) await sink(JSON.stringify(dumpEntry(name, doc)));
      containers[name] += records.length;
    }
  }
  const documents = Object.values(containers).reduce((a, b) => a + b, 0);
  const trailer: DumpTrailer = { end: true, documents, containers };
  await sink(JSON.stringify(trailer));
  return trailer;
}

/** Streams lines to a temporary name in the same folder, renamed once complete; removed on failure. */
async function writeWholeStream<R>(
  file: string,
  produce: (sink: (line: string) => Promise<void>) => Promise<R>,
): Promise<R> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const stream = createWriteStream(partial, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  try {
    const result = await Promise.race([
      produce(async (line) => {
        if (!stream.write(`${line}\n`)) await Promise.race([once(stream, 'drain'), failed]);
      }),
      failed,
    ]);
    await Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failed]);
    await rename(partial, file);
    return result;
  } catch (err) {
    stream.destroy();
    await rm(partial, { force: true });
    throw err;
  }
}
