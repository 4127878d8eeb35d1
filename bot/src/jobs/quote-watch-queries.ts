/**
 * The two queries of the quote watch, over the open-quote view (`store/views/`): one partition of
 * the `views` container, not every beneficiary's, served by the SQLite indexes of migration
 * `0008-quote-view-indexes` (Cosmos: composite indexes of `cosmos-indexing.ts`). Both return a
 * superset of the quotes with work due, bounded by how near their deadline is, never every open
 * quote; the watch then reads each quote from its own partition and decides there.
 */
import { DAY_MS } from '../domain/calendar/civil-date';
import { formatInstantToSecond } from '../domain/calendar/instant';
import type { QuerySpec } from '../store/port';
import { OPEN_QUOTES_VIEW } from '../store/views/view-projections';

/**
 * Calendar days ahead of today (UTC) within which a due date may have its D-3 reminder today: three
 * working days plus two weekends, a run of holidays and a day of time-zone offset stay under it.
 */
export const REMINDER_HORIZON_DAYS = 14;

/**
 * Days since its sending after which a sent quote may have expired: a validity is at least one
 * month (28 days), counted in whole local days; one day less absorbs the offset of the zone.
 */
export const EXPIRY_MIN_AGE_DAYS = 27;

/** The statuses of a request not answered yet: one query each, each walking its status in the index. */
export const UNANSWERED_STATUSES = ['requested', 'in-preparation'] as const;

/** Rows of quotes of this status due within the horizon or overdue, the nearest due date first. */
export function reminderCandidatesQuery(
  now: Date,
  status: (typeof UNANSWERED_STATUSES)[number],
  limit: number,
): QuerySpec {
  const horizon = new Date(now.getTime() + REMINDER_HORIZON_DAYS * DAY_MS).toISOString().slice(0, 10);
  return {
    pk: OPEN_QUOTES_VIEW,
    filters: [
      { field: 'status', op: 'eq', value: status },
      { field: 'dueDate', op: 'lte', value: horizon },
    ],
    orderBy: [{ field: 'dueDate' }],
    limit,
  };
}

/**
 * Rows of sent quotes old enough to have expired, oldest first. A sent quote's `updatedAt` is the
 * instant it was sent: every later change (decision, revision, expiry) takes it out of `sent`.
 */
export function expiryCandidatesQuery(now: Date, limit: number): QuerySpec {
  return {
    pk: OPEN_QUOTES_VIEW,
    filters: [
      { field: 'status', op: 'eq', value: 'sent' },
      {
        field: 'updatedAt',
        op: 'lte',
        value: formatInstantToSecond(now.getTime() - EXPIRY_MIN_AGE_DAYS * DAY_MS),
      },
    ],
    orderBy: [{ field: 'updatedAt' }],
    limit,
  };
}
