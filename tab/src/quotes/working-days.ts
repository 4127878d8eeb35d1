/**
 * Working days left before a quote's due date, as the countdown of the list shows them. Weekends and
 * the national public holidays of metropolitan France are skipped; the server's calendar also knows
 * each overseas zone's own holidays, so for those zones the count may be a day optimistic — the due
 * date itself, which the server computes, is always shown next to it.
 */

const DAY_MS = 86_400_000;

/** Easter Sunday (anonymous Gregorian algorithm), as a UTC day number. */
function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

const holidayCache = new Map<number, Set<number>>();

function holidays(year: number): Set<number> {
  let set = holidayCache.get(year);
  if (!set) {
    const fixed = [
      [0, 1],
      [4, 1],
      [4, 8],
      [6, 14],
      [7, 15],
      [10, 1],
      [10, 11],
      [11, 25],
    ].map(([m, d]) => Date.UTC(year, m ?? 0, d) / DAY_MS);
    const e = easter(year);
    set = new Set([...fixed, e + 1, e + 39, e + 50]);
    holidayCache.set(year, set);
  }
  return set;
}

function isWorkingDay(day: number): boolean {
  const date = new Date(day * DAY_MS);
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays(date.getUTCFullYear()).has(day);
}

/** Day number of a local date "AAAA-MM-JJ". */
function dayOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/**
 * Working days after `today` up to and including `due` (0: due today; negative: working days late),
 * both local dates.
 */
export function workingDaysUntil(today: string, due: string): number {
  const from = dayOf(today);
  const to = dayOf(due);
  let count = 0;
  if (to >= from) {
    for (let day = from + 1; day <= to; day++) if (isWorkingDay(day)) count++;
    return count;
  }
  for (let day = to + 1; day <= from; day++) if (isWorkingDay(day)) count--;
  return count === 0 ? -1 : count;
}

/** Today's local date in an IANA zone. */
export function todayIn(timeZone: string, now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
