const NBSP = '\u00a0';

/**
 * "dans 2 j 03 h 15 min 07 s" before the due instant, "en retard de 25 min 07 s" after it. Seconds
 * are always shown: the countdown is the dashboard's heartbeat, people see it move.
 */
export function formatCountdown(remainingMs: number): string {
  const total = Math.floor(Math.abs(remainingMs) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const units = [
    ...(days > 0 ? [`${days}${NBSP}j`] : []),
    ...(days > 0 || hours > 0 ? [`${pad(hours)}${NBSP}h`] : []),
    `${pad(minutes)}${NBSP}min`,
    `${pad(seconds)}${NBSP}s`,
  ].join(' ');
  return remainingMs >= 0 ? `dans ${units}` : `en retard de ${units}`;
}

/** How urgent a remaining time looks: late, due within the hour, or comfortable. */
export function urgencyOf(remainingMs: number): 'late' | 'soon' | 'ok' {
  if (remainingMs < 0) return 'late';
  return remainingMs < 3_600_000 ? 'soon' : 'ok';
}
