/**
 * Pauses of a ticket's restoration clock while it waits on the beneficiary. They are stored per
 * ticket as UTC instants (rebuilt from its state history, as Zammad does) and normalised here.
 */
import { parseInstant } from '../calendar/instant';
import { ValidationError } from '../errors';
import type { PauseMs } from './target-clock';

/** One "waiting on the beneficiary" interval; no `to` while the ticket still waits. */
export interface Pause {
  readonly from: string;
  readonly to?: string | null;
}

/** Parses, clips to the opening, sorts and merges pauses; throws a French `ValidationError` if one ends before it starts. */
export function normalisePauses(pauses: readonly Pause[], openedMs: number): PauseMs[] {
  const parsed = pauses.map((pause, i) => {
    const from = parseInstant(pause.from, `pauses[${i}].from`);
    const to = pause.to == null ? Infinity : parseInstant(pause.to, `pauses[${i}].to`);
    if (to < from) {
      throw new ValidationError(`pauses[${i}] : la pause se termine avant de commencer.`, [
        { path: `pauses[${i}]`, message: 'fin avant début' },
      ]);
    }
    return { from: Math.max(from, openedMs), to };
  });
  parsed.sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const pause of parsed) {
    if (pause.to <= pause.from) continue;
    const last = merged[merged.length - 1];
    if (last && pause.from <= last.to) last.to = Math.max(last.to, pause.to);
    else merged.push({ ...pause });
  }
  return merged;
}
