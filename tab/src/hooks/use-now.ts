import { useSyncExternalStore } from 'react';

/**
 * One clock for the whole tab, ticking on each wall-clock second while something displays it: every
 * countdown on the page changes at the same instant, and no timer runs when none is shown.
 */
let now = Date.now();
let timer: number | undefined;
const listeners = new Set<() => void>();

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
  schedule();
}

function schedule(): void {
  // Aligned on the next full second rather than a drifting setInterval.
  timer = window.setTimeout(tick, 1000 - (Date.now() % 1000));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    schedule();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      window.clearTimeout(timer);
      timer = undefined;
    }
  };
}

/** The current time in ms, re-rendering the caller every second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
