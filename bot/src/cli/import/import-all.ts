/**
 * `guichet import --all <dump.jsonl>`: loads a whole-store dump (`guichet export --all`) into the
 * configured store, typically an empty one of the other kind (SQLite ⇄ Cosmos DB).
 *
 * - The dump is read twice: once to check every line and its trailer (a cut or damaged file writes
 *   nothing), once to write. Memory holds the documents' keys, never their bodies.
 * - The target must hold nothing but documents of this dump: empty, or left so by an earlier run of
 *   the same import, which this run then completes (re-running is harmless). Anything else is
 *   refused unless `force` says to write next to it.
 * - Documents are upserted as they were; the target store gives them fresh `_etag` and `_ts`.
 * - A counter (ticket numbers…) never goes down: when the target's is already higher (the service
 *   ran there since), it is kept, so no number is ever handed out twice.
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { ConflictError, ValidationError } from '../../domain/errors';
import { SOURCE_CONTAINERS, type SourceContainerName, type Store } from '../../store/port';
import {
  checkTrailer,
  emptyCounts,
  isRecord,
  parseBodyLine,
  parseHeader,
  type DumpEntry,
  type DumpTrailer,
} from './store-dump';
import { pagesOf } from '../../store/query-pages';

/** Writes in flight at once: enough to hide the round trips to Cosmos DB, gentle on its RU budget. */
const CONCURRENCY = 8;
/** Documents read per page while checking the target. */
const PAGE = 1000;
/** Foreign documents named in the refusal. */
const EXAMPLES = 3;

export interface ImportAllOptions {
  /** Write even though the target holds documents that are not in the dump. */
  force?: boolean;
}

export interface ImportAllResult {
  /** Documents in the dump, per container. */
  containers: Record<SourceContainerName, number>;
  documents: number;
  /** Documents written (all but the counters kept). */
  written: number;
  /** Counters left as they were: the target's value was already the dump's or beyond. */
  countersKept: number;
}

const keyOf = (container: string, pk: string, id: string) => `${container}\u0000${pk}\u0000${id}`;

/** Each line of the dump after the header, with its number (1-based, header included). */
async function* dumpLines(file: string): AsyncGenerator<{ text: string; line: number }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() !== '') yield { text, line };
  }
}

/** First pass: every line valid, the trailer matching; the documents' keys. */
async function checkDump(
  file: string,
): Promise<{ keys: Set<string>; counts: Record<SourceContainerName, number> }> {
  const keys = new Set<string>();
  const counts = emptyCounts();
  let trailer: DumpTrailer | undefined;
  let headerSeen = false;
  for await (const { text, line } of dumpLines(file)) {
    if (!headerSeen) {
      parseHeader(text);
      headerSeen = true;
      continue;
    }
    if (trailer) throw new ValidationError(`Fichier d'export invalide : ligne ${line} après la fin.`);
    const parsed = parseBodyLine(text, line);
    if ('end' in parsed) {
      trailer = parsed;
      continue;
    }
    const key = keyOf(parsed.container, parsed.pk, parsed.doc.id);
    if (keys.has(key)) throw new ValidationError(`Fichier d'export invalide : ligne ${line} en double.`);
    keys.add(key);
    counts[parsed.container]++;
  }
  if (!headerSeen) parseHeader(undefined);
  checkTrailer(trailer, counts);
  return { keys, counts };
}

/** Documents of the target that the dump does not hold (at most `EXAMPLES` named). */
async function foreignDocuments(
  store: Store,
  keys: Set<string>,
): Promise<{ count: number; examples: string[] }> {
  let count = 0;
  const examples: string[] = [];
  for (const name of SOURCE_CONTAINERS) {
    for await (const items of pagesOf(store.container(name), { crossPartition: true, limit: PAGE })) {
      for (const doc of items) {
        if (!isRecord(name, doc) || keys.has(keyOf(name, doc.pk, doc.id))) continue;
        count++;
        if (examples.length < EXAMPLES) examples.push(`${name}/${doc.pk}/${doc.id}`);
      }
    }
  }
  return { count, examples };
}

/** Writes one document; false when a counter was kept because the target's is as high or higher. */
async function writeEntry(store: Store, entry: DumpEntry): Promise<boolean> {
  const container = store.container(entry.container);
  if (entry.container === 'counters' && typeof entry.doc.value === 'number') {
    const current = await container.read(entry.pk, entry.doc.id);
    if (typeof current?.value === 'number' && current.value >= entry.doc.value) return false;
    if (current) {
      // On its ETag: a service running on the target meanwhile must not be overwritten with less.
      await container.replace(entry.doc, { ifMatch: current._etag });
      return true;
    }
  }
  await container.upsert(entry.doc);
  return true;
}

/** Second pass: writes every document, a few at a time. */
async function writeDump(store: Store, file: string): Promise<{ written: number; countersKept: number }> {
  const result = { written: 0, countersKept: 0 };
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let headerSeen = false;
  for await (const { text, line } of dumpLines(file)) {
    if (!headerSeen) {
      headerSeen = true;
      continue;
    }
    const parsed = parseBodyLine(text, line);
    if ('end' in parsed) break;
    const write = writeEntry(store, parsed).then(
      (written) => void (written ? result.written++ : result.countersKept++),
      (err: unknown) => void (failure ??= err),
    );
    inFlight.add(write);
    void write.finally(() => inFlight.delete(write));
    if (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
    if (failure !== undefined) break;
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  return result;
}

/** Imports the dump `file` into `store`; see the file comment for the rules. */
export async function importStoreDump(
  store: Store,
  file: string,
  options: ImportAllOptions = {},
): Promise<ImportAllResult> {
  try {
    await access(file);
  } catch {
    throw new ValidationError(`Fichier introuvable ou illisible : ${file}`);
  }
  const { keys, counts } = await checkDump(file);
  if (!options.force) {
    const foreign = await foreignDocuments(store, keys);
    if (foreign.count > 0) {
      throw new ConflictError(
        `La base cible contient déjà ${foreign.count} document(s) absent(s) de cet export ` +
          `(par exemple ${foreign.examples.join(', ')}). Importez dans une base vide, ` +
          'ou ajoutez --force pour écrire à côté de ces documents (ceux de même identifiant sont remplacés).',
      );
    }
  }
  const { written, countersKept } = await writeDump(store, file);
  return { containers: counts, documents: keys.size, written, countersKept };
}
