/**
 * A port `Container` over the shared `documents` table of the embedded SQLite store.
 *
 * better-sqlite3 is synchronous: each method does its work in one call, so writes from this process
 * never interleave. The ETag conditions are in the SQL statements themselves (`WHERE etag = ?`), which
 * keeps them correct when several processes share the database file.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../../domain/errors';
import type {
  BatchOperation,
  Container,
  ContainerName,
  Doc,
  Page,
  QuerySpec,
  Stored,
  WriteOptions,
} from '../port';
import { encodeCursor, planQuery, type CursorKeys } from './sqlite-query';

/** Cosmos limits, mirrored so that code tested on SQLite does not fail in production. */
const MAX_ID_LENGTH = 255;
const MAX_PK_LENGTH = 1024;
const MAX_DOC_BYTES = 2 * 1024 * 1024;
const MAX_BATCH_OPERATIONS = 100;
/** Query shapes kept prepared per container; the oldest goes first beyond this. */
const MAX_CACHED_QUERIES = 200;

/** Characters Cosmos refuses in an id (they break its resource URLs). */
const FORBIDDEN_ID_CHARS = /[/\\?#]/;

/** The statements every container shares; `container` is always the first parameter. */
export interface DocumentStatements {
  select: Database.Statement<[string, string, string], StoredRow>;
  insert: Database.Statement<[string, string, string, string, string, string]>;
  upsert: Database.Statement<[string, string, string, string, string, string]>;
  update: Database.Statement<[string, string, string, string, string, string]>;
  updateIfMatch: Database.Statement<[string, string, string, string, string, string, string]>;
  delete: Database.Statement<[string, string, string]>;
  deleteIfMatch: Database.Statement<[string, string, string, string]>;
}

interface StoredRow {
  body: string;
  etag: string;
  ts: string;
}

/** Prepares the statements of one table once per database connection. */
export function prepareStatements(db: Database.Database, table = 'documents'): DocumentStatements {
  const key = 'container = ? AND pk = ? AND id = ?';
  const values = 'body = ?, etag = ?, ts = ?';
  return {
    select: db.prepare(`SELECT body, etag, ts FROM ${table} WHERE ${key}`),
    insert: db.prepare(
      `INSERT INTO ${table} (container, pk, id, body, etag, ts) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    upsert: db.prepare(
      `INSERT INTO ${table} (container, pk, id, body, etag, ts) VALUES (?, ?, ?, ?, ?, ?) ` +
        'ON CONFLICT (container, pk, id) DO UPDATE SET body = excluded.body, etag = excluded.etag, ts = excluded.ts',
    ),
    update: db.prepare(`UPDATE ${table} SET ${values} WHERE ${key}`),
    updateIfMatch: db.prepare(`UPDATE ${table} SET ${values} WHERE ${key} AND etag = ?`),
    delete: db.prepare(`DELETE FROM ${table} WHERE ${key}`),
    deleteIfMatch: db.prepare(`DELETE FROM ${table} WHERE ${key} AND etag = ?`),
  };
}

/** A document ready to write: validated, without store metadata, serialised once. */
interface Write {
  pk: string;
  id: string;
  body: string;
  etag: string;
  ts: string;
}

function invalid(message: string, path: string): ValidationError {
  return new ValidationError(message, [{ path, message }]);
}

function checkKey(pk: unknown, id: unknown): void {
  if (typeof pk !== 'string' || pk === '' || pk.length > MAX_PK_LENGTH) {
    throw invalid(
      `Clé de partition invalide : une chaîne de 1 à ${MAX_PK_LENGTH} caractères est attendue.`,
      'pk',
    );
  }
  if (typeof id !== 'string' || id === '' || id.length > MAX_ID_LENGTH || FORBIDDEN_ID_CHARS.test(id)) {
    throw invalid(
      `Identifiant invalide : une chaîne de 1 à ${MAX_ID_LENGTH} caractères sans « / », « \\ », « ? » ni « # » est attendue.`,
      'id',
    );
  }
}

function prepareWrite(doc: Doc): Write {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw invalid('Document invalide : un objet JSON est attendu.', '');
  }
  checkKey(doc.pk, doc.id);
  // The store owns _etag and _ts: they come from columns on read, so a copy in the body would go stale.
  const { _etag, _ts, ...fields } = doc as Doc & Partial<Record<'_etag' | '_ts', unknown>>;
  const body = JSON.stringify(fields);
  if (Buffer.byteLength(body) > MAX_DOC_BYTES) {
    throw invalid('Document trop volumineux : 2 Mo au plus.', '');
  }
  return { pk: doc.pk, id: doc.id, body, etag: randomUUID(), ts: new Date().toISOString() };
}

function toStored<T extends Doc>(row: StoredRow): Stored<T> {
  return { ...(JSON.parse(row.body) as T), _etag: row.etag, _ts: row.ts };
}

function docLabel(id: string): string {
  return `Document « ${id} »`;
}

/** The SQLite implementation of a port container (one document family). */
export class SqliteContainer<T extends Doc = Doc> implements Container<T> {
  /** Prepared query statements by SQL text, oldest first. */
  private readonly queries = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly name: ContainerName,
    private readonly statements: DocumentStatements,
    /** Maps driver failures (closed database, busy file…) to domain errors. */
    private readonly guard: <R>(work: () => R) => R,
    /** Runs a write: the store decides how durable its commit must be (see `sqlite-store.ts`). */
    private readonly commit: <R>(work: () => R) => R = (work) => work(),
    /** Runs a write that need not wait for the disk (`durable: false`). */
    private readonly relaxed: <R>(work: () => R) => R = commit,
  ) {}

  async read(pk: string, id: string): Promise<Stored<T> | undefined> {
    return this.guard(() => {
      checkKey(pk, id);
      const row = this.statements.select.get(this.name, pk, id);
      return row === undefined ? undefined : toStored<T>(row);
    });
  }

  async create(doc: T): Promise<Stored<T>> {
    return this.guard(() => this.commit(() => this.createNow(doc)));
  }

  async replace(doc: T, options: WriteOptions = {}): Promise<Stored<T>> {
    return this.guard(() => this.commitOf(options)(() => this.replaceNow(doc, options.ifMatch)));
  }

  async upsert(doc: T, options: WriteOptions = {}): Promise<Stored<T>> {
    return this.guard(() => this.commitOf(options)(() => this.upsertNow(doc, options.ifMatch)));
  }

  async delete(pk: string, id: string, options: WriteOptions = {}): Promise<boolean> {
    return this.guard(() => this.commitOf(options)(() => this.deleteNow(pk, id, options.ifMatch)));
  }

  /** How a write with these options commits (`durable: false`: without waiting for the disk). */
  private commitOf(options: WriteOptions): <R>(work: () => R) => R {
    return options.durable === false ? this.relaxed : this.commit;
  }

  async query(spec: QuerySpec): Promise<Page<Stored<T>>> {
    return this.guard(() => {
      const plan = planQuery(this.name, spec);
      const rows = this.statementOf(plan.sql).all(...plan.params) as unknown[][];
      const page = rows.slice(0, plan.limit);
      const items = page.map(([body, etag, ts]) => toStored<T>({ body, etag, ts } as StoredRow));
      const last = page[page.length - 1];
      if (rows.length <= plan.limit || last === undefined) return { items };
      const keys = last.slice(3, 3 + plan.keyCount) as CursorKeys;
      return { items, continuationToken: encodeCursor(plan.fingerprint, keys) };
    });
  }

  /**
   * The prepared statement of a query's SQL. A service sends a few dozen query shapes, each with its
   * values bound apart, so preparing each once saves a compilation per query (a tenth of the CPU of
   * a turn, measured). SQLite prepares again by itself when a bound value would change the plan.
   */
  private statementOf(sql: string): Database.Statement {
    let statement = this.queries.get(sql);
    if (statement === undefined) {
      if (this.queries.size >= MAX_CACHED_QUERIES) this.queries.delete(this.queries.keys().next().value!);
      statement = this.db.prepare(sql).raw();
      this.queries.set(sql, statement);
    }
    return statement;
  }

  async batch(pk: string, operations: BatchOperation<T>[]): Promise<void> {
    return this.guard(() => {
      if (!Array.isArray(operations) || operations.length > MAX_BATCH_OPERATIONS) {
        throw invalid(`Lot invalide : au plus ${MAX_BATCH_OPERATIONS} opérations.`, 'operations');
      }
      // Checked before the transaction: a lot that spans partitions would not be atomic in Cosmos.
      operations.forEach((op, i) => {
        const opPk = op.op === 'delete' ? pk : op.doc?.pk;
        if (opPk !== pk) {
          throw invalid(
            `Lot invalide : l'opération ${i + 1} vise une autre partition que « ${pk} ».`,
            'operations',
          );
        }
      });
      // Any throw inside rolls the whole transaction back and propagates the domain error.
      // IMMEDIATE takes the write lock up front, so another process cannot slip in between ops.
      this.commit(() =>
        this.db.transaction(() => operations.forEach((op) => this.apply(pk, op))).immediate(),
      );
    });
  }

  private apply(pk: string, op: BatchOperation<T>): void {
    switch (op.op) {
      case 'create':
        this.createNow(op.doc);
        return;
      case 'upsert':
        this.upsertNow(op.doc, undefined);
        return;
      case 'replace':
        this.replaceNow(op.doc, op.ifMatch);
        return;
      case 'delete':
        // Like a Cosmos transactional batch, deleting a missing document fails the whole batch.
        if (!this.deleteNow(pk, op.id, op.ifMatch)) throw new NotFoundError(docLabel(op.id));
        return;
      default:
        throw invalid(
          `Opération de lot inconnue : ${JSON.stringify((op as { op: unknown }).op)}.`,
          'operations',
        );
    }
  }

  private createNow(doc: T): Stored<T> {
    const w = prepareWrite(doc);
    const { changes } = this.statements.insert.run(this.name, w.pk, w.id, w.body, w.etag, w.ts);
    if (changes === 0) throw new ConflictError(`${docLabel(w.id)} : il existe déjà.`);
    return toStored<T>(w);
  }

  private replaceNow(doc: T, ifMatch: string | undefined): Stored<T> {
    const w = prepareWrite(doc);
    const { changes } =
      ifMatch === undefined
        ? this.statements.update.run(w.body, w.etag, w.ts, this.name, w.pk, w.id)
        : this.statements.updateIfMatch.run(w.body, w.etag, w.ts, this.name, w.pk, w.id, ifMatch);
    if (changes === 0) {
      if (this.exists(w.pk, w.id)) throw new PreconditionFailedError();
      throw new NotFoundError(docLabel(w.id));
    }
    return toStored<T>(w);
  }

  private upsertNow(doc: T, ifMatch: string | undefined): Stored<T> {
    const w = prepareWrite(doc);
    if (ifMatch === undefined) {
      this.statements.upsert.run(this.name, w.pk, w.id, w.body, w.etag, w.ts);
      return toStored<T>(w);
    }
    // A conditional upsert targets the version the caller read: when that version is gone
    // (changed or deleted since), the precondition fails rather than silently creating.
    const { changes } = this.statements.updateIfMatch.run(
      w.body,
      w.etag,
      w.ts,
      this.name,
      w.pk,
      w.id,
      ifMatch,
    );
    if (changes === 0) throw new PreconditionFailedError();
    return toStored<T>(w);
  }

  /** Returns false when nothing was there; throws PreconditionFailedError on a stale `ifMatch`. */
  private deleteNow(pk: string, id: string, ifMatch: string | undefined): boolean {
    checkKey(pk, id);
    const { changes } =
      ifMatch === undefined
        ? this.statements.delete.run(this.name, pk, id)
        : this.statements.deleteIfMatch.run(this.name, pk, id, ifMatch);
    if (changes > 0) return true;
    if (ifMatch !== undefined && this.exists(pk, id)) throw new PreconditionFailedError();
    return false;
  }

  private exists(pk: string, id: string): boolean {
    return this.statements.select.get(this.name, pk, id) !== undefined;
  }
}
