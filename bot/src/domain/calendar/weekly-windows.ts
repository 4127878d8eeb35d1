/**
 * Weekly business windows: which local wall-clock hours of which weekdays count as business time.
 * Stored as plain serialisable data (part of a frozen SLA policy); compiled once into minute ranges.
 */
import { ValidationError } from '../errors';

/** Opening hours on some ISO weekdays (1 = Monday … 7 = Sunday), `from` < `to`, `HH:MM`, `to` up to `24:00`. */
export interface WindowSpec {
  readonly days: readonly number[];
  readonly from: string;
  readonly to: string;
}

/** A week of opening hours; windows on the same day may not overlap after merging. */
export type WeeklyWindows = readonly WindowSpec[];

/** The contract's windows: Monday–Friday [08:00, 18:00) local time (DESIGN.md, modality 1). */
export const DEFAULT_WINDOWS: WeeklyWindows = Object.freeze([
  Object.freeze({ days: Object.freeze([1, 2, 3, 4, 5]), from: '08:00', to: '18:00' }),
]);

/** Windows compiled for arithmetic: per weekday (index 0 = Monday) sorted, merged minute ranges. */
export interface CompiledWindows {
  readonly key: string;
  /** `[from, to)` in minutes since local midnight, per weekday index 0–6. */
  readonly byWeekday: readonly (readonly (readonly [number, number])[])[];
  /** Wall-clock business milliseconds per weekday index 0–6. */
  readonly nominalMs: readonly number[];
  /** Wall-clock business milliseconds of a whole week. */
  readonly weekMs: number;
}

const TIME_RE = /^(\d{2}):(\d{2})$/;
const byIdentity = new WeakMap<WeeklyWindows, CompiledWindows>();
const byKey = new Map<string, CompiledWindows>();

/** Validates and compiles weekly windows (cached by identity, then by content). */
export function compileWindows(spec: WeeklyWindows): CompiledWindows {
  const known = byIdentity.get(spec);
  if (known) return known;
  const key = JSON.stringify(spec);
  let compiled = byKey.get(key);
  if (!compiled) {
    compiled = build(spec, key);
    byKey.set(key, compiled);
  }
  byIdentity.set(spec, compiled);
  return compiled;
}

function build(spec: WeeklyWindows, key: string): CompiledWindows {
  if (!Array.isArray(spec) || spec.length === 0) throw invalid('au moins une plage horaire est requise');
  const ranges: [number, number][][] = [[], [], [], [], [], [], []];
  for (const window of spec) {
    const from = minutes(window?.from, false);
    const to = minutes(window?.to, true);
    if (from >= to) throw invalid(`la plage ${window.from}–${window.to} est vide ou inversée`);
    if (!Array.isArray(window.days) || window.days.length === 0)
      throw invalid('chaque plage doit nommer ses jours (1 = lundi … 7 = dimanche)');
    for (const day of window.days) {
      if (!Number.isInteger(day) || day < 1 || day > 7)
        throw invalid(`jour ${String(day)} invalide (1 = lundi … 7 = dimanche)`);
      ranges[day - 1]!.push([from, to]);
    }
  }
  const byWeekday = ranges.map(merge);
  const nominalMs = byWeekday.map((day) => day.reduce((sum, [from, to]) => sum + (to - from) * 60_000, 0));
  const weekMs = nominalMs.reduce((a, b) => a + b, 0);
  return { key, byWeekday, nominalMs, weekMs };
}

function merge(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

function minutes(text: unknown, allowMidnightEnd: boolean): number {
  const m = typeof text === 'string' ? TIME_RE.exec(text) : null;
  const value = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  const valid = m !== null && Number(m[2]) < 60 && (value < 1440 || (allowMidnightEnd && value === 1440));
  if (!valid) throw invalid(`heure ${String(text)} invalide (attendu HH:MM, de 00:00 à 24:00)`);
  return value;
}

function invalid(reason: string): ValidationError {
  return new ValidationError(`Plages horaires invalides : ${reason}.`, [
    { path: 'windows', message: reason },
  ]);
}
