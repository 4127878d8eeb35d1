/**
 * What SQLite would do for recorded queries: each is planned by the adapter's own query builder and
 * explained on a freshly migrated in-memory database (without ANALYZE statistics, like the store).
 */
import Database from 'better-sqlite3';
import { applyMigrations } from '../../../bot/src/store/sqlite/migrations';
import { planQuery } from '../../../bot/src/store/sqlite/sqlite-query';
import type { RecordedQuery } from '../../support/recording-store';

/** The plan of each query in its container (SQLite's details joined by ' | '), without index `drop` when named. */
export function queryPlans(queries: readonly RecordedQuery[], drop?: string): string[] {
  const db = new Database(':memory:');
  try {
    applyMigrations(db);
    if (drop) db.exec(`DROP INDEX ${drop}`);
    return queries.map(({ container, ...spec }) => {
      const plan = planQuery(container, spec);
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${plan.sql}`).all(...plan.params) as { detail: string }[];
      return rows.map((r) => r.detail).join(' | ');
    });
  } finally {
    db.close();
  }
}

/** Which of `indexes` a plan walks in ORDER BY order, or undefined when it sorts or walks another. */
export function walkedIndex(detail: string, indexes: readonly string[]): string | undefined {
  if (detail.includes('TEMP B-TREE')) return undefined;
  return indexes.find((name) => detail.includes(`USING INDEX ${name} `));
}
