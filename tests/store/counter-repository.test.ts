import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CounterRepository } from '../../bot/src/store/counter-repository';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';

describe('counters', () => {
  it('starts a new sequence at 1 and counts up', async () => {
    const store = openSqliteStore({ memory: true });
    const counters = new CounterRepository(store);
    expect([
      await counters.next('INC-2026'),
      await counters.next('INC-2026'),
      await counters.next('INC-2027'),
    ]).toEqual([1, 2, 1]);
    await store.close();
  });

  it('never hands out a number twice to two instances sharing one database file', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'guichet-counter-')), 'db.sqlite');
    const [a, b] = [openSqliteStore({ file }), openSqliteStore({ file })];
    const [ca, cb] = [new CounterRepository(a), new CounterRepository(b)];
    const values = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? ca : cb).next('INC-2026')),
    );
    expect(new Set(values).size).toBe(200);
    expect(Math.max(...values)).toBe(200);
    await a.close();
    await b.close();
  });
});
