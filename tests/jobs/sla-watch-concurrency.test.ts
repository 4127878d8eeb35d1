/**
 * The SLA watch under contention and at scale, on real SQLite files: two instances sweeping the same
 * store at once (two connections in this process, then two processes) send each alert once; and a
 * sweep reads only the due tickets' rows of the open-ticket view, through its
 * `views_open_tickets_sla_due` index.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pino from 'pino';
import type { Ticket } from '../../bot/src/domain/tickets/ticket';
import { SlaWatch, type SlaSweepResult } from '../../bot/src/jobs/sla-watch';
import type { OutboxMessage } from '../../bot/src/store/outbox-message';
import { SYSTEM_PARTITION, type Container, type Doc, type Store } from '../../bot/src/store/port';
import { encodeCursor, planQuery } from '../../bot/src/store/sqlite/sqlite-query';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import type { TicketDoc } from '../../bot/src/store/ticket-repository';
import { dueTicketRowsQuery } from '../../bot/src/store/views/open-ticket-view';
import { removeTempFiles, tempStoreFile } from './outbox-fixtures';
import { allOfType, byParity, spreadTickets, TicketRace, writeTickets } from './sla-watch-fixtures';

const SUPPORT = { pk: SYSTEM_PARTITION, conversationId: '19:support@thread.tacv2' };
const quiet = pino({ level: 'silent' });
const ROOT = resolve(__dirname, '../..');
/** Monday 8 June 2026, 10:00 in Paris: severity 1 tickets opened then are due at 10:30, 10:48, 11:00. */
const OPENED = '2026-06-08T08:00:00Z';
const AFTER_80 = new Date('2026-06-08T08:50:00Z');
const AFTER_BREACH = new Date('2026-06-08T09:00:00Z');

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

  it('sends each alert of 100 due tickets once when both read every ticket before either claims it', async () => {
    const file = tempStoreFile();
    const list = spreadTickets(100, { prefix: 'tkt', now: OPENED });
    await writeTickets(open(file), list);
    const race = new TicketRace(byParity);
    const [a, b] = [0, 1].map(
      (n) =>
        new SlaWatch({
          store: race.store(open(file), n),
          logger: quiet,
          supportChannel: async () => SUPPORT,
          batchSize: 10,
        }),
    );
    const both = (at: Date) =>
      Promise.all([race.run(0, () => a!.sweep(at)), race.run(1, () => b!.sweep(at))]);

    const first = await both(AFTER_80);
    const again = await both(AFTER_80);

    // Each instance read every due ticket, won the 50 it claimed first and lost the other 50: its
    // batch, on the ETag it had read, failed whole and queued nothing.
    for (const result of first)
      expect(result).toMatchObject({ read: 100, alerted: 50, messages: 100, lost: 50, failed: 0 });
    expect(sum(again, 'read')).toBe(0);
    await expectExactlyOnce(stores[0]!, list, ['firstResponse:50', 'firstResponse:80']);

    const breach = await both(AFTER_BREACH);

    for (const result of breach) expect(result).toMatchObject({ alerted: 50, messages: 50, lost: 50 });
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

  it('returns 3 rows out of 1,003 open tickets when 3 are due, through the view’s index', async () => {
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
    // A range over the due instants: the sort that follows orders the due rows only.
    expect(queryPlan(file)).toEqual([
      'SEARCH view_documents USING INDEX views_open_tickets_sla_due (container=? AND pk=? AND <expr><?)',
      'USE TEMP B-TREE FOR ORDER BY',
    ]);
  });
});

/** SQLite's plan for the due query as the store builds it, first page and a later one. */
function queryPlan(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const first = planQuery('views', dueTicketRowsQuery(AFTER_80, 100));
    const token = encodeCursor(first.fingerprint, [5, '2026-06-08T08:30:00Z', '21690012300001:due-1']);
    const later = planQuery('views', dueTicketRowsQuery(AFTER_80, 100, token));
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
