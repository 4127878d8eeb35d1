/**
 * The quote watch: reminds the account managers of quote requests not answered yet (D-3 and D-1
 * working days before the due date, then every working day once late, with the days late and the
 * penalty accrued — `quote-watch-schedule.ts`), and records the expiry of sent quotes whose
 * validity ended (`QuoteService.expire`, which notifies both sides).
 *
 * - Finding work in the open-quote view (`quote-watch-queries.ts`), one partition, never across
 *   the beneficiaries': reminders ask for quotes `requested`, then `in-preparation`, due within the
 *   next two weeks or overdue; expiries ask for `sent` quotes last changed at least 27 days ago (a
 *   sent quote's `updatedAt` is its sending, and no validity is shorter than a month). A sweep
 *   therefore reads the quotes near or past their deadline, not every open quote.
 * - Deciding on the quote itself: each row's quote is read from its own partition (a point read),
 *   and a row that no longer tells its quote's state (a refresh cut short by a crash) is refreshed
 *   there and then, so that it does not come back at every sweep.
 * - Exactly once: a reminder is one batch of the quote's partition that replaces the quote on the
 *   ETag just read with the stage recorded in `lastReminder` and creates one outbox message per
 *   account managers' conversation, with ids derived from the quote, the stage and the
 *   conversation. A restart finds the stage recorded; two instances race on the ETag and the
 *   loser's batch fails whole (412, or 409 on a message id). The quote service keeps `lastReminder`
 *   across the quote's own changes (its transitions copy the stored document). Expiries go through
 *   the service: its ETag write makes them exactly-once, the losing instance re-reading an expired
 *   quote.
 * - No conversation known for the account managers (the bot is installed nowhere yet): nothing is
 *   recorded and the reminder goes out as soon as one is, as the SLA watch does.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { formatInstant } from '../domain/calendar/instant';
import { GuichetError } from '../domain/errors';
import { QUOTE_WATCH_ACTOR } from '../domain/quotes/quote-actor';
import { isPastValidity } from '../domain/quotes/quote-transitions';
import { latestVersion } from '../domain/quotes/quote';
import type { ConversationTarget, QuoteAudienceLookup, QuoteService } from '../services/quote-service';
import type { BatchOperation, Doc, QuerySpec, Stored } from '../store/port';
import type { QuoteDoc } from '../store/quote-repository';
import { sourceOf, type ViewRow } from '../store/views/view-row';
import { claimOps, DueSweep, type DueSweepCounts, type DueSweepOptions } from './due-sweep';
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

export interface QuoteWatchOptions extends DueSweepOptions {
  services: QuoteWatchServices;
  /** Pause between sweeps (default 5 min): reminders count whole days, a few minutes late is fine. */
  intervalMs?: number;
}

/** What one sweep did. */
export interface QuoteSweepResult extends DueSweepCounts {
  /** Quotes whose due reminder this sweep recorded and queued. */
  reminded: number;
  /** Sent quotes this sweep declared expired. */
  expired: number;
  /** View rows found behind their quote, refreshed. */
  refreshed: number;
}

const DEFAULT_INTERVAL_MS = 5 * 60_000;
/** Most account managers' conversations one reminder is written to (a batch holds 100 operations). */
const MAX_TARGETS = 20;

/** Id of a reminder's outbox message: one per quote, stage and conversation. */
export function reminderOutboxId(quoteId: string, stageKey: string, conversationId: string): string {
  const conversation = createHash('sha256').update(conversationId).digest('hex').slice(0, 16);
  return `outbox:${quoteId}:reminder:${stageKey}:${conversation}`;
}

/** The quote reminder and expiry job. */
export class QuoteWatch extends DueSweep<QuoteSweepResult> {
  constructor(private readonly options: QuoteWatchOptions) {
    super(options, {
      name: 'quote-watch',
      className: 'QuoteWatch',
      label: 'quote',
      waitingWarning:
        'quote reminders are due but no account managers’ conversation is known: install the bot',
      defaultIntervalMs: DEFAULT_INTERVAL_MS,
    });
  }

  protected emptyResult(): QuoteSweepResult {
    return { read: 0, reminded: 0, messages: 0, expired: 0, refreshed: 0, lost: 0, waiting: 0, failed: 0 };
  }

  /** Reminders first, then expiries. */
  protected async sweepAt(now: Date, result: QuoteSweepResult): Promise<void> {
    // Once per sweep: where the account managers are does not move between two quotes.
    const targets = (await this.options.services.directory.accountManagers()).slice(0, MAX_TARGETS);
    for (const status of UNANSWERED_STATUSES)
      await this.eachQuote(reminderCandidatesQuery(now, status, this.batchSize), result, (q) =>
        this.remind(q, now, targets, result),
      );
    await this.eachQuote(expiryCandidatesQuery(now, this.batchSize), result, (q) =>
      this.expire(q, now, result),
    );
  }

  /** Hands the quote of every row of `first`'s pages to `handle`, as stored in its own partition. */
  private eachQuote(
    first: QuerySpec,
    result: QuoteSweepResult,
    handle: (quote: WatchedQuote) => Promise<void>,
  ): Promise<void> {
    return this.eachPage<Stored<ViewRow>>(
      first,
      result,
      async (row) => {
        const quote = await this.quoteOf(row, result);
        if (quote) await handle(quote);
      },
      this.views,
    );
  }

  /**
   * The quote of `row`, read from its partition. A row that does not match it (a refresh cut short)
   * is refreshed, so that it stops coming back; a row that matches is left alone, even when nothing
   * is due yet, since comparing with the quote just read costs nothing and a refresh two reads.
   */
  private async quoteOf(row: Stored<ViewRow>, result: QuoteSweepResult): Promise<WatchedQuote | undefined> {
    const stored = await this.sourceOfRow<WatchedQuote>(row);
    const quote = stored?.type === 'quote' ? stored : undefined;
    if (!quote || !isDeepStrictEqual(sourceOf(row), withoutStoreFields(quote))) {
      const ids = { quoteId: row.sourceId, pk: row.sourcePk };
      await this.guard(ids, result, 'quote view refresh', async () => {
        await this.refreshRow(row);
        result.refreshed++;
      });
    }
    return quote;
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
    await this.guard(idsOf(quote), result, 'quote reminder', async () => {
      await this.business.batch(quote.pk, reminderOps(quote, stage, targets, now));
      result.reminded++;
      result.messages += targets.length;
    });
  }

  /** Declares a sent quote expired once its validity is over. */
  private async expire(quote: WatchedQuote, now: Date, result: QuoteSweepResult): Promise<void> {
    const v = latestVersion(quote);
    if (quote.status !== 'sent' || !v || !isPastValidity(quote, v, formatInstant(now.getTime()))) return;
    await this.guard(idsOf(quote), result, 'quote expiry', async () => {
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

  protected override isLostRace(err: unknown): boolean {
    return (
      super.isLostRace(err) ||
      // The service re-reads on a lost race: the quote is then accepted, revised or expired already.
      (err instanceof GuichetError && err.code === 'INVALID_TRANSITION')
    );
  }
}

function withoutStoreFields(quote: WatchedQuote): Doc {
  const { _etag, _ts, ...doc } = quote;
  return doc;
}

function idsOf(quote: WatchedQuote): Record<string, string> {
  return { quoteId: quote.id, pk: quote.pk };
}

/** The quote with the stage recorded, and one message per conversation: one atomic batch. */
function reminderOps(
  quote: WatchedQuote,
  stage: ReminderStage,
  targets: readonly ConversationTarget[],
  now: Date,
): BatchOperation<Doc>[] {
  const lastReminder: ReminderRecord = { key: stage.key, at: stage.at };
  const text = reminderText(quote, stage, formatInstant(now.getTime()));
  return claimOps<WatchedQuote>(
    quote,
    { lastReminder },
    targets.map((target) => ({
      id: reminderOutboxId(quote.id, stage.key, target.conversationId),
      target,
      activity: { text, summary: `${quote.number} — échéance du devis` },
    })),
    now,
  );
}
