import { useMemo, useSyncExternalStore } from 'react';

export interface HashLocation {
  /** "#/tickets?status=open" → "/tickets"; empty hash → "/". */
  path: string;
  /** "#/tickets?status=open" → status=open. */
  query: URLSearchParams;
}

/** The hash's path and query, re-rendering on every hash change. */
export function useHashLocation(): HashLocation {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
  return useMemo(() => parseHash(hash), [hash]);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function parseHash(hash: string): HashLocation {
  const [rawPath = '', rawQuery = ''] = hash.replace(/^#/, '').split('?');
  // Tolerate "#tickets" and a trailing slash: people type and paste these links.
  return { path: `/${rawPath.replace(/^\/+|\/+$/g, '')}`, query: new URLSearchParams(rawQuery) };
}

/**
 * Changes the query of the current page without a new history entry (filters are refinements, not
 * places the Back button should step through).
 */
export function replaceHashQuery(path: string, query: URLSearchParams): void {
  const search = query.toString();
  window.location.replace(`#${path}${search ? `?${search}` : ''}`);
}

/**
 * A setter per filter of the list page at `path`, kept in the address: the empty value, or the
 * filter's default (`defaults`), leaves the parameter out.
 */
export function queryParamSetter(
  path: string,
  query: URLSearchParams,
  defaults: Readonly<Record<string, string>> = {},
): (key: string) => (value: string) => void {
  return (key) => (value) => {
    const next = new URLSearchParams(query);
    if (value === '' || value === defaults[key]) next.delete(key);
    else next.set(key, value);
    replaceHashQuery(path, next);
  };
}
