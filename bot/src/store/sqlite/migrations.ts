/**
 * Schema migrations of the embedded SQLite store.
 *
 * Migrations are append-only: never edit or reorder a released one, add a new one at the end. Each is
 * applied once, inside the same immediate transaction as its record in `schema_migrations`, so that a
 * crash or a second instance starting at the same time never leaves a half-applied schema.
 */
import type Database from 'better-sqlite3';
import { StoreUnavailableError } from '../../domain/errors';
import { LOOKUP_VIEW_INDEX_STATEMENTS } from './lookup-view-indexes';
import { LIST_INDEX_STATEMENTS, OPEN_SEVERITY_INDEX_STATEMENTS } from './list-indexes';
import { QUOTE_VIEW_INDEX_STATEMENTS } from './quote-view-indexes';
import { VIEW_INDEX_STATEMENTS } from './view-indexes';

/** One schema change: a stable id (sorts in application order) and the SQL that applies it. */
export interface Migration {
  id: string;
  sql: string;
}

/**
 * Every migration, in application order.
 *
 * The primary key (container, pk, id) serves reads, writes and partition queries ordered by id. When
 * a hot query needs more, add an expression index in a new migration, written exactly as the query
 * builder writes the field (`json_extract(body, '$.a.b')`), e.g.
 * `CREATE INDEX documents_status ON documents (container, pk, json_extract(body, '$.status'), id)`,
 * and check with EXPLAIN QUERY PLAN that SQLite picks it: without ANALYZE statistics it often
 * prefers the primary key.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-documents',
    // One table for every container: documents are JSON bodies addressed like Cosmos items
    // (container, partition, id). The ETag and timestamp live in columns, not in the body.
    sql: `
      CREATE TABLE documents (
        container TEXT NOT NULL,
        pk        TEXT NOT NULL,
        id        TEXT NOT NULL,
        body      TEXT NOT NULL CHECK (json_valid(body)),
        etag      TEXT NOT NULL,
        ts        TEXT NOT NULL,
        PRIMARY KEY (container, pk, id)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    id: '0002-outbox-due',
    // The outbox sender asks, across partitions, for pending messages whose time has come.
    sql: `
      CREATE INDEX documents_outbox_due ON documents (
        container,
        json_extract(body, '$.type'),
        json_extract(body, '$.status'),
        json_extract(body, '$.nextAttemptAt')
      );
    `,
  },
  {
    id: '0003-sla-due',
    // The SLA watch asks, across partitions, for tickets whose next alert has passed
    // (`type = 'ticket' AND nextAlertAt <= now`): a range over this index, so a sweep reads the due
    // tickets only. Partial: only documents with an alert scheduled (open tickets) are indexed, so
    // closed tickets, events and outbox messages cost it nothing; `nextAlertAt <= ?` implies the
    // condition, which lets SQLite use it.
    sql: `
      CREATE INDEX documents_sla_due ON documents (
        container,
        json_extract(body, '$.type'),
        json_extract(body, '$.nextAlertAt')
      ) WHERE json_extract(body, '$.nextAlertAt') IS NOT NULL;
    `,
  },
  {
    id: '0004-quote-watch',
    // The quote watch asks, across partitions, for quotes still unanswered whose due date is near or
    // past (`status IN (…) AND dueDate <= ?`) and for sent quotes old enough to have expired
    // (`status = 'sent' AND updatedAt <= ?`). Partial on `dueDate`, which only quotes carry, so
    // tickets, events and outbox messages cost these indexes nothing; the queries name `dueDate`.
    sql: `
      CREATE INDEX documents_quote_due ON documents (
        container,
        json_extract(body, '$.type'),
        json_extract(body, '$.status'),
        json_extract(body, '$.dueDate')
      ) WHERE json_extract(body, '$.dueDate') IS NOT NULL;
      CREATE INDEX documents_quote_sent ON documents (
        container,
        json_extract(body, '$.type'),
        json_extract(body, '$.status'),
        json_extract(body, '$.updatedAt')
      ) WHERE json_extract(body, '$.dueDate') IS NOT NULL;
    `,
  },
  {
    id: '0005-list-indexes',
    // The API's lists (tickets, and staff lists of quotes and orders) walk an index in their ORDER BY
    // order and stop after the page, instead of sorting every matching document: see list-indexes.ts.
    sql: LIST_INDEX_STATEMENTS.join('\n'),
  },
  {
    id: '0006-open-ticket-severity-indexes',
    // The dashboard counts open tickets per severity: keyed by severity, a count reads its page only.
    sql: OPEN_SEVERITY_INDEX_STATEMENTS.join('\n'),
  },
  {
    id: '0007-view-indexes',
    // The agenda and the open-ticket view (store/views/) in their orders: see view-indexes.ts.
    sql: VIEW_INDEX_STATEMENTS.join('\n'),
  },
  {
    id: '0008-quote-view-indexes',
    // The quote and order views in their orders: see quote-view-indexes.ts.
    sql: QUOTE_VIEW_INDEX_STATEMENTS.join('\n'),
  },
  {
    id: '0009-lookup-view-indexes',
    // Staff's lookups by number and every request's roles by person: see lookup-view-indexes.ts.
    sql: LOOKUP_VIEW_INDEX_STATEMENTS.join('\n'),
  },
];

const BOOTSTRAP = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    id         TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  ) STRICT;
`;

/**
 * Applies the migrations `db` lacks and returns their ids. Refuses a database that records a
 * migration this code does not know: it was written by a newer Guichet and an older one could
 * corrupt it.
 */
export function applyMigrations(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): string[] {
  const known = new Set(migrations.map((m) => m.id));
  const run = db.transaction((): string[] => {
    db.exec(BOOTSTRAP);
    const rows = db.prepare('SELECT id FROM schema_migrations').all() as { id: string }[];
    const applied = new Set(rows.map((r) => r.id));
    const unknown = [...applied].filter((id) => !known.has(id)).sort();
    if (unknown.length > 0) {
      throw new StoreUnavailableError(
        `La base de données a été modifiée par une version plus récente de Guichet ` +
          `(migration inconnue : ${unknown.join(', ')}). Mettez Guichet à jour avant de l'ouvrir.`,
      );
    }
    const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.id)) continue;
      db.exec(migration.sql);
      record.run(migration.id, new Date().toISOString());
      done.push(migration.id);
    }
    return done;
  });
  // IMMEDIATE takes the write lock up front: two instances opening the same file at once serialise
  // here instead of both reading "nothing applied" and both running migration 0001.
  return run.immediate();
}
