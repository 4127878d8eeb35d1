/**
 * The periodic report (DESIGN.md, "Reporting to the CANUT"; issue 7): every `REPORT_EVERY_MONTHS`
 * months (1: each month, 3: each quarter, 12: each year), once a period has ended in every zone of
 * the agreement, its report card is posted in the CANUT's channel through the outbox, exactly once.
 *
 * - Exactly once: the outbox message of a period has a deterministic id (`outbox:report:2026-T3`).
 *   Creating it IS the claim: a second instance, or a restart, gets a conflict and sends nothing.
 * - No CANUT channel known (the bot not installed there yet): nothing is written, a warning is
 *   logged, and the next sweep tries again, so the report goes out — late — once the channel is known.
 * - Only the last ended period is posted: a service down for a whole period does not flood the
 *   channel on its return (older periods remain available on request: "rapport T2 2026").
 */
import type { Logger } from 'pino';
import { formatLocalDate } from '../domain/calendar/civil-date';
import { DAY_MS } from '../domain/calendar/civil-date';
import { ConflictError } from '../domain/errors';
import {
  lastCompletePeriod,
  periodEndIn,
  previousPeriod,
  type PeriodKind,
  type ReportPeriod,
} from '../domain/reports/report-period';
import { newOutboxMessage } from '../store/outbox-message';
import { SYSTEM_PARTITION, type Store } from '../store/port';
import { attachment } from '../teams/cards/adaptive-card';
import { reportCard } from '../teams/cards/report-card';
import { reportFor } from '../teams/report-handlers';
import { JobRunner } from './job-runner';

/** Where reports go: the CANUT channel, when the bot is installed in one. */
export type CanutChannelLookup = () => Promise<{ pk: string; conversationId: string } | undefined>;

export interface ReportJobOptions {
  store: Store;
  logger: Logger;
  /** 1, 3 or 12; anything else (0 included) means the job must not be started. */
  everyMonths: number;
  canutChannel: CanutChannelLookup;
  /** The service's public URL, for the card's links to the tab. */
  publicUrl: string;
  /** The Teams app's id: with it, the card's links open the personal tab inside Teams. */
  teamsAppId?: string;
  wake?: () => void;
  now?: () => Date;
  /** Pause between sweeps (default 1 h): a report goes out at most this late. */
  intervalMs?: number;
}

/** What one sweep did. */
export type ReportSweepOutcome = 'queued' | 'already-done' | 'waiting-for-channel' | 'failed';

const DEFAULT_INTERVAL_MS = 60 * 60 * 1000;
/** The zone whose days end last (UTC−10): a period is over everywhere once it is over there. */
const LAST_ZONE = 'polynesie-francaise';

/** The id of a period's report message: one per period, so a second one cannot be created. */
export function reportOutboxId(period: Pick<ReportPeriod, 'key'>): string {
  return `outbox:report:${period.key}`;
}

/** The period kind of a reporting frequency in months. */
export function periodKindOf(everyMonths: number): PeriodKind {
  if (everyMonths === 1) return 'month';
  if (everyMonths === 3) return 'quarter';
  if (everyMonths === 12) return 'year';
  throw new RangeError(`ReportJob: everyMonths must be 1, 3 or 12 (got ${everyMonths})`);
}

/** The last period of this kind that has ended, at `now`, in every zone of the agreement. */
export function lastEndedPeriod(kind: PeriodKind, now: Date): ReportPeriod {
  // The UTC date is at most a day ahead of any zone's: step back once if the last zone is not done.
  const candidate = lastCompletePeriod(kind, formatLocalDate(Math.floor(now.getTime() / DAY_MS)));
  return Date.parse(periodEndIn(candidate, LAST_ZONE)) <= now.getTime()
    ? candidate
    : previousPeriod(candidate);
}

/** The periodic report job. */
export class ReportJob {
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly kind: PeriodKind;
  private readonly runner: JobRunner;

  constructor(private readonly options: ReportJobOptions) {
    this.log = options.logger.child({ job: 'report-job' });
    this.now = options.now ?? (() => new Date());
    this.kind = periodKindOf(options.everyMonths);
    this.runner = new JobRunner({
      name: 'report-job',
      intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
      logger: this.log,
      run: async () => {
        await this.sweep();
      },
    });
  }

  /** Starts the periodic sweeps (the first one at once). */
  start(): void {
    this.runner.start();
  }

  /** Stops sweeping; resolves when the sweep in progress has finished. */
  stop(): Promise<void> {
    return this.runner.stop();
  }

  /** Posts the last ended period's report unless it already was. Never throws. */
  async sweep(now: Date = this.now()): Promise<ReportSweepOutcome> {
    const period = lastEndedPeriod(this.kind, now);
    const id = reportOutboxId(period);
    const outbox = this.options.store.container('business');
    try {
      // A cheap read first: the common case is a period already posted.
      if (await outbox.read(SYSTEM_PARTITION, id)) return 'already-done';
      const channel = await this.options.canutChannel();
      if (!channel) {
        this.log.warn(
          { period: period.key },
          'report due but no CANUT channel is known: install the bot in the CANUT channel',
        );
        return 'waiting-for-channel';
      }
      const report = await reportFor(this.options.store, period, { allBeneficiaries: true }, now);
      const content = reportCard(report, this.options);
      const activity = {
        text: `Rapport ${period.label} de l'accord-cadre AOO_2024_PSTM.`,
        summary: `Rapport ${period.label}`,
        attachments: [attachment(content)],
      };
      const message = newOutboxMessage(
        { id, pk: SYSTEM_PARTITION, target: channel, activity },
        now.toISOString(),
      );
      await outbox.create(message);
      this.log.info({ period: period.key, outboxId: id }, 'report queued for the CANUT channel');
      this.options.wake?.();
      return 'queued';
    } catch (err) {
      if (err instanceof ConflictError) return 'already-done';
      this.log.error({ err, period: period.key }, 'report sweep failed');
      return 'failed';
    }
  }
}
