/**
 * Wall-clock ↔ UTC conversion for IANA time zones with the built-in `Intl` (Node ships full ICU).
 *
 * `Intl` only answers "what does the wall clock read at this instant?" and costs microseconds per
 * call, so each zone keeps a per-UTC-year table of its offset transitions, found once by sampling the
 * year daily and bisecting each change to the second. After that, every conversion is a table lookup.
 * Daily sampling would only miss two transitions less than a day apart, which no zone has had.
 */
import { ValidationError } from '../errors';
import { DAY_MS, civilFromDays } from './civil-date';

/** How to resolve a wall-clock time that a DST change skips (gap) or repeats (overlap). */
export type Disambiguation = 'compatible' | 'earlier' | 'later';

interface YearTable {
  start: number;
  end: number;
  startOffset: number;
  transitions: number[];
  offsets: number[];
}

/** One IANA zone with its cached offset tables. */
export interface ZoneClock {
  readonly tz: string;
  readonly formatter: Intl.DateTimeFormat;
  readonly years: Map<number, YearTable>;
  last: YearTable | undefined;
}

const clocks = new Map<string, ZoneClock>();

/** The cached clock of an IANA zone; throws a `ValidationError` for an unknown zone. */
export function zoneClock(tz: string): ZoneClock {
  let clock = clocks.get(tz);
  if (!clock) {
    let formatter: Intl.DateTimeFormat;
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new ValidationError(`Fuseau horaire inconnu : ${tz}.`);
    }
    clock = { tz, formatter, years: new Map(), last: undefined };
    clocks.set(tz, clock);
  }
  return clock;
}

/** UTC offset (local − UTC, in ms) in force at an instant. */
export function offsetAt(clock: ZoneClock, utcMs: number): number {
  let table = clock.last;
  if (!table || utcMs < table.start || utcMs >= table.end) {
    table = yearTable(clock, civilFromDays(Math.floor(utcMs / DAY_MS)).year);
    clock.last = table;
  }
  let offset = table.startOffset;
  for (let i = 0; i < table.transitions.length && utcMs >= table.transitions[i]!; i++)
    offset = table.offsets[i]!;
  return offset;
}

/** Wall-clock reading at an instant, as milliseconds of a UTC-based timeline ("local ms"). */
export function localFromUtc(clock: ZoneClock, utcMs: number): number {
  return utcMs + offsetAt(clock, utcMs);
}

/**
 * The instant at which the wall clock reads `localMs`. In a gap, `compatible` and `later` move forward
 * by the gap's length (02:30 on a spring-forward night is 03:30 summer time); in an overlap,
 * `compatible` and `earlier` take the first occurrence (the same choice as Temporal's default).
 */
export function utcFromLocal(
  clock: ZoneClock,
  localMs: number,
  disambiguation: Disambiguation = 'compatible',
): number {
  const before = offsetAt(clock, localMs - DAY_MS);
  const after = offsetAt(clock, localMs + DAY_MS);
  if (before === after) return localMs - before;
  const beforeValid = offsetAt(clock, localMs - before) === before;
  const afterValid = offsetAt(clock, localMs - after) === after;
  if (beforeValid && afterValid) {
    const earlier = Math.min(localMs - before, localMs - after);
    const later = Math.max(localMs - before, localMs - after);
    return disambiguation === 'later' ? later : earlier;
  }
  if (beforeValid) return localMs - before;
  if (afterValid) return localMs - after;
  // A gap: reading the wall time with the offset in force before it lands after the gap.
  return disambiguation === 'earlier' ? localMs - after : localMs - before;
}

/** Instants of the offset transitions in [fromMs, toMs), in order. */
export function transitionsBetween(clock: ZoneClock, fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  const firstYear = civilFromDays(Math.floor(fromMs / DAY_MS)).year;
  const lastYear = civilFromDays(Math.floor(toMs / DAY_MS)).year;
  for (let year = firstYear; year <= lastYear; year++) {
    for (const at of yearTable(clock, year).transitions) if (at >= fromMs && at < toMs) out.push(at);
  }
  return out;
}

function yearTable(clock: ZoneClock, year: number): YearTable {
  let table = clock.years.get(year);
  if (table) return table;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  table = { start, end, startOffset: rawOffset(clock, start), transitions: [], offsets: [] };
  let previous = table.startOffset;
  for (let at = start; at < end;) {
    const next = Math.min(at + DAY_MS, end);
    const offset = rawOffset(clock, next);
    if (offset !== previous) {
      const change = bisect(clock, at, next, previous);
      // A change exactly at `end` belongs to next year's table, as its start offset.
      if (change < end) {
        table.transitions.push(change);
        table.offsets.push(offset);
      }
      previous = offset;
    }
    at = next;
  }
  clock.years.set(year, table);
  return table;
}

/** First whole second in (lo, hi] whose offset differs from `offsetAtLo`. */
function bisect(clock: ZoneClock, lo: number, hi: number, offsetAtLo: number): number {
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (rawOffset(clock, mid) === offsetAtLo) lo = mid;
    else hi = mid;
  }
  return hi;
}

function rawOffset(clock: ZoneClock, utcMs: number): number {
  const second = Math.floor(utcMs / 1000) * 1000;
  const f = [0, 0, 0, 0, 0, 0];
  for (const part of clock.formatter.formatToParts(second)) {
    const index = FIELD_INDEX[part.type];
    if (index !== undefined) f[index] = Number(part.value);
  }
  const local = Date.UTC(f[0]!, f[1]! - 1, f[2]!, f[3]!, f[4]!, f[5]!);
  return local - second;
}

const FIELD_INDEX: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {
  year: 0,
  month: 1,
  day: 2,
  hour: 3,
  minute: 4,
  second: 5,
};
