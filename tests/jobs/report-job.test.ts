/**
 * The periodic report on real SQLite files with a fake clock: the last period ended in every zone,
 * one outbox message per period whatever the number of instances, and a wait (nothing written) while
 * the CANUT channel is unknown.
 */
import pino from 'pino';
import { ConfigError, loadConfig } from '../../bot/src/config/config';
import {
  lastEndedPeriod,
  reportOutboxId,
  ReportJob,
  type CanutChannelLookup,
} from '../../bot/src/jobs/report-job';
import type { OutboxMessage } from '../../bot/src/store/outbox-message';
import { SYSTEM_PARTITION, type Doc, type Store } from '../../bot/src/store/port';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import { checkAdaptiveCard } from '../support/adaptive-card-check';
import { removeTempFiles, tempStoreFile } from './outbox-fixtures';

const quiet = pino({ level: 'silent' });
const CANUT = { pk: SYSTEM_PARTITION, conversationId: '19:canut-pilotage@thread.tacv2' };
/** 1 October 2026, 10:30 UTC: Q3 is over everywhere, even in Tahiti (UTC−10). */
const AFTER_Q3 = new Date('2026-10-01T10:30:00Z');

function job(store: Store, now: Date, channel: CanutChannelLookup = async () => CANUT): ReportJob {
  return new ReportJob({
    store,
    logger: quiet,
    everyMonths: 3,
    canutChannel: channel,
    publicUrl: 'https://guichet.example',
    now: () => now,
  });
}

/** The URLs of a card's Action.OpenUrl buttons. */
function openUrls(content: unknown): string[] {
  return ((content as { actions: { type: string; url?: string }[] }).actions ?? [])
    .filter((a) => a.type === 'Action.OpenUrl')
    .map((a) => a.url!);
}

async function reportMessages(store: Store): Promise<OutboxMessage[]> {
  const page = await store.container<Doc>('business').query({
    crossPartition: true,
    filters: [{ field: 'type', op: 'eq', value: 'outbox' }],
    limit: 100,
  });
  return (page.items as unknown as OutboxMessage[]).filter((m) => m.id.startsWith('outbox:report:'));
}

describe('report job', () => {
  const stores: Store[] = [];
  const open = (file: string) => {
    const store = openSqliteStore({ file });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    removeTempFiles();
  });

  it('reports the last period ended in every zone of the agreement', () => {
    // 09:30 UTC on 1 October is still 30 September in Tahiti: Q3 is not over there.
    expect(lastEndedPeriod('quarter', new Date('2026-10-01T09:30:00Z')).key).toBe('2026-T2');
    expect(lastEndedPeriod('quarter', AFTER_Q3).key).toBe('2026-T3');
    expect(lastEndedPeriod('month', AFTER_Q3).key).toBe('2026-09');
    expect(lastEndedPeriod('year', AFTER_Q3).key).toBe('2025');
    expect(reportOutboxId(lastEndedPeriod('quarter', AFTER_Q3))).toBe('outbox:report:2026-T3');
  });

  it('queues the card for the CANUT channel once, then never again', async () => {
    const store = open(tempStoreFile());
    const first = job(store, AFTER_Q3);
    expect(await first.sweep()).toBe('queued');
    expect(await first.sweep()).toBe('already-done');
    // A restart a week later, still in Q4: nothing new.
    expect(await job(store, new Date('2026-10-08T10:00:00Z')).sweep()).toBe('already-done');
    const [message, ...others] = await reportMessages(store);
    expect(others).toHaveLength(0);
    expect(message).toMatchObject({ id: 'outbox:report:2026-T3', status: 'pending', target: CANUT });
    const content = message!.activity.attachments?.[0]?.content;
    const check = checkAdaptiveCard(content);
    expect(check.errors).toEqual([]);
    expect(check.texts[0]).toBe('Rapport AOO_2024_PSTM — T3 2026');
    expect(openUrls(content)).toEqual([
      'https://guichet.example/tab/#/rapports?period=2026-T3',
      'https://guichet.example/tab/#/rapports?period=2026-T3&download=xlsx',
      'https://guichet.example/tab/#/rapports?period=2026-T3&download=csv',
    ]);
  });

  it('links the card to the personal tab inside Teams when the app id is known', async () => {
    const store = open(tempStoreFile());
    const teamsAppId = '0f7f5a1e-2b3c-4d5e-8f90-1a2b3c4d5e6f';
    const inTeams = new ReportJob({
      store,
      logger: quiet,
      everyMonths: 1,
      canutChannel: async () => CANUT,
      publicUrl: 'https://guichet.example',
      teamsAppId,
      now: () => AFTER_Q3,
    });
    expect(await inTeams.sweep()).toBe('queued');
    const [message] = await reportMessages(store);
    const [page, xlsx] = openUrls(message!.activity.attachments?.[0]?.content).map((u) => new URL(u));
    expect(page!.pathname).toBe(`/l/entity/${teamsAppId}/dashboard`);
    expect(JSON.parse(page!.searchParams.get('context')!)).toEqual({
      subEntityId: 'rapports?period=2026-09',
    });
    expect(JSON.parse(xlsx!.searchParams.get('context')!)).toEqual({
      subEntityId: 'rapports?period=2026-09&download=xlsx',
    });
  });

  it('two instances sweeping the same file at once queue one message', async () => {
    const file = tempStoreFile();
    const [a, b] = [open(file), open(file)];
    const outcomes = await Promise.all([job(a, AFTER_Q3).sweep(), job(b, AFTER_Q3).sweep()]);
    expect(outcomes.filter((o) => o === 'queued')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'already-done')).toHaveLength(1);
    expect((await reportMessages(a)).map((m) => m.id)).toEqual(['outbox:report:2026-T3']);
  });

  it('waits, writing nothing, while the CANUT channel is unknown, then posts', async () => {
    const store = open(tempStoreFile());
    const known: { channel?: typeof CANUT } = {};
    const waiting = job(store, AFTER_Q3, async () => known.channel);
    expect(await waiting.sweep()).toBe('waiting-for-channel');
    expect(await reportMessages(store)).toHaveLength(0);
    known.channel = CANUT;
    expect(await waiting.sweep()).toBe('queued');
    expect(await reportMessages(store)).toHaveLength(1);
  });

  it('refuses a frequency that is not a month, a quarter or a year', () => {
    expect(
      () =>
        new ReportJob({
          store: {} as Store,
          logger: quiet,
          everyMonths: 2,
          canutChannel: async () => CANUT,
          publicUrl: '',
        }),
    ).toThrow(RangeError);
  });

  it('reads REPORT_EVERY_MONTHS: 3 by default, 0 to turn it off, a month, a quarter or a year only', () => {
    expect(loadConfig({}).reportEveryMonths).toBe(3);
    expect(loadConfig({ REPORT_EVERY_MONTHS: '0' }).reportEveryMonths).toBe(0);
    expect(loadConfig({ REPORT_EVERY_MONTHS: '12' }).reportEveryMonths).toBe(12);
    expect(() => loadConfig({ REPORT_EVERY_MONTHS: '2' })).toThrow(ConfigError);
    expect(() => loadConfig({ REPORT_EVERY_MONTHS: 'trois' })).toThrow(/REPORT_EVERY_MONTHS/);
  });
});
