/**
 * Benchmark of the SLA watch (not a test): builds two SQLite stores, one with 10,000 and one with
 * 1,000,000 open tickets, holding the same 100 due tickets (one alert each), then times one sweep on
 * each and prints both times, their ratio (target ≤ 2.0: the sweep is driven by an index, not a scan)
 * and the peak memory of each sweeping process.
 *
 *   npx tsx scripts/bench-sla-watch.ts [--small 10000] [--large 1000000] [--runs 5] [--keep]
 *
 * Tickets are built by the domain (`openTicket`, then the alerts already due at the sweep instant
 * recorded, as the watch would have), from a few thousand templates spread over every calendar zone,
 * both modalities and the four severities, received during the four hours before the sweep; each row
 * gets its own id, number and beneficiary. They are inserted directly into the `documents` table as
 * the adapter stores them, in one transaction, each with its row of the open-ticket view (which the
 * watch reads) as the store's projection writes it. Each store is swept in its own process, so that neither
 * benefits from the other's warm-up; a run restores the due tickets (untimed) and times one sweep.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { formatInstant } from '../bot/src/domain/calendar/instant';
import { ZONE_SLUGS } from '../bot/src/domain/calendar/zones';
import type { Modality, Severity } from '../bot/src/domain/sla/severity';
import { alertsDue, recordAlertsSent } from '../bot/src/domain/tickets/next-alert';
import { openTicket, type TicketBeneficiary } from '../bot/src/domain/tickets/open-ticket';
import type { Ticket } from '../bot/src/domain/tickets/ticket';
import { SlaWatch } from '../bot/src/jobs/sla-watch';
import { SYSTEM_PARTITION, type Doc } from '../bot/src/store/port';
import { applyMigrations } from '../bot/src/store/sqlite/migrations';
import { openSqliteStore } from '../bot/src/store/sqlite/sqlite-store';
import { openTicketRowWriter } from './bench-view-rows';

const ROOT = resolve(__dirname, '..');
/** The sweep instant: Tuesday 9 June 2026, 10:00 in Paris. */
const NOW = '2026-06-09T08:00:00Z';
const NOW_MS = Date.parse(NOW);
const DUE = 100;
const BENEFICIARIES = 2000;
const TEMPLATES_PER_GROUP = 150;
const SUPPORT = { pk: SYSTEM_PARTITION, conversationId: '19:support@thread.tacv2' };

/** Deterministic PRNG (mulberry32) so that every run benchmarks the same stores. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function beneficiary(b: number): TicketBeneficiary & { modality: Modality } {
  return {
    siret: `2${String(b).padStart(13, '0')}`,
    name: `Commune n° ${b}`,
    zone: ZONE_SLUGS[b % ZONE_SLUGS.length]!,
    modality: b % 4 === 0 ? 2 : 1,
    closingDays: [],
    active: true,
    conventionDate: '2024-09-02',
  };
}

/** A ticket as the service opens it, with the alerts due at `sweepAt` already recorded. */
function ticketOf(
  who: TicketBeneficiary,
  severity: Severity,
  receivedAt: string,
  id: string,
  sweepAt: string,
): Ticket {
  const { ticket } = openTicket({
    form: {
      severity,
      category: 'incident',
      domain: 'modern-workplace',
      title: 'Messagerie inaccessible pour le service état civil',
      description: 'Outlook ne se connecte plus depuis ce matin pour tous les agents du service.',
    },
    beneficiary: who,
    declaredBy: {
      kind: 'beneficiary',
      tenantId: 'b0a1c2d3-0000-4000-8000-000000000001',
      objectId: 'a1b2c3d4-0000-4000-8000-000000000005',
      name: 'Léa Dubois',
      roles: [],
      beneficiaryIds: [who.siret],
    },
    now: receivedAt,
    id,
    number: 'INC-2026-000001',
    conversationId: `a:${id}`,
  });
  return recordAlertsSent(
    ticket,
    alertsDue(ticket, sweepAt).due.map((a) => a.key),
  );
}

/** Templates per (zone, modality): severities 1–4 (5/15/50/30 %), received in the last 4 hours. */
function templates(): Map<string, Ticket[]> {
  const random = prng(20_260_609);
  const groups = new Map<string, Ticket[]>();
  for (const zone of ZONE_SLUGS) {
    for (const modality of [1, 2] as const) {
      const who = { ...beneficiary(0), zone, modality };
      const list: Ticket[] = [];
      for (let i = 0; i < TEMPLATES_PER_GROUP; i++) {
        const r = random();
        const severity: Severity = r < 0.05 ? 1 : r < 0.2 ? 2 : r < 0.7 ? 3 : 4;
        const receivedAt = formatInstant(NOW_MS - Math.floor(random() * 4 * 3600) * 1000);
        list.push(ticketOf(who, severity, receivedAt, 'tkt-template', NOW));
      }
      groups.set(`${zone}/${modality}`, list);
    }
  }
  return groups;
}

/** The due tickets: severity 1, modality 2, received 40 min ago, so their 50 % alert is due. */
function dueTickets(): Ticket[] {
  return Array.from({ length: DUE }, (_, k) => {
    const who = { ...beneficiary(k * 7), modality: 2 as const };
    return ticketOf(who, 1, formatInstant(NOW_MS - 40 * 60_000), `tkt-due-${k}`, '2026-06-09T07:20:00Z');
  });
}

/** Creates a store file with `count` open tickets plus the due ones, as the adapter stores them. */
function build(file: string, count: number, groups: Map<string, Ticket[]>, due: Ticket[]): number {
  const db = new Database(file);
  // Bulk load: no journal and no fsync; the sweeping process reopens it as the service does (WAL).
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  applyMigrations(db);
  const insert = db.prepare(
    "INSERT INTO documents (container, pk, id, body, etag, ts) VALUES ('business', ?, ?, ?, ?, ?)",
  );
  const viewRow = openTicketRowWriter(db, NOW);
  const row = (doc: Doc) => {
    insert.run(doc.pk, doc.id, JSON.stringify(doc), randomUUID(), NOW);
    viewRow(doc);
  };
  let scheduled = 0;
  db.transaction(() => {
    const perBeneficiary = Math.ceil(count / BENEFICIARIES);
    for (let i = 0; i < count; i++) {
      const b = Math.floor(i / perBeneficiary);
      const who = beneficiary(b);
      const template = groups.get(`${who.zone}/${who.modality}`)![i % TEMPLATES_PER_GROUP]!;
      const number = `INC-${2025 + Math.floor(i / 900_000)}-${String((i % 900_000) + 1).padStart(6, '0')}`;
      const id = `tkt-${who.siret}-${i}`;
      if (template.nextAlertAt !== null) scheduled++;
      row({
        ...template,
        id,
        number,
        beneficiaryId: who.siret,
        beneficiaryName: who.name,
        originConversationId: `a:${id}`,
        pk: who.siret,
        type: 'ticket',
      });
    }
    for (const t of due) row({ ...t, pk: t.beneficiaryId, type: 'ticket' });
  })();
  db.close();
  return scheduled;
}

interface SweepTiming {
  ms: number[];
  maxRssMiB: number;
}

/** Child side: `runs` times, restore the due tickets (untimed) and time one sweep. */
async function sweepRuns(file: string, runs: number): Promise<SweepTiming> {
  const store = openSqliteStore({ file });
  const business = store.container<Doc>('business');
  const due = dueTickets();
  const watch = new SlaWatch({
    store,
    logger: pino({ level: 'silent' }),
    supportChannel: async () => SUPPORT,
  });
  const ms: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const t of due) {
      await business.upsert({ ...t, pk: t.beneficiaryId, type: 'ticket' });
      await business.delete(t.beneficiaryId, `outbox:${t.id}:alert:firstResponse:50`);
    }
    const started = process.hrtime.bigint();
    const result = await watch.sweep(new Date(NOW));
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.alerted !== DUE || result.messages !== DUE || result.read !== DUE) {
      throw new Error(`unexpected sweep: ${JSON.stringify(result)}`);
    }
  }
  await store.close();
  return { ms, maxRssMiB: peakRssMiB() };
}

/**
 * This process's own peak RSS. On Linux, `getrusage` (`process.resourceUsage().maxRSS`) keeps the
 * high-water mark across fork and exec, so a child would report its parent's peak (the builder's);
 * `VmHWM` belongs to the current address space only.
 */
function peakRssMiB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // Not Linux: fall back to getrusage.
  }
  return process.resourceUsage().maxRSS / 1024;
}

function sweepInChild(file: string, runs: number): SweepTiming {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench-sla-watch.ts', '--sweep', file, '--runs', String(runs)],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out) as SweepTiming;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write(
      'npx tsx scripts/bench-sla-watch.ts [--small 10000] [--large 1000000] [--runs 5] [--keep]\n',
    );
    return;
  }
  const sweepFile = process.argv.indexOf('--sweep');
  if (sweepFile >= 0) {
    process.stdout.write(JSON.stringify(await sweepRuns(process.argv[sweepFile + 1]!, option('runs', 5))));
    return;
  }
  const sizes = [option('small', 10_000), option('large', 1_000_000)];
  const runs = option('runs', 5);
  const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-sla-'));
  try {
    const groups = templates();
    const due = dueTickets();
    const timings: SweepTiming[] = [];
    for (const size of sizes) {
      const file = join(dir, `tickets-${size}.sqlite`);
      const started = Date.now();
      const scheduled = build(file, size, groups, due);
      const mib = statSync(file).size / 2 ** 20;
      process.stdout.write(
        `built ${size.toLocaleString('en')} open tickets + ${DUE} due in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
          `(${mib.toFixed(0)} MiB; ${scheduled.toLocaleString('en')} with an alert scheduled later)\n`,
      );
      timings.push(sweepInChild(file, runs));
    }
    sizes.forEach((size, i) => {
      const t = timings[i]!;
      process.stdout.write(
        `sweep with ${size.toLocaleString('en').padStart(9)} open tickets: median ${median(t.ms).toFixed(1)} ms ` +
          `(runs: ${t.ms.map((x) => x.toFixed(1)).join(', ')}), peak RSS ${t.maxRssMiB.toFixed(0)} MiB\n`,
      );
    });
    const ratio = median(timings[1]!.ms) / median(timings[0]!.ms);
    process.stdout.write(
      `ratio large/small: ${ratio.toFixed(2)} (target ≤ 2.0) ${ratio <= 2 ? 'OK' : 'ABOVE TARGET'}\n` +
        `peak RSS of the builder: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`,
    );
    if (ratio > 2) process.exitCode = 1;
  } finally {
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

void main();
