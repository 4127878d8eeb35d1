/**
 * The SLA watch on a real SQLite file: when each alert goes out (thresholds, business hours), that it
 * goes out once however often the watch sweeps or restarts, what it does when it cannot send, and
 * that it finds its work in the open-ticket view alone, setting right the rows left behind their
 * tickets. Time is passed to each sweep; nothing here waits for the clock.
 */
import pino from 'pino';
import type { Beneficiary } from '../../bot/src/domain/beneficiaries/beneficiary';
import type { Ticket } from '../../bot/src/domain/tickets/ticket';
import { SlaWatch, type SlaWatchOptions } from '../../bot/src/jobs/sla-watch';
import { TicketService } from '../../bot/src/services/ticket-service';
import type { OutboxMessage } from '../../bot/src/store/outbox-message';
import { SYSTEM_PARTITION, type Doc, type Store, type Stored } from '../../bot/src/store/port';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import { TicketRepository, type TicketDoc } from '../../bot/src/store/ticket-repository';
import { OPEN_TICKETS_VIEW } from '../../bot/src/store/views/view-projections';
import { viewRowId, type ViewRow } from '../../bot/src/store/views/view-row';
import {
  aBeneficiary,
  aTicket,
  anAgent,
  anEngineer,
  anIncidentForm,
  BENEFICIARY_TENANT,
  PARIS_SIRET,
} from '../domain/tickets/factories';
import { recordingStore, type RecordedQuery, type RecordedRead } from '../support/recording-store';
import { removeTempFiles, tempStoreFile } from './outbox-fixtures';

const SUPPORT = { pk: SYSTEM_PARTITION, conversationId: '19:support@thread.tacv2' };
const quiet = pino({ level: 'silent' });
const at = (iso: string) => new Date(iso);

/** Monday 8 June 2026 at 10:00 in Paris (CEST). */
const MONDAY_10H_PARIS = '2026-06-08T08:00:00Z';

function watch(store: Store, options: Partial<SlaWatchOptions> = {}): SlaWatch {
  return new SlaWatch({ store, logger: quiet, supportChannel: async () => SUPPORT, ...options });
}

/** Every alert message in the store, by id. */
async function alertMessages(store: Store): Promise<Map<string, Stored<OutboxMessage>>> {
  const out = new Map<string, Stored<OutboxMessage>>();
  let continuationToken: string | undefined;
  do {
    const page = await store.container<OutboxMessage>('business').query({
      crossPartition: true,
      filters: [{ field: 'type', op: 'eq', value: 'outbox' }],
      limit: 1000,
      continuationToken,
    });
    for (const m of page.items) if (m.id.includes(':alert:')) out.set(m.id, m);
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return out;
}

/** Writes tickets as the ticket service stores them. */
async function writeTickets(store: Store, tickets: Ticket[]): Promise<void> {
  const business = store.container<Doc>('business');
  for (const t of tickets) await business.create({ ...t, pk: t.beneficiaryId, type: 'ticket' });
}

const stored = (store: Store, t: Ticket) => new TicketRepository(store).get(t.beneficiaryId, t.id);

/** The open-ticket view's row of `t`, as stored (a tombstone once the ticket left the view). */
const rowOf = (store: Store, t: Ticket) =>
  store.container<ViewRow>('views').read(OPEN_TICKETS_VIEW, viewRowId(t.beneficiaryId, t.id));

/** Puts `row` back as it was: a row left behind its ticket, as a crash before its refresh leaves it. */
async function putBack(store: Store, row: Stored<ViewRow>): Promise<void> {
  const { _etag, _ts, ...fields } = row;
  await store.container<ViewRow>('views').upsert(fields as ViewRow);
}

/** Sweeps at each instant and returns the alert ids that appeared at each. */
async function sweepAt(store: Store, w: SlaWatch, instants: string[]): Promise<Record<string, string[]>> {
  const seen = new Set((await alertMessages(store)).keys());
  const timeline: Record<string, string[]> = {};
  for (const instant of instants) {
    await w.sweep(at(instant));
    const fresh = [...(await alertMessages(store)).keys()].filter((id) => !seen.has(id));
    fresh.forEach((id) => seen.add(id));
    if (fresh.length > 0) timeline[instant] = [...(timeline[instant] ?? []), ...fresh.sort()];
  }
  return timeline;
}

describe('SlaWatch', () => {
  const stores: Store[] = [];
  const openStore = (file: string) => {
    const store = openSqliteStore({ file });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });
  afterAll(() => removeTempFiles());

  describe('a severity 1, modality 1 ticket opened Monday 10:00 in Paris', () => {
    let store: Store;
    let clock: Date;
    let service: TicketService;
    const beneficiary = {
      ...aBeneficiary(),
      kind: 'commune',
      tenantIds: [BENEFICIARY_TENANT],
    } as Beneficiary;

    beforeEach(async () => {
      store = openStore(tempStoreFile());
      clock = at(MONDAY_10H_PARIS);
      service = new TicketService(store, {
        supportChannel: async () => SUPPORT,
        render: (_t, n) => ({ text: n.text }),
        now: () => clock,
      });
      await service.declare({
        form: anIncidentForm({ severity: 1 }),
        beneficiary,
        actor: anAgent(),
        formId: 'form-1',
        conversationId: 'a:conversation-lea',
      });
    });

    it('gets its 50 % alert at 10:30, 80 % at 10:48, breach at 11:00, each once however often swept', async () => {
      const w = watch(store);
      const timeline = await sweepAt(store, w, [
        '2026-06-08T08:00:00Z',
        '2026-06-08T08:29:59Z',
        '2026-06-08T08:30:00Z',
        '2026-06-08T08:30:00Z',
        '2026-06-08T08:30:00.999Z',
        '2026-06-08T08:31:00Z',
        '2026-06-08T08:47:59.999Z',
        '2026-06-08T08:48:00Z',
        '2026-06-08T08:48:00Z',
        '2026-06-08T08:59:59Z',
        '2026-06-08T09:00:00Z',
        '2026-06-08T09:00:00Z',
        '2026-06-08T12:00:00Z',
        '2026-06-09T08:00:00Z',
      ]);

      expect(timeline).toEqual({
        '2026-06-08T08:30:00Z': ['outbox:tkt-form-1:alert:firstResponse:50'],
        '2026-06-08T08:48:00Z': ['outbox:tkt-form-1:alert:firstResponse:80'],
        '2026-06-08T09:00:00Z': ['outbox:tkt-form-1:alert:firstResponse:100'],
      });
      const messages = await alertMessages(store);
      const breach = messages.get('outbox:tkt-form-1:alert:firstResponse:100')!;
      expect(breach).toMatchObject({
        pk: PARIS_SIRET,
        type: 'outbox',
        status: 'pending',
        target: SUPPORT,
        nextAttemptAt: '2026-06-08T09:00:00.000Z',
      });
      expect(breach.activity.text).toMatch(/^Délai de première réponse dépassé — INC-2026-000001/);
      expect(messages.get('outbox:tkt-form-1:alert:firstResponse:80')!.activity.text).toContain(
        '80 % du délai de première réponse écoulé',
      );
      const ticket = (await new TicketRepository(store).get(PARIS_SIRET, 'tkt-form-1'))!;
      expect(ticket.alertsSent).toEqual(['firstResponse:50', 'firstResponse:80', 'firstResponse:100']);
      expect(ticket.nextAlertAt).toBeNull();
      // The ticket's history is not the watch's: no audit event, no new sequence number.
      expect(ticket.seq).toBe(1);
    });

    it('sends nothing more once the ticket is taken', async () => {
      const w = watch(store);
      await w.sweep(at('2026-06-08T08:30:00Z'));
      clock = at('2026-06-08T08:35:00Z');
      await service.act({
        beneficiaryId: PARIS_SIRET,
        ticketId: 'tkt-form-1',
        action: { type: 'take' },
        actor: anEngineer(),
      });

      const timeline = await sweepAt(store, w, [
        '2026-06-08T08:48:00Z',
        '2026-06-08T09:00:00Z',
        '2026-06-08T15:00:00Z',
      ]);

      expect(timeline).toEqual({});
      expect([...(await alertMessages(store)).keys()]).toEqual(['outbox:tkt-form-1:alert:firstResponse:50']);
      expect((await new TicketRepository(store).get(PARIS_SIRET, 'tkt-form-1'))!.nextAlertAt).toBeNull();
    });

    it('sends nothing twice after a restart on the same file', async () => {
      const file = (store as Store & { file: string }).file;
      await watch(store).sweep(at('2026-06-08T08:30:00Z'));
      await store.close();

      const reopened = openStore(file);
      const timeline = await sweepAt(reopened, watch(reopened), [
        '2026-06-08T08:30:00Z',
        '2026-06-08T08:40:00Z',
        '2026-06-08T08:48:00Z',
        '2026-06-08T08:50:00Z',
      ]);

      expect(timeline).toEqual({ '2026-06-08T08:48:00Z': ['outbox:tkt-form-1:alert:firstResponse:80'] });
      expect((await alertMessages(reopened)).size).toBe(2);
    });
  });

  describe('business hours', () => {
    let store: Store;
    beforeEach(() => {
      store = openStore(tempStoreFile());
    });

    it('keeps modality 1 alerts within business hours: the night waits for the next window', async () => {
      // Monday 17:50 in Paris: ten business minutes that day, the rest from Tuesday 08:00.
      const ticket = aTicket({
        id: 'tkt-late',
        form: anIncidentForm({ severity: 1 }),
        now: '2026-06-08T15:50:00Z',
      });
      await writeTickets(store, [ticket]);

      const timeline = await sweepAt(store, watch(store), [
        '2026-06-08T16:00:00Z',
        '2026-06-08T18:00:00Z',
        '2026-06-08T22:00:00Z',
        '2026-06-09T06:00:00Z',
        '2026-06-09T06:19:59Z',
        '2026-06-09T06:20:00Z',
        '2026-06-09T06:38:00Z',
        '2026-06-09T06:50:00Z',
      ]);

      // Tuesday 08:20, 08:38 and 08:50 in Paris.
      expect(timeline).toEqual({
        '2026-06-09T06:20:00Z': ['outbox:tkt-late:alert:firstResponse:50'],
        '2026-06-09T06:38:00Z': ['outbox:tkt-late:alert:firstResponse:80'],
        '2026-06-09T06:50:00Z': ['outbox:tkt-late:alert:firstResponse:100'],
      });
    });

    it('alerts at night for severities 1 and 2 under modality 2, not for severity 3', async () => {
      // Friday 12 June 2026, 18:00 in Paris: the window has just closed.
      const friday18h = '2026-06-12T16:00:00Z';
      const modality2 = aBeneficiary({ modality: 2 });
      const urgent = aTicket({
        id: 'tkt-sev2',
        form: anIncidentForm({ severity: 2 }),
        beneficiary: modality2,
        now: friday18h,
      });
      const moderate = aTicket({
        id: 'tkt-sev3',
        number: 'INC-2026-000002',
        form: anIncidentForm({ severity: 3 }),
        beneficiary: modality2,
        now: friday18h,
      });
      await writeTickets(store, [urgent, moderate]);

      const timeline = await sweepAt(store, watch(store), [
        '2026-06-12T16:30:00Z',
        '2026-06-12T16:48:00Z',
        '2026-06-12T17:00:00Z',
        '2026-06-13T12:00:00Z',
        '2026-06-15T09:59:59Z',
        '2026-06-15T10:00:00Z',
      ]);

      expect(timeline).toEqual({
        '2026-06-12T16:30:00Z': ['outbox:tkt-sev2:alert:firstResponse:50'],
        '2026-06-12T16:48:00Z': ['outbox:tkt-sev2:alert:firstResponse:80'],
        '2026-06-12T17:00:00Z': ['outbox:tkt-sev2:alert:firstResponse:100'],
        // Four business hours from Monday 08:00: Monday 12:00 in Paris.
        '2026-06-15T10:00:00Z': ['outbox:tkt-sev3:alert:firstResponse:50'],
      });
    });
  });

  describe('when it cannot send', () => {
    let store: Store;
    beforeEach(() => {
      store = openStore(tempStoreFile());
    });

    it('keeps alerts due while no support channel is known, warns once per sweep, sends them later', async () => {
      const tickets = [1, 2].map((n) =>
        aTicket({
          id: `tkt-${n}`,
          number: `INC-2026-00000${n}`,
          form: anIncidentForm({ severity: 1 }),
          now: MONDAY_10H_PARIS,
        }),
      );
      await writeTickets(store, tickets);
      const logs: { level: number; msg: string; waiting?: number }[] = [];
      const logger = pino({ level: 'warn' }, { write: (line: string) => logs.push(JSON.parse(line)) });
      const installed: { channel?: typeof SUPPORT } = {};
      const w = watch(store, { logger, supportChannel: async () => installed.channel });

      const blind = await w.sweep(at('2026-06-08T08:50:00Z'));

      expect(blind).toMatchObject({ read: 2, waiting: 2, alerted: 0, messages: 0 });
      expect(logs.filter((l) => l.level === 40)).toEqual([
        expect.objectContaining({ waiting: 2, msg: expect.stringContaining('no support channel') }),
      ]);
      expect((await alertMessages(store)).size).toBe(0);
      expect((await stored(store, tickets[0]!))!.alertsSent).toEqual([]);

      installed.channel = SUPPORT;
      const seeing = await w.sweep(at('2026-06-08T08:51:00Z'));

      expect(seeing).toMatchObject({ read: 2, waiting: 0, alerted: 2, messages: 4 });
      expect((await stored(store, tickets[1]!))!.alertsSent).toEqual([
        'firstResponse:50',
        'firstResponse:80',
      ]);
    });

    it('corrects a stale nextAlertAt without sending anything', async () => {
      const ticket = aTicket({
        id: 'tkt-stale',
        form: anIncidentForm({ severity: 1 }),
        now: MONDAY_10H_PARIS,
      });
      const keys = ['firstResponse:50', 'firstResponse:80', 'firstResponse:100'];
      await writeTickets(store, [{ ...ticket, alertsSent: keys }]);
      const w = watch(store);

      expect(await w.sweep(at('2026-06-08T09:00:00Z'))).toMatchObject({
        read: 1,
        rescheduled: 1,
        messages: 0,
      });
      expect((await stored(store, ticket))!.nextAlertAt).toBeNull();
      expect(await w.sweep(at('2026-06-08T09:00:00Z'))).toMatchObject({ read: 0 });
    });

    it('never throws: a broken ticket is counted and skipped, a closed store fails the sweep quietly', async () => {
      const good = aTicket({ id: 'tkt-good', form: anIncidentForm({ severity: 1 }), now: MONDAY_10H_PARIS });
      // An instant without its zone: the engine refuses it rather than guess.
      const broken = { ...good, id: 'tkt-broken', nextAlertAt: '2026-06-08T08:10:00' };
      await writeTickets(store, [good, broken]);
      const w = watch(store);

      expect(await w.sweep(at('2026-06-08T08:30:00Z'))).toMatchObject({ read: 2, failed: 1, alerted: 1 });

      await store.close();
      await expect(w.sweep(at('2026-06-08T08:48:00Z'))).resolves.toMatchObject({ read: 0, alerted: 0 });
    });
  });

  describe('through the open-ticket view', () => {
    let store: Store;
    beforeEach(() => {
      store = openStore(tempStoreFile());
    });
    /** Severity 1 ticket `n`, opened Monday 10:00 in Paris, in a partition of its own. */
    const dueAt = (n: number) => {
      const siret = `2169001230000${n}`;
      return aTicket({
        id: `tkt-${n}`,
        number: `INC-2026-00000${n}`,
        form: anIncidentForm({ severity: 1 }),
        beneficiary: aBeneficiary({ siret }),
        declaredBy: anAgent({ beneficiaryIds: [siret] }),
        now: MONDAY_10H_PARIS,
      });
    };

    it('queries the view’s partition only, then reads each due ticket in its own partition', async () => {
      const tickets = [1, 2, 3].map(dueAt);
      await writeTickets(store, tickets);
      const queries: RecordedQuery[] = [];
      const reads: RecordedRead[] = [];

      const result = await watch(recordingStore(store, queries, reads), { batchSize: 2 }).sweep(
        at('2026-06-08T08:30:00Z'),
      );

      expect(result).toMatchObject({ read: 3, alerted: 3, messages: 3 });
      expect(queries.length).toBeGreaterThanOrEqual(2);
      for (const { container, pk, crossPartition } of queries) {
        expect([container, pk, crossPartition]).toEqual(['views', OPEN_TICKETS_VIEW, undefined]);
      }
      const ticketReads = reads.filter((r) => r.container === 'business').map((r) => [r.pk, r.id]);
      expect(ticketReads.sort()).toEqual(tickets.map((t) => [t.beneficiaryId, t.id]).sort());
    });

    it('sets right a row left behind its ticket (resolved, gone, alerted), which then stops coming back', async () => {
      const [resolved, gone, alerted, due] = [1, 2, 3, 4].map(dueAt) as [Ticket, Ticket, Ticket, Ticket];
      await writeTickets(store, [resolved, gone, alerted, due]);
      const business = store.container<TicketDoc>('business');
      const stale = await Promise.all([resolved, gone, alerted].map((t) => rowOf(store, t)));
      // Each ticket moves on through the store, then its row is put back as it was before.
      const ticketOf = async (t: Ticket) => (await stored(store, t))!;
      await business.replace({ ...(await ticketOf(resolved)), status: 'resolved' });
      await business.delete(gone.beneficiaryId, gone.id);
      await watch(store).sweep(at('2026-06-08T08:30:00Z'));
      const alertedRow = await rowOf(store, alerted);
      await Promise.all(stale.map((row) => putBack(store, row!)));
      expect((await rowOf(store, alerted))!.nextAlertAt).toBe('2026-06-08T08:30:00Z');
      const before = await alertMessages(store);

      const sweep = await watch(store).sweep(at('2026-06-08T08:31:00Z'));

      expect(sweep).toMatchObject({ read: 3, refreshed: 3, alerted: 0, messages: 0, failed: 0 });
      expect(await alertMessages(store)).toEqual(before);
      expect(await rowOf(store, resolved)).toMatchObject({ removedAt: expect.any(String) });
      expect(await rowOf(store, gone)).toMatchObject({ removedAt: expect.any(String) });
      expect(await rowOf(store, alerted)).toMatchObject({ nextAlertAt: alertedRow!.nextAlertAt });
      expect((await rowOf(store, due))!.nextAlertAt).toBe('2026-06-08T08:48:00Z');
      expect(await watch(store).sweep(at('2026-06-08T08:31:00Z'))).toMatchObject({ read: 0 });
    });
  });

  it('runs periodically through start(), wakes the outbox after queueing, stops cleanly', async () => {
    const store = openStore(tempStoreFile());
    const ticket = aTicket({ id: 'tkt-run', form: anIncidentForm({ severity: 1 }), now: MONDAY_10H_PARIS });
    await writeTickets(store, [ticket]);
    let wakes = 0;
    const w = watch(store, {
      now: () => at('2026-06-08T08:31:00Z'),
      wake: () => wakes++,
      intervalMs: 60_000,
    });

    w.start();
    const deadline = Date.now() + 3000;
    while (wakes === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await w.stop();

    expect(wakes).toBe(1);
    expect([...(await alertMessages(store)).keys()]).toEqual(['outbox:tkt-run:alert:firstResponse:50']);
  });
});
