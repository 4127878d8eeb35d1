/**
 * The whole-store dump of `guichet export --all` / `guichet import --all`: JSON lines, so that a
 * store of any size streams through in constant memory and stays readable with standard tools.
 *
 *   {"format":"guichet-store-dump","version":1,"createdAt":"…","store":"sqlite"}   header
 *   {"container":"business","pk":"21690012300029","doc":{…}}                        one per document
 *   {"end":true,"documents":1234,"containers":{"business":1000,…}}                  trailer
 *
 * Documents are written without the store's metadata (`_etag`, `_ts`): the target store sets its
 * own on import. The trailer tells a complete dump from a cut one: an import checks it before
 * writing anything. Derived documents are left out (the `views` container, and the view-sync
 * markers of refreshes in progress): the target store derives them again from what it imports.
 */
import { ValidationError } from '../../domain/errors';
import { SOURCE_CONTAINERS, type Doc, type SourceContainerName } from '../../store/port';
import { VIEW_SYNC_TYPE } from '../../store/views/view-sync';

export const DUMP_FORMAT = 'guichet-store-dump';
export const DUMP_VERSION = 1;

/** First line of a dump. */
export interface DumpHeader {
  format: typeof DUMP_FORMAT;
  version: typeof DUMP_VERSION;
  createdAt: string;
  /** The kind of store it was taken from (information only). */
  store: string;
}

/** One document and where it lives. */
export interface DumpEntry {
  container: SourceContainerName;
  pk: string;
  doc: Doc;
}

/** Last line of a dump. */
export interface DumpTrailer {
  end: true;
  documents: number;
  containers: Record<SourceContainerName, number>;
}

/** Zero per container, in the port's order. */
export function emptyCounts(): Record<SourceContainerName, number> {
  return Object.fromEntries(SOURCE_CONTAINERS.map((name) => [name, 0])) as Record<
    SourceContainerName,
    number
  >;
}

/** False of the documents a store derives by itself (a view refresh in progress). */
export function isRecord(container: SourceContainerName, doc: Doc): boolean {
  return !(container === 'business' && doc.type === VIEW_SYNC_TYPE);
}

/** A document as dumped: its fields without the store's metadata. */
export function dumpEntry(container: SourceContainerName, stored: Doc): DumpEntry {
  const { _etag, _ts, ...doc } = stored as Doc & { _etag?: unknown; _ts?: unknown };
  return { container, pk: doc.pk, doc };
}

function lineError(line: number, message: string): ValidationError {
  return new ValidationError(`Fichier d'export invalide : ${message}`, [{ line, message }]);
}

function parseJson(text: string, line: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw lineError(line, 'ligne qui n’est pas du JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw lineError(line, 'un objet JSON est attendu sur chaque ligne.');
  }
  return value as Record<string, unknown>;
}

/** Checks the first line. */
export function parseHeader(text: string | undefined): DumpHeader {
  if (text === undefined) throw lineError(1, 'le fichier est vide.');
  const header = parseJson(text, 1);
  if (header.format !== DUMP_FORMAT) {
    throw lineError(1, 'ce fichier ne vient pas de « guichet export --all ».');
  }
  if (header.version !== DUMP_VERSION) {
    throw lineError(1, `version ${String(header.version)} inconnue (attendue : ${DUMP_VERSION}).`);
  }
  return header as unknown as DumpHeader;
}

/** A document line or the trailer; ValidationError naming the line otherwise. */
export function parseBodyLine(text: string, line: number): DumpEntry | DumpTrailer {
  const value = parseJson(text, line);
  if (value.end === true) return value as unknown as DumpTrailer;
  const { container, pk, doc } = value as { container?: unknown; pk?: unknown; doc?: unknown };
  if (!SOURCE_CONTAINERS.includes(container as SourceContainerName)) {
    throw lineError(line, `conteneur inconnu ${JSON.stringify(container)}.`);
  }
  const d = doc as Partial<Doc> | undefined;
  if (typeof d !== 'object' || d === null || typeof d.id !== 'string' || typeof d.pk !== 'string') {
    throw lineError(line, 'document sans identifiant ni partition.');
  }
  if (d.pk !== pk) throw lineError(line, 'la partition de la ligne et celle du document diffèrent.');
  return { container: container as SourceContainerName, pk: d.pk, doc: d as Doc };
}

/** Checks that the trailer matches what was read: a cut or edited dump is refused whole. */
export function checkTrailer(
  trailer: DumpTrailer | undefined,
  counts: Record<SourceContainerName, number>,
): void {
  const documents = Object.values(counts).reduce((a, b) => a + b, 0);
  if (trailer === undefined) {
    throw new ValidationError(
      `Fichier d'export incomplet : la dernière ligne manque (${documents} document(s) lus). ` +
        'Refaites l’export : rien n’a été importé.',
    );
  }
  const same = SOURCE_CONTAINERS.every((name) => (trailer.containers?.[name] ?? 0) === counts[name]);
  if (trailer.documents !== documents || !same) {
    throw new ValidationError(
      `Fichier d'export incohérent : ${trailer.documents} document(s) annoncés, ${documents} lus. ` +
        'Rien n’a été importé.',
    );
  }
}
