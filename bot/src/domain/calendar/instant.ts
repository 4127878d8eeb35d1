/**
 * Instants: every stored or exchanged instant is a UTC ISO-8601 string; the engine computes on epoch
 * milliseconds. Parsing is strict (an explicit `Z` or offset is required) because a wall-clock time
 * without a zone is exactly the ambiguity this engine exists to remove.
 */
import { ValidationError } from '../errors';
import { DAY_MS, civilFromDays, daysFromCivil, isValidCivilDate } from './civil-date';
import { showValue } from './show-value';

/** A UTC ISO-8601 instant such as `2026-05-26T19:30:00Z`. */
export type Instant = string;

/** Earliest supported instant: calendars are defined for 1990–2100. */
export const MIN_INSTANT_MS = Date.UTC(1990, 0, 1);
/** First instant past the supported range. */
export const END_INSTANT_MS = Date.UTC(2101, 0, 1);

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses a strict ISO-8601 instant (with `Z` or `±HH:MM`) in 1990–2100 into epoch milliseconds. */
export function parseInstant(text: unknown, field = 'instant'): number {
  const ms = typeof text === 'string' ? toEpochMs(text) : undefined;
  if (ms === undefined) {
    throw new ValidationError(
      `${field} : date invalide (${showValue(text)}), attendu un instant ISO 8601 en UTC comme 2026-05-21T21:30:00Z.`,
      [{ path: field, message: 'instant invalide' }],
    );
  }
  if (ms < MIN_INSTANT_MS || ms >= END_INSTANT_MS) {
    throw new ValidationError(`${field} : ${text as string} est hors de la période couverte (1990 à 2100).`, [
      { path: field, message: 'hors période' },
    ]);
  }
  return ms;
}

function toEpochMs(text: string): number | undefined {
  if (text.length === 20) {
    const fast = toEpochMsCanonical(text);
    if (fast !== undefined) return fast;
  }
  const m = ISO_RE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (!isValidCivilDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  // Sub-millisecond digits are truncated: the engine's resolution is the millisecond.
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const offset = m[8] === 'Z' ? 0 : offsetMs(m[8]!);
  if (offset === undefined) return undefined;
  return (
    daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offset
  );
}

/** Fast path for the canonical `YYYY-MM-DDTHH:MM:SSZ`, by character codes (no regex, no allocation). */
function toEpochMsCanonical(t: string): number | undefined {
  if (t[4] !== '-' || t[7] !== '-' || t[10] !== 'T' || t[13] !== ':' || t[16] !== ':' || t[19] !== 'Z')
    return undefined;
  const year = digits(t, 0, 4);
  const month = digits(t, 5, 2);
  const day = digits(t, 8, 2);
  const hour = digits(t, 11, 2);
  const minute = digits(t, 14, 2);
  const second = digits(t, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  if (!isValidCivilDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

/** The decimal number written by `count` digits at `from`, or -1 if one is not a digit. */
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function offsetMs(text: string): number | undefined {
  const hours = Number(text.slice(1, 3));
  const minutes = Number(text.slice(4, 6));
  if (hours > 18 || minutes > 59) return undefined;
  return (text[0] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/** Formats epoch milliseconds as UTC ISO-8601: second precision, milliseconds only when non-zero. */
export function formatInstant(ms: number): Instant {
  const millis = ((ms % 1000) + 1000) % 1000;
  if (millis === 0) return formatInstantToSecond(ms);
  return `${formatInstantToSecond(ms).slice(0, 19)}.${String(millis).padStart(3, '0')}Z`;
}

/** Formats epoch milliseconds as UTC ISO-8601 truncated to the second (the CLI's output format). */
export function formatInstantToSecond(ms: number): Instant {
  // Hand-rolled: `Date#toISOString` costs more than the rest of a deadline computation.
  const day = Math.floor(ms / DAY_MS);
  const { year, month, day: dayOfMonth } = civilFromDays(day);
  const seconds = Math.floor((ms - day * DAY_MS) / 1000);
  const hour = Math.floor(seconds / 3600);
  const minute = Math.floor(seconds / 60) % 60;
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(dayOfMonth)}T${two(hour)}:${two(minute)}:${two(seconds % 60)}Z`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}
