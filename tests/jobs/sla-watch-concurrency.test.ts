/**
 * The SLA watch under contention and at scale, on real SQLite files: two instances sweeping the same
 * store at once (two connections in this process, then two processes) send each alert once; and a
 * sweep reads only the due tickets, through the `documents_sla_due` index.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pino from 'pino';
import type { Ticket } from '../../bot/src/domain/tickets/ticket';
import { dueTicketsQuery, SlaWatch, type SlaSweepResult } from '../../bot/src/jobs/sla-watch';
import type { OutboxMessage } from '../../bot/src/store/outbox-message';
import { SYSTEM_PARTITION, type Container, type Doc, type Store } from '../../bot/src/store/port';
import { encodeCursor, planQuery } from '../../bot/src/store/sqlite/sqlite-query';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import type { TicketDoc } from '../../bot/src/store/ticket-repository';
import { removeTempFiles, tempStoreFile } from './outbox-fixtures';
import { allOfType, spreadTickets, writeTickets } from './sla-watch-fixtures';

const SUPPORT = { pk: SYSTEM_PARTITION, conversationId: '19:support@thread.tacv2' };
const quiet = pino({ level: 'silent' });
const ROOT = resolve(__dirname, '../..');
/** Monday 8 June 2026, 10:00 in Paris: severity 1 tickets opened then are due at 10:30, 10:48, 11:00. */
const OPENED = '2026-06-08T08:00:00Z';
const AFTER_80 = new Date('2026-06-08T08:50:00Z');
const AFTER_BREACH = new Date('2026-06-08T09:00:00Z');

/** `count` severity 1 tickets opened at `now`, spread over ten beneficiaries. */
/**
 * The store with a short random pause before each query and batch of `business`, so that two
 * instances in one process interleave their reads and writes instead of taking turns.
 */
function jittery(store: Store, seed: number): Store {
  let state = seed;
  const pause = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return new Promise((r) => setTimeout(r, state % 3));
  };
  const wrap = (c: Container<Doc>): Container<Doc> =>
    new Proxy(c, {
      get(target, prop) {
        if (prop === 'query' || prop === 'batch') {
          return async (...args: unknown[]) => {
            await pause();
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return {
    kind: store.kind,
    ping: () => store.ping(),
    close: () => store.close(),
    container: <T extends Doc>(name: Parameters<Store['container']>[0]) =>
      (name === 'business' ? wrap(store.container(name)) : store.container(name)) as unknown as Container<T>,
  };
}

/** What the store must hold: each alert's message once, each ticket's `alertsSent` exactly `keys`. */
async function expectExactlyOnce(store: Store, list: Ticket[], keys: string[]): Promise<void> {
  const messages = (await allOfType<OutboxMessage>(store, 'outbox')).map((m) => m.id).sort();
  const expected = list.flatMap((t) => keys.map((k) => `outbox:${t.id}:alert:${k}`)).sort();
  expect(messages).toEqual(expected);
  const stored = await allOfType<TicketDoc>(store, 'ticket');
  expect(stored).toHaveLength(list.length);
  for (const t of stored) expect(t.alertsSent).toEqual(keys);
}

const sum = (results: SlaSweepResult[], field: keyof SlaSweepResult) =>
  results.reduce((n, r) => n + r[field], 0);

describe('SlaWatch with two instances on one store', () => {
  const stores: Store[] = [];
  const open = (file: string) => {
    const store = openSqliteStore({ file });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });
  afterAll(() => removeTempFiles());

  it('sends each alert of 100 due tickets once when both sweep at the same time (one process)', async () => {
    const file = tempStoreFile();
    const list = spreadTickets(100, { prefix: 'tkt', now: OPENED });
    await writeTickets(open(file), list);
    const [a, b] = [1, 2].map(
      (seed) =>
        new SlaWatch({
          store: jittery(open(file), seed),
          logger: quiet,
          supportChannel: async () => SUPPORT,
          batchSize: 10,
        }),
    );

    const first = await Promise.all([a!.sweep(AFTER_80), b!.sweep(AFTER_80)]);
    const again = await Promise.all([a!.sweep(AFTER_80), b!.sweep(AFTER_80)]);

    expect(sum(first, 'alerted')).toBe(100);
    expect(sum(first, 'messages')).toBe(200);
    expect(sum(first, 'failed')).toBe(0);
    // Both took part: each won some tickets, and lost the race for others.
    expect(first.every((r) => r.alerted > 0)).toBe(true);
    expect(sum(first, 'lost')).toBeGreaterThan(0);
    expect(sum(again, 'read')).toBe(0);
    await expectExactlyOnce(stores[0]!, list, ['firstResponse:50', 'firstResponse:80']);

    const breach = await Promise.all([a!.sweep(AFTER_BREACH), b!.sweep(AFTER_BREACH)]);

    expect(sum(breach, 'messages')).toBe(100);
    await expectExactlyOnce(stores[0]!, list, ['firstResponse:50', 'firstResponse:80', 'firstResponse:100']);
  });

  it('sends each alert once when two processes sweep the same file at the same time', async () => {
    const file = tempStoreFile();
    const list = spreadTickets(100, { prefix: 'tkt', now: OPENED });
    await writeTickets(open(file), list);
    // Both children wait for the same instant, so that their sweeps overlap.
    const startAt = Date.now() + 1500;

    const results = await Promise.all([1, 2].map(() => sweepInChild(file, AFTER_80, startAt)));

    expect(sum(results, 'alerted')).toBe(100);
    expect(sum(results, 'messages')).toBe(200);
    expect(sum(results, 'failed')).toBe(0);
    // The sweeps overlapped: run one after the other, the second would have read nothing.
    expect(sum(results, 'read')).toBeGreaterThan(100);
    await expectExactlyOnce(stores[0]!, list, ['firstResponse:50', 'firstResponse:80']);
  });
});

const CHILD = `
const { openSqliteStore } = require('./bot/src/store/sqlite/sqlite-store.ts');
const { SlaWatch } = require('./bot/src/jobs/sla-watch.ts');
const pino = require('pino');
(async () => {
  const store = openSqliteStore({ file: process.env.SLA_FILE });
  const watch = new SlaWatch({
    store,
    logger: pino({ level: 'silent' }),
    supportChannel: async () => JSON.parse(process.env.SLA_CHANNEL),
    batchSize: 10,
  });
  while (Date.now() < Number(process.env.SLA_START_AT)) await new Promise((r) => setTimeout(r, 1));
  const result = await watch.sweep(new Date(process.env.SLA_NOW));
  await store.close();
  process.stdout.write(JSON.stringify(result));
})();
`;

/** One sweep in a separate Node process (its own SQLite connection, its own locks). */
async function sweepInChild(file: string, now: Date, startAt: number): Promise<SlaSweepResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', CHILD], {
    cwd: ROOT,
    env: {
      ...process.env,
      SLA_FILE: file,
      SLA_NOW: now.toISOString(),
      SLA_START_AT: String(startAt),
      SLA_CHANNEL: JSON.stringify(SUPPORT),
    },
  });
  return JSON.parse(stdout) as SlaSweepResult;
}

describe('SlaWatch reads only due tickets', () => {
  afterAll(() => removeTempFiles());

  it('returns 3 rows out of 1,003 open tickets when 3 are due, through the index', async () => {
    const file = tempStoreFile();
    const store = openSqliteStore({ file });
    try {
      const notDue = spreadTickets(1000, { prefix: 'later', now: '2026-06-08T08:40:00Z', severity: 3 });
      const due = spreadTickets(3, { prefix: 'due', now: OPENED });
      await writeTickets(store, [...notDue, ...due]);
      let returned = 0;
      const counting: Store = {
        ...store,
        kind: store.kind,
        ping: () => store.ping(),
        close: () => store.close(),
        container: <T extends Doc>(name: Parameters<Store['container']>[0]) => {
          const c = store.container<T>(name);
          return new Proxy(c, {
            get: (target, prop) =>
              prop === 'query'
                ? async (...args: Parameters<Container<T>['query']>) => {
                    const page = await target.query(...args);
                    returned += page.items.length;
                    return page;
                  }
                : (Reflect.get(target, prop) as () => unknown).bind(target),
          });
        },
      };

      const result = await new SlaWatch({
        store: counting,
        logger: quiet,
        supportChannel: async () => SUPPORT,
      }).sweep(AFTER_80);

      expect(returned).toBe(3);
      expect(result).toMatchObject({ read: 3, alerted: 3, messages: 6 });
    } finally {
      await store.close();
    }
    expect(queryPlan(file)).toEqual([
      'SEARCH documents USING INDEX documents_sla_due (container=? AND <expr>=? AND <expr><?)',
      'USE TEMP B-TREE FOR ORDER BY',
    ]);
  });
});

/** SQLite's plan for the due query as the store builds it, first page and a later one. */
function queryPlan(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const first = planQuery('business', dueTicketsQuery(AFTER_80, 100));
    const token = encodeCursor(first.fingerprint, [5, '2026-06-08T08:30:00Z', 'due-1']);
    const later = planQuery('business', dueTicketsQuery(AFTER_80, 100, token));
    const plans = [first, later].map((plan) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${plan.sql}`).all(...plan.params) as { detail: string }[]).map(
        (row) => row.detail,
      ),
    );
    // A later page must be planned the same way, not fall back to a scan.
    expect(plans[1]).toEqual(plans[0]);
    return plans[0]!;
  } finally {
    db.close();
  }
}
