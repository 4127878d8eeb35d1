/**
 * The embedded store: one SQLite file (or memory, for tests) behind the store port.
 *
 * It is the default of `npm start` and of every test; production uses Cosmos DB through the same port.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { GuichetError, StoreUnavailableError, ValidationError } from '../../domain/errors';
import { CONTAINERS, type Container, type ContainerName, type Doc, type Store } from '../port';
import { withViews } from '../views/projecting-store';
import { applyMigrations } from './migrations';
import { prepareStatements, SqliteContainer, type DocumentStatements } from './sqlite-container';
import { tableOf } from './sqlite-query';

export type SqliteStoreOptions = { file: string } | { memory: true };

/** The SQLite store; `file` is absent for an in-memory store. */
export interface SqliteStore extends Store {
  readonly kind: 'sqlite';
  readonly file?: string;
}

/** How long a write waits for another process's lock before giving up (SQLITE_BUSY). */
const BUSY_TIMEOUT_MS = 5000;

/** Driver failures that mean "the store cannot serve now", not "this request is wrong". */
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|CORRUPT|NOTADB|PROTOCOL)/;

function open(options: SqliteStoreOptions): Database.Database {
  if ('file' in options) {
    mkdirSync(dirname(options.file), { recursive: true });
    return new Database(options.file, { timeout: BUSY_TIMEOUT_MS });
  }
  return new Database(':memory:');
}

function configure(db: Database.Database, onFile: boolean): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (onFile) {
    // WAL lets readers (the tab's lists) run while the bot writes, and survives crashes.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal')
      throw new StoreUnavailableError(`Impossible d'activer le journal WAL (mode obtenu : ${String(mode)}).`);
    // FULL: a commit acknowledged to a user survives a power loss too, not only a process crash
    // (WAL's default NORMAL may lose the last commits). Measured cost here: about 1.6 ms a commit.
    db.pragma('synchronous = FULL');
  }
}

/** Opens (creating it and its directory if needed) and migrates a SQLite store. */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const db = open(options);
  try {
    configure(db, 'file' in options);
    applyMigrations(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return withViews(new SqliteStoreImpl(db, 'file' in options ? options.file : undefined));
}

class SqliteStoreImpl implements SqliteStore {
  readonly kind = 'sqlite' as const;
  private readonly containers = new Map<ContainerName, SqliteContainer>();
  private readonly statements: Record<'documents' | 'view_documents', DocumentStatements>;

  constructor(
    private readonly db: Database.Database,
    readonly file: string | undefined,
  ) {
    this.statements = {
      documents: prepareStatements(db, 'documents'),
      view_documents: prepareStatements(db, 'view_documents'),
    };
  }

  container<T extends Doc = Doc>(name: ContainerName): Container<T> {
    if (!(CONTAINERS as readonly string[]).includes(name)) {
      throw new ValidationError(`Conteneur inconnu : ${JSON.stringify(name)}.`);
    }
    let container = this.containers.get(name);
    if (container === undefined) {
      const relaxed = this.file === undefined ? undefined : this.withoutSync;
      const commit = name === 'views' ? relaxed : undefined;
      const statements = this.statements[tableOf(name)];
      container = new SqliteContainer(this.db, name, statements, this.guard, commit, relaxed);
      this.containers.set(name, container);
    }
    // One instance per family whatever T the caller sees: documents are JSON, T is a view on them.
    return container as unknown as Container<T>;
  }

  async ping(): Promise<void> {
    this.guard(() => this.db.prepare('SELECT 1').get());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /**
   * Commits `work` without waiting for the disk: for the `views` container, whose documents are
   * derived, and for writes marked `durable: false` (removing a view-sync marker). The journal is a log written in order, so the next commit that does wait (every
   * `business` commit) makes these durable too, and an agenda touch is durable before the business
   * batch it announces. A power loss can only undo view writes made since the last such commit,
   * which the view-sync markers and the agenda (both in durable commits) redo. Measured: a declared
   * incident costs four commits more with its views; waiting for each made it 40 % slower at p95.
   */
  private readonly withoutSync = <R>(work: () => R): R => {
    this.db.pragma('synchronous = NORMAL');
    try {
      return work();
    } finally {
      this.db.pragma('synchronous = FULL');
    }
  };

  /** Runs `work`, turning driver failures that mean "unavailable" into StoreUnavailableError. */
  private readonly guard = <R>(work: () => R): R => {
    if (!this.db.open) throw new StoreUnavailableError();
    try {
      return work();
    } catch (err) {
      if (err instanceof GuichetError) throw err;
      const code = (err as { code?: unknown }).code;
      if (typeof code !== 'string' || !UNAVAILABLE_CODES.test(code)) throw err;
      const unavailable = new StoreUnavailableError();
      unavailable.cause = err; // kept for the logs; users only see the French message
      throw unavailable;
    }
  };
}
