/**
 * One line of `guichet deadlines`: a JSON case in, a JSON answer out.
 *   {"id":"c1","type":"incident","zone":"martinique","severity":3,"modality":1,"openedAt":"…Z"} → {"id":"c1","dueAt":"…Z"}
 *   {"id":"q1","type":"quote","zone":"metropole","receivedAt":"…Z"} → {"id":"q1","dueDate":"2026-05-19"}
 * Optional on both: "extraClosingDays": ["2026-09-24", …] (the beneficiary's own closing days).
 * A bad line answers {"line":N,"id":…,"error":"<French message>"}. `dueAt` is truncated to the second.
 */
import { type BusinessCalendar, createCalendar, parseZone } from '../domain/calendar/business-calendar';
import { formatLocalDate } from '../domain/calendar/civil-date';
import { formatInstantToSecond, parseInstant } from '../domain/calendar/instant';
import { type ZoneSlug } from '../domain/calendar/zones';
import { GuichetError, ValidationError } from '../domain/errors';
import { quoteDueDay } from '../domain/quotes/quote-deadline';
import { firstResponseDueMs } from '../domain/sla/first-response';
import { CONTRACT_POLICY, type SlaPolicy } from '../domain/sla/policy';
import { parseModality, parseSeverity } from '../domain/sla/severity';

/** Shared state of a run: the policy, one calendar per zone, and how many lines were invalid. */
export interface DeadlineRun {
  readonly policy: SlaPolicy;
  readonly calendars: Map<ZoneSlug, BusinessCalendar>;
  invalidLines: number;
}

/** A fresh run with the contract's policy. */
export function createDeadlineRun(policy: SlaPolicy = CONTRACT_POLICY): DeadlineRun {
  return { policy, calendars: new Map(), invalidLines: 0 };
}

/** Answers one input line; counts it in `run.invalidLines` when it is invalid. */
export function answerLine(run: DeadlineRun, line: string, lineNumber: number): string {
  let id: unknown = null;
  try {
    const record = parseRecord(line);
    id = record.id;
    return answerRecord(run, record);
  } catch (err) {
    run.invalidLines += 1;
    const message = err instanceof GuichetError ? err.message : 'erreur inattendue sur cette ligne.';
    return JSON.stringify({
      line: lineNumber,
      id: typeof id === 'string' || typeof id === 'number' ? id : null,
      error: message,
    });
  }
}

/** The answer to an over-long line, which is never parsed. */
export function tooLongLine(run: DeadlineRun, lineNumber: number): string {
  run.invalidLines += 1;
  return JSON.stringify({
    line: lineNumber,
    id: null,
    error: 'ligne trop longue (plus de 1 Mio) : elle est ignorée.',
  });
}

function parseRecord(line: string): Record<string, unknown> {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    if (line.trim() === '') throw new ValidationError('ligne vide : attendu un objet JSON par ligne.');
    throw new ValidationError("JSON invalide : la ligne n'est pas un objet JSON bien formé.");
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new ValidationError('JSON invalide : attendu un objet JSON par ligne.');
  }
  return record as Record<string, unknown>;
}

function answerRecord(run: DeadlineRun, record: Record<string, unknown>): string {
  const id = record.id;
  if (!((typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id)))) {
    throw new ValidationError('id : identifiant manquant ou invalide (texte ou nombre attendu).');
  }
  const head = `{"id":${JSON.stringify(id)},`;
  if (record.type === 'incident') {
    const calendar = calendarOf(run, record);
    const severity = parseSeverity(record.severity);
    const modality = parseModality(record.modality);
    const openedMs = parseInstant(record.openedAt, 'openedAt');
    const due = firstResponseDueMs(run.policy, calendar, severity, modality, openedMs);
    return `${head}"dueAt":"${formatInstantToSecond(due)}"}`;
  }
  if (record.type === 'quote') {
    const calendar = calendarOf(run, record);
    const receivedMs = parseInstant(record.receivedAt, 'receivedAt');
    return `${head}"dueDate":"${formatLocalDate(quoteDueDay(calendar, receivedMs))}"}`;
  }
  throw new ValidationError(
    `type inconnu (${JSON.stringify(record.type) ?? 'absent'}) : attendu « incident » ou « quote ».`,
  );
}

function calendarOf(run: DeadlineRun, record: Record<string, unknown>): BusinessCalendar {
  const zone = parseZone(record.zone);
  const extra = record.extraClosingDays;
  if (extra !== undefined) {
    if (!Array.isArray(extra))
      throw new ValidationError('extraClosingDays : attendu une liste de dates AAAA-MM-JJ.');
    return createCalendar({ zone, extraClosingDays: extra as string[] });
  }
  let calendar = run.calendars.get(zone);
  if (!calendar) run.calendars.set(zone, (calendar = createCalendar({ zone })));
  return calendar;
}
