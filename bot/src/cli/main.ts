/**
 * The `guichet` command: operators' tools around the service (import, seed, deadlines, export, report).
 * Exit codes: 0 success, 1 unexpected failure, 2 invalid input or configuration.
 */
import 'dotenv/config';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config';
import { GuichetError } from '../domain/errors';
import { openStore, SQLITE_FILE_NAME } from '../store/open-store';
import { storeConfigOf } from '../store/store-config';
import type { Store } from '../store/port';
import { readPriceScheduleFile, savePriceSchedule } from '../api/catalogue-price-schedule-file';
import { importStoreDump } from './import/import-all';
import { importBeneficiariesFile } from './import/import-command';
import { runAnonymise } from './anonymise-command';
import { runDeadlines } from './deadlines';
import { runExport } from './export-command';
import { runReport } from './report-command';
import { seedDemoData } from './seed';

const USAGE = `Utilisation : guichet <commande> [options]

Commandes :
  import FICHIER        importe des bénéficiaires (.json ou .csv) ; un fichier avec une erreur n'importe rien
  import --price-schedule FICHIER [--version V] [--valid-from AAAA-MM-JJ]
                        importe une version du BPU (.json ou .csv), vérifiée en entier avant écriture
  import --all FICHIER.jsonl [--force]
                        recharge un export complet dans une base vide (--force : base non vide)
  seed [--reset]        charge les données de démonstration (--reset : repart d'une base vide)
  deadlines             calcule des échéances (lignes JSON sur l'entrée standard)
  export --siret SIRET --out FICHIER.zip
                        exporte toutes les données d'un bénéficiaire (JSON + CSV + LISEZMOI)
  export --all --out FICHIER.jsonl
                        exporte toute la base (tous les documents), pour la recharger ailleurs
  report --period "T3 2026" [--siret SIRET] --out DOSSIER
                        rapport de la période pour le CANUT (CSV + XLSX)
  anonymise --siret SIRET --name "Prénom Nom" [--email …] [--object-id …] --operator "Votre nom"
                        anonymise un contact à sa demande (historique conservé, opération journalisée)
  help                  cette aide
`;

type Command = (args: string[], out: NodeJS.WritableStream) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  import: async (args, out) => {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'price-schedule': { type: 'string' },
        version: { type: 'string' },
        'valid-from': { type: 'string' },
        all: { type: 'boolean' },
        force: { type: 'boolean' },
      },
    });
    if (values['price-schedule'] !== undefined) return importPriceSchedule(values, positionals, out);
    if (values.all) return importAll(positionals, values.force === true, out);
    const [file] = positionals;
    if (!file)
      throw new GuichetError('VALIDATION_FAILED', 'Indiquez le fichier à importer : guichet import FICHIER');
    return withStore(async (store) => {
      const result = await importBeneficiariesFile(store, file);
      out.write(
        `${result.imported} bénéficiaire(s) importé(s) : ${result.created} créé(s), ${result.updated} mis à jour.\n`,
      );
      return 0;
    });
  },
  seed: async (args, out) => {
    const { values } = parseArgs({ args, options: { reset: { type: 'boolean', default: false } } });
    const config = loadConfig();
    if (config.env === 'production')
      throw new GuichetError('FORBIDDEN', 'Les données de démonstration sont interdites en production.');
    if (values.reset && config.store === 'sqlite') {
      const file = path.join(config.dataDir, SQLITE_FILE_NAME);
      await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(`${file}${suffix}`, { force: true })));
      out.write(`Base ${file} effacée.\n`);
    }
    return withStore(async (store) => {
      const result = await seedDemoData(store);
      out.write(
        `Données de démonstration chargées : ${result.beneficiaries} bénéficiaires, ${result.staff} membres du personnel.\n`,
      );
      return 0;
    });
  },
  deadlines: async () => runDeadlines(process.stdin, process.stdout),
  export: (args, out) => runExport(args, out),
  report: (args, out) => runReport(args, out),
  anonymise: (args, out) => runAnonymise(args, out),
  help: async (_args, out) => {
    out.write(USAGE);
    return 0;
  },
};

async function importPriceSchedule(
  values: { 'price-schedule'?: string; version?: string; 'valid-from'?: string },
  positionals: string[],
  out: NodeJS.WritableStream,
): Promise<number> {
  if (positionals.length > 0)
    throw new GuichetError('VALIDATION_FAILED', 'Un seul fichier : guichet import --price-schedule FICHIER');
  const options = { version: values.version, validFrom: values['valid-from'] };
  // The whole file is checked before the store is even opened: a bad file writes nothing.
  const schedule = await readPriceScheduleFile(values['price-schedule']!, options);
  return withStore(async (store) => {
    const { created } = await savePriceSchedule(store, schedule);
    out.write(
      created
        ? `BPU ${schedule.version} importé : ${schedule.lines.length} ligne(s), en vigueur à partir du ${schedule.validFrom}.\n`
        : `BPU ${schedule.version} déjà importé à l'identique : rien n'a changé.\n`,
    );
    return 0;
  });
}

async function importAll(positionals: string[], force: boolean, out: NodeJS.WritableStream) {
  const [file, ...more] = positionals;
  if (!file || more.length > 0)
    throw new GuichetError('VALIDATION_FAILED', 'Un seul fichier : guichet import --all FICHIER.jsonl');
  return withStore(async (store) => {
    const result = await importStoreDump(store, file, { force });
    const kept =
      result.countersKept > 0 ? `, ${result.countersKept} compteur(s) déjà à jour conservé(s)` : '';
    out.write(
      `Export complet importé : ${result.documents} document(s), ${result.written} écrit(s)${kept}.\n`,
    );
    return 0;
  });
}

async function withStore(work: (store: Store) => Promise<number>): Promise<number> {
  const config = loadConfig();
  const store = await openStore(storeConfigOf(config));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const [name = 'help', ...args] = argv;
  const command = COMMANDS[name];
  if (!command) {
    err.write(`Commande inconnue : ${name}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(args, out);
  } catch (e) {
    return reportFailure(e, err);
  }
}

function reportFailure(e: unknown, err: NodeJS.WritableStream): number {
  if (e instanceof ConfigError) {
    err.write(`${e.message}\n`);
    return 2;
  }
  if (e instanceof GuichetError) {
    err.write(`${e.message}\n`);
    for (const issue of e.issues)
      err.write(`  ${issue.line !== undefined ? `ligne ${issue.line} : ` : ''}${issue.message}\n`);
    return e.code === 'INTERNAL' || e.code === 'STORE_UNAVAILABLE' ? 1 : 2;
  }
  if (e instanceof TypeError && /argument|option/i.test(e.message)) {
    err.write(`${e.message}\n\n${USAGE}`);
    return 2;
  }
  err.write(`Erreur inattendue : ${(e as Error).stack ?? String(e)}\n`);
  return 1;
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
