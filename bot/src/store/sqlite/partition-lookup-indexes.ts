/**
 * The SQL of migration 0010: indexes of the lookups made inside one beneficiary's partition on every
 * detail shown — a document's audit trail (its events, by `seq`) and a document by its number (a
 * beneficiary's "ticket INC-…", "devis DEV-…") — which otherwise read the whole partition: every
 * ticket, quote, order and event the beneficiary ever had.
 *
 * Frozen with the migrations once released. Partial on the document type, which the queries bind
 * (see list-indexes.ts for why SQLite then proves the condition). Each key ends with the order the
 * query asks for, so that SQLite prefers the index to the primary key (see lookup-view-indexes.ts).
 */
import { orderColumns } from './list-indexes';

const ofType = (type: string): string => `json_extract(body, '$.type') = '${type}'`;

/** The audit trail of one document of a kind: its events by document id, in `seq` order. */
function eventsIndex(kind: string, key: string): string {
  return (
    `CREATE INDEX documents_${kind}_events ON documents (container, pk, json_extract(body, '$.${key}'), ` +
    `${orderColumns('seq', 'ASC')}) WHERE ${ofType(`${kind}-event`)};`
  );
}

/** The documents of a kind by number. */
function numberIndex(kind: string): string {
  return (
    `CREATE INDEX documents_${kind}s_by_number ON documents (container, pk, json_extract(body, '$.number'), ` +
    `${orderColumns('number', 'ASC')}) WHERE ${ofType(kind)};`
  );
}

/** Statements of migration `0010-partition-lookup-indexes`. */
export const PARTITION_LOOKUP_INDEX_STATEMENTS: readonly string[] = [
  eventsIndex('ticket', 'ticketId'),
  eventsIndex('quote', 'quoteId'),
  eventsIndex('order', 'orderId'),
  numberIndex('ticket'),
  numberIndex('quote'),
  numberIndex('order'),
];
