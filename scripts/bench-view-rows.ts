/**
 * What the benchmarks that load tickets straight into SQLite (bench-api, bench-sla-watch) add for
 * the views: the row the store's projection writes for each open ticket, so that the staff's lists
 * and the SLA watch, which read the open-ticket view, find there what `business` holds.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Doc } from '../bot/src/store/port';
import { tableOf } from '../bot/src/store/sqlite/sqlite-query';
import { OPEN_TICKETS, OPEN_TICKETS_VIEW } from '../bot/src/store/views/view-projections';
import { viewRow, viewRowId } from '../bot/src/store/views/view-row';

/**
 * A function that inserts the open-ticket row of a ticket document (nothing for a resolved or closed
 * one), as the refresher stores it, dated `stamp`. Run it in the load's transaction.
 */
export function openTicketRowWriter(db: Database.Database, stamp: string): (doc: Doc) => void {
  const insert = db.prepare(
    `INSERT INTO ${tableOf('views')} (container, pk, id, body, etag, ts) VALUES ('views', ?, ?, ?, ?, ?)`,
  );
  return (doc) => {
    const ticket = doc as Doc & { type: string };
    const fields = OPEN_TICKETS.project(ticket);
    if (fields === undefined) return;
    const row = viewRow(OPEN_TICKETS_VIEW, ticket, fields);
    insert.run(OPEN_TICKETS_VIEW, viewRowId(doc.pk, doc.id), JSON.stringify(row), randomUUID(), stamp);
  };
}
