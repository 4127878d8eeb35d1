/**
 * The quote watch: reminds the account managers of quote requests not answered yet (D-3 and D-1
 * working days before the due date, then every working day once late, with the days late and the
 * penalty accrued — `quote-watch-schedule.ts`), and records the expiry of sent quotes whose
 * validity ended (`QuoteService.expire`, which notifies both sides).
 *
 * - Finding work from stored fields, through indexes (SQLite migration `0004-quote-watch`):
 *   reminders ask for quotes `requested`, then `in-preparation`, due within the next two weeks
 *   or overdue; expiries ask for `sent` quotes last changed at least 27 days ago (a sent quote's
 *   `updatedAt` is its sending, and no validity is shorter than a month). A sweep therefore reads
 *   the quotes near or past their deadline, not every open quote.
 * - Exactly once: a reminder is one batch of the quote's partition that replaces the quote on its
 *   ETag with the stage recorded in `lastReminder` and creates one outbox message per account
 *   managers' conversation, with ids derived from the quote, the stage and the conversation. A
 *   restart finds the stage recorded; two instances race on the ETag and the loser's batch fails
 *   whole (412, or 409 on a message id). The quote service keeps `lastReminder` across the quote's
 *   own changes (its transitions copy the stored document). Expiries go through the service: its
 *   ETag write makes them exactly-once, the losing instance re-reading an expired quote.
 * - No conversation known for the account managers (the bot is installed nowhere yet): nothing is
 *   recorded and the reminder goes out as soon as one is, as the SLA watch does.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { formatInstant } from '../domain/calendar/instant';
import { ConflictError, GuichetError, NotFoundError, PreconditionFailedError } from '../domain/errors';
import { QUOTE_WATCH_ACTOR } from '../domain/quotes/quote-actor';
import { isPastValidity } from '../domain/quotes/quote-transitions';
import { latestVersion } from '../domain/quotes/quote';
import type { ConversationTarget, QuoteAudienceLookup, QuoteService } from '../services/quote-service';
import { newOutboxMessage } from '../store/outbox-message';
import type { BatchOperation, Container, Doc, QuerySpec, Store, Stored } from '../store/port';
import type { QuoteDoc } from '../store/quote-repository';
import { JobRunner } from './job-runner';
import {
  awaitsFirstAnswer,
  currentReminderStage,
  isNewStage,
  type ReminderRecord,
  type ReminderStage,
} from './quote-watch-schedule';
import { reminderText } from './quote-watch-texts';
import { expiryCandidatesQuery, reminderCandidatesQuery, UNANSWERED_STATUSES } from './quote-watch-queries';

/** A stored quote with the watch's own bookkeeping. */
export type WatchedQuote = Stored<QuoteDoc> & { lastReminder?: ReminderRecord };

/** What the watch works with: the quote service (expiries) and where account managers are reached. */
export interface QuoteWatchServices {
  readonly quotes: Pick<QuoteService, 'expire'>;
  readonly directory: Pick<QuoteAudienceLookup, 'accountManagers'>;
}

export interface QuoteWatchOptions {
  store: Store;
  logger: Logger;
  services: QuoteWatchServices;
  /** Called after reminders were queued, so the outbox sender runs at once. */
  wake?: () => void;
  now?: () => Date;
  /** Quotes read per page (default 100, at most 1000). */
  batchSize?: number;
  /** Pause between sweeps (default 5 min): reminders count whole days, a few minutes late is fine. */
  intervalMs?: number;
}

/** What one sweep did. */
export interface QuoteSweepResult {
  /** Quotes the two queries returned. */
  read: number;
  /** Quotes whose due reminder this sweep recorded and queued. */
  reminded: number;
  /** Outbox messages queued for reminders. */
  messages: number;
  /** Sent quotes this sweep declared expired. */
  expired: number;
  /** Quotes another writer changed first (another instance, a user): left to the next sweep. */
  lost: number;
  /** Quotes with a due reminder held back because no account managers' conversation is known. */
  waiting: number;
  /** Quotes that could not be handled (store failure): retried next sweep. */
  failed: number;
}

const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_INTERVAL_MS = 5 * 60_000;
/** Most account managers' conversations one reminder is written to (a batch holds 100 operations). */
const MAX_TARGETS = 20;

/** Id of a reminder's outbox message: one per quote, stage and conversation. */
export function reminderOutboxId(quoteId: string, stageKey: string, conversationId: string): string {
  const conversation = createHash('sha256').update(conversationId).digest('hex').slice(0, 16);
  return `outbox:${quoteId}:reminder:${stageKey}:${conversation}`;
}

/** The quote reminder and expiry job. */
export class QuoteWatch {
  private readonly business: Container<Doc>;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly batchSize: number;
  private readonly runner: JobRunner;
  private stopping = false;

  constructor(private readonly options: QuoteWatchOptions) {
    this.business = options.store.container('business');
    this.log = options.logger.child({ job: 'quote-watch' });
    this.now = options.now ?? (() => new Date());
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > 1000) {
      throw new RangeError('QuoteWatch: batchSize must be an integer from 1 to 1000');
    }
    this.runner = new JobRunner({
      name: 'quote-watch',
      intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
      logger: this.log,
      run: async () => {
        await this.sweep();
      },
    });
  }

  /** Starts the periodic sweeps (the first one at once). */
  start(): void {
    this.stopping = false;
    this.runner.start();
  }

  /** Stops sweeping; resolves when the sweep in progress has finished its current page. */
  stop(): Promise<void> {
    this.stopping = true;
    return this.runner.stop();
  }

  /** One pass at `now`: reminders first, then expiries. Never throws. */
  async sweep(now: Date = this.now()): Promise<QuoteSweepResult> {
    const result: QuoteSweepResult = {
      read: 0,
      reminded: 0,
      messages: 0,
      expired: 0,
      lost: 0,
      waiting: 0,
      failed: 0,
    };
    try {
      // Once per sweep: where the account managers are does not move between two quotes.
      const targets = (await this.options.services.directory.accountManagers()).slice(0, MAX_TARGETS);
      for (const status of UNANSWERED_STATUSES)
        await this.eachPage(reminderCandidatesQuery(now, status, this.batchSize), result, (q) =>
          this.remind(q, now, targets, result),
        );
      await this.eachPage(expiryCandidatesQuery(now, this.batchSize), result, (q) =>
        this.expire(q, now, result),
      );
    } catch (err) {
      this.log.error({ err }, 'quote sweep failed');
    }
    this.report(result);
    return result;
  }

  private async eachPage(
    first: QuerySpec,
    result: QuoteSweepResult,
    handle: (quote: WatchedQuote) => Promise<void>,
  ): Promise<void> {
    let token: string | undefined;
    do {
      const page = await this.business.query({ ...first, ...(token ? { continuationToken: token } : {}) });
      const queued = result.messages;
      for (const quote of page.items as WatchedQuote[]) {
        result.read++;
        await handle(quote);
      }
      if (result.messages > queued) this.options.wake?.();
      token = page.continuationToken;
      // The cursor is a position in the sort keys: quotes leaving the range do not make it skip any.
    } while (token && !this.stopping);
  }

  /** Records and queues the quote's due reminder, if any; counts what happened, never throws. */
  private async remind(
    quote: WatchedQuote,
    now: Date,
    targets: readonly ConversationTarget[],
    result: QuoteSweepResult,
  ): Promise<void> {
    if (!awaitsFirstAnswer(quote)) return;
    const stage = currentReminderStage(quote, now.getTime());
    if (!stage || !isNewStage(stage, quote.lastReminder)) return;
    if (targets.length === 0) {
      result.waiting++;
      return;
    }
    await this.guard(quote, result, 'reminder', async () => {
      await this.business.batch(quote.pk, this.reminderOps(quote, stage, targets, now));
      result.reminded++;
      result.messages += targets.length;
    });
  }

  private reminderOps(
    quote: WatchedQuote,
    stage: ReminderStage,
    targets: readonly ConversationTarget[],
    now: Date,
  ): BatchOperation<Doc>[] {
    const { _etag, _ts, ...fields } = quote;
    const lastReminder: ReminderRecord = { key: stage.key, at: stage.at };
    const text = reminderText(quote, stage, formatInstant(now.getTime()));
    // The outbox sender compares `nextAttemptAt` with `Date#toISOString`: write it the same way.
    const at = now.toISOString();
    return [
      { op: 'replace', doc: { ...fields, lastReminder }, ifMatch: _etag },
      ...targets.map((target): BatchOperation<Doc> => ({
        op: 'create',
        doc: newOutboxMessage(
          {
            id: reminderOutboxId(quote.id, stage.key, target.conversationId),
            pk: quote.pk,
            target,
            activity: { text, summary: `${quote.number} — échéance du devis` },
          },
          at,
        ),
      })),
    ];
  }

  /** Declares a sent quote expired once its validity is over. */
  private async expire(quote: WatchedQuote, now: Date, result: QuoteSweepResult): Promise<void> {
    const v = latestVersion(quote);
    if (quote.status !== 'sent' || !v || !isPastValidity(quote, v, formatInstant(now.getTime()))) return;
    await this.guard(quote, result, 'expiry', async () => {
      await this.options.services.quotes.expire({
        beneficiaryId: quote.beneficiaryId,
        quoteId: quote.id,
        // No replay key: an instance that loses the race re-reads the quote, finds it expired and
        // is refused (counted as lost), so each expiry is counted once.
        actor: QUOTE_WATCH_ACTOR,
      });
      result.expired++;
    });
  }

  /** Runs one quote's write; another writer first is "lost", anything else "failed". Never throws. */
  private async guard(
    quote: WatchedQuote,
    result: QuoteSweepResult,
    what: string,
    write: () => Promise<void>,
  ): Promise<void> {
    try {
      await write();
    } catch (err) {
      const ids = { quoteId: quote.id, pk: quote.pk };
      if (
        err instanceof PreconditionFailedError ||
        err instanceof ConflictError ||
        err instanceof NotFoundError ||
        // The service re-reads on a lost race: the quote is then accepted, revised or expired already.
        (err instanceof GuichetError && err.code === 'INVALID_TRANSITION')
      ) {
        result.lost++;
        this.log.debug({ ...ids, err: err.name }, `quote ${what} left to another writer`);
        return;
      }
      result.failed++;
      this.log.error({ ...ids, err }, `quote ${what} failed`);
    }
  }

  private report(result: QuoteSweepResult): void {
    if (result.waiting > 0) {
      this.log.warn(
        { waiting: result.waiting },
        'quote reminders are due but no account managers’ conversation is known: install the bot',
      );
    }
    if (result.read > 0) this.log.info(result, 'quote sweep');
  }
}
