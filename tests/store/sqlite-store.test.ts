import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PreconditionFailedError, StoreUnavailableError, ValidationError } from '../../bot/src/domain/errors';
import { openStore, SQLITE_FILE_NAME } from '../../bot/src/store/open-store';
import type { Doc, Store } from '../../bot/src/store/port';
import { applyMigrations, MIGRATIONS } from '../../bot/src/store/sqlite/migrations';
import { planQuery } from '../../bot/src/store/sqlite/sqlite-query';
import { openSqliteStore, type SqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import { describeStoreContract } from './store-contract';

const tempDirs: string[] = [];

/** A fresh directory; the store file goes one level down so that the store has to create it. */
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-store-'));
  tempDirs.push(dir);
  return join(dir, 'data', SQLITE_FILE_NAME);
}

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('sqlite in memory', async () => openSqliteStore({ memory: true }));
describeStoreContract('sqlite file', async () => openSqliteStore({ file: tempFile() }));

/** A second, raw connection to inspect what the store wrote. */
function inspect<R>(file: string, look: (db: Database.Database) => R): R {
  const db = new Database(file, { readonly: true });
  try {
    return look(db);
  } finally {
    db.close();
  }
}

describe('sqlite store', () => {
  let file: string;
  const opened: Store[] = [];
  const open = (): SqliteStore => {
    const store = openSqliteStore({ file });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    file = tempFile();
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  it('creates its directory and runs in WAL mode', async () => {
    const store = open();
    expect(store.kind).toBe('sqlite');
    expect(existsSync(file)).toBe(true);
    expect(inspect(file, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
  });

  it('applies each migration once, recorded in schema_migrations', async () => {
    await open().close();
    const count = (): unknown =>
      inspect(file, (db) => db.prepare('SELECT id, applied_at FROM schema_migrations ORDER BY id').all());
    const first = count();
    expect((first as { id: string }[]).map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    await open().close();
    expect(count()).toEqual(first);
  });

  it('applies a migration added later on the next open, and nothing twice', () => {
    const db = new Database(':memory:');
    try {
      expect(applyMigrations(db)).toEqual(MIGRATIONS.map((m) => m.id));
      const later = [...MIGRATIONS, { id: '9000-later', sql: 'CREATE TABLE later (x TEXT)' }];
      expect(applyMigrations(db, later)).toEqual(['9000-later']);
      expect(applyMigrations(db, later)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('rolls a failing migration back entirely', () => {
    const db = new Database(':memory:');
    try {
      const broken = [...MIGRATIONS, { id: '9000-broken', sql: 'CREATE TABLE half (x TEXT); NOT SQL' }];
      expect(() => applyMigrations(db, broken)).toThrow();
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      expect(tables).not.toContain('half');
      expect(tables).not.toContain('documents');
    } finally {
      db.close();
    }
  });

  it('refuses a database migrated by a newer version', async () => {
    await open().close();
    const db = new Database(file);
    db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(
      '9999-future',
      new Date().toISOString(),
    );
    db.close();
    expect(() => open()).toThrow(StoreUnavailableError);
    expect(() => open()).toThrow(/9999-future/);
  });

  it('keeps data across close and reopen', async () => {
    const first = open();
    const created = await first.container('business').create({ id: 't1', pk: 'b1', s: 'ouvert' });
    await first.close();
    expect(await open().container('business').read('b1', 't1')).toEqual(created);
  });

  it('stores _etag and _ts in columns only, never in the body', async () => {
    const store = open();
    await store.container('business').create({ id: 't1', pk: 'b1', _etag: 'x', _ts: 'y' } as Doc);
    const body = inspect(file, (db) => db.prepare('SELECT body FROM documents').pluck().get()) as string;
    expect(JSON.parse(body)).toEqual({ id: 't1', pk: 'b1' });
  });

  it('rejects SQL in a field path and keeps the table', async () => {
    const store = open();
    const tickets = store.container('business');
    await tickets.create({ id: 't1', pk: 'b1' });
    const field = "a'); DROP TABLE documents;--";
    await expect(
      tickets.query({ pk: 'b1', filters: [{ field, op: 'eq', value: 1 }] }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      tickets.query({ pk: 'b1', filters: [{ field, op: 'arrayContains', value: 1 }] }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(tickets.query({ pk: 'b1', orderBy: [{ field }] })).rejects.toBeInstanceOf(ValidationError);
    // Values are bound, never interpolated: SQL in a value is just an unmatched string.
    const page = await tickets.query({ pk: 'b1', filters: [{ field: 's', op: 'eq', value: field }] });
    expect(page.items).toEqual([]);
    const tables = inspect(file, (db) =>
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all(),
    );
    expect(tables).toContain('documents');
    expect(await tickets.read('b1', 't1')).toMatchObject({ id: 't1' });
  });

  it('refuses a continuation token from another query', async () => {
    const tickets = open().container('business');
    for (const id of ['a', 'b', 'c']) await tickets.create({ id, pk: 'b1', s: 'ouvert' });
    const { continuationToken } = await tickets.query({ pk: 'b1', limit: 1 });
    await expect(tickets.query({ pk: 'b2', limit: 1, continuationToken })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const other = { pk: 'b1', limit: 1, continuationToken, orderBy: [{ field: 's' }] };
    await expect(tickets.query(other)).rejects.toBeInstanceOf(ValidationError);
  });

  it('orders and pages mixed JSON types like Cosmos: missing, null, false, true, numbers, strings, arrays, objects', async () => {
    const tickets = open().container('business');
    const values: [string, unknown][] = [
      ['h', 'b'],
      ['c', null],
      ['j', { x: 1 }],
      ['e', 1],
      ['b', undefined],
      ['g', 'a'],
      ['d', false],
      ['i', [1]],
      ['f', 2.5],
      ['k', true],
      ['a', 1],
    ];
    for (const [id, v] of values) await tickets.create({ id, pk: 'b1', v });
    const pages = async (direction: 'asc' | 'desc'): Promise<string[]> => {
      const seen: string[] = [];
      let continuationToken: string | undefined;
      do {
        const page = await tickets.query({
          pk: 'b1',
          orderBy: [{ field: 'v', direction }],
          limit: 2,
          continuationToken,
        });
        seen.push(...page.items.map((d) => d.id));
        continuationToken = page.continuationToken;
      } while (continuationToken !== undefined);
      return seen;
    };
    expect(await pages('asc')).toEqual(['b', 'c', 'd', 'k', 'a', 'e', 'f', 'g', 'h', 'i', 'j']);
    // Descending reverses the values; equal values (a and e are both 1) still list ids ascending.
    expect(await pages('desc')).toEqual(['j', 'i', 'h', 'g', 'f', 'a', 'e', 'k', 'd', 'c', 'b']);
  });

  it('filters and orders on _ts, kept outside the body', async () => {
    const tickets = open().container('business');
    const first = await tickets.create({ id: 't1', pk: 'b1' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await tickets.create({ id: 't2', pk: 'b1' });
    const page = await tickets.query({ pk: 'b1', orderBy: [{ field: '_ts', direction: 'desc' }] });
    expect(page.items.map((d) => d.id)).toEqual(['t2', 't1']);
    const later = await tickets.query({ pk: 'b1', filters: [{ field: '_ts', op: 'gt', value: first._ts }] });
    expect(later.items).toEqual([second]);
  });

  it('checks ids and partition keys like Cosmos', async () => {
    const tickets = open().container('business');
    for (const id of ['', 'a/b', 'a\\b', 'a?b', 'a#b', 'x'.repeat(256)]) {
      await expect(tickets.create({ id, pk: 'b1' })).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(tickets.create({ id: 'ok', pk: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(tickets.read('', 'ok')).rejects.toBeInstanceOf(ValidationError);
  });

  it('keeps ETag guards across two connections to the same file', async () => {
    const [one, two] = [open().container('business'), open().container('business')];
    const v1 = await one.create({ id: 't1', pk: 'b1', n: 0 });
    const results = await Promise.allSettled([
      one.replace({ ...v1, n: 1 }, { ifMatch: v1._etag }),
      two.replace({ ...v1, n: 2 }, { ifMatch: v1._etag }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost?.reason).toBeInstanceOf(PreconditionFailedError);
    expect(await two.read('b1', 't1')).toEqual(await one.read('b1', 't1'));
  });

  it('reports a closed store as unavailable', async () => {
    const store = open();
    await store.close();
    await store.close();
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.container('business').read('b1', 't1')).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('writes field paths exactly as an expression index spells them', () => {
    const db = new Database(':memory:');
    try {
      const index =
        "CREATE INDEX by_status ON documents (container, pk, json_extract(body, '$.meta.status'), id)";
      applyMigrations(db, [...MIGRATIONS, { id: '9000-index', sql: index }]);
      const plan = planQuery('business', {
        pk: 'b1',
        filters: [{ field: 'meta.status', op: 'eq', value: 'open' }],
      });
      // INDEXED BY fails to prepare unless the query's expression matches the index's one.
      const forced = plan.sql.replace('FROM documents WHERE', 'FROM documents INDEXED BY by_status WHERE');
      const steps = db.prepare(`EXPLAIN QUERY PLAN ${forced}`).all(...plan.params) as { detail: string }[];
      expect(steps.map((s) => s.detail).join('\n')).toContain('USING INDEX by_status');
    } finally {
      db.close();
    }
  });
});

describe('openStore', () => {
  it('opens <dataDir>/guichet.sqlite for kind sqlite', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'guichet-open-'));
    tempDirs.push(parent);
    const dataDir = join(parent, 'nested');
    const store = await openStore({ kind: 'sqlite', dataDir });
    try {
      expect(store.kind).toBe('sqlite');
      await store.ping();
      expect(existsSync(join(dataDir, 'guichet.sqlite'))).toBe(true);
    } finally {
      await store.close();
    }
  });
});
