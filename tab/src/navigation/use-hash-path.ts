import { useSyncExternalStore } from 'react';

/** Current hash path ("#/devis" → "/devis"; empty hash → "/"), re-rendering on every hash change. */
export function useHashPath(): string {
  return useSyncExternalStore(subscribe, readHashPath, () => '/');
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function readHashPath(): string {
  const path = window.location.hash.replace(/^#/, '').split('?')[0] ?? '';
  // Tolerate "#tickets" and a trailing slash: people type and paste these links.
  return `/${path.replace(/^\/+|\/+$/g, '')}`;
}
