/**
 * Teams deep links to the personal tab carry the page to open in the context's `page.subPageId`
 * (the link's `subEntityId`), written as the part after "#/" of the tab's own addresses:
 * "rapports?period=2026-T3&download=xlsx".
 */
import { findRoute } from './routes';

/** The hash for a sub-page id, or undefined when it names no page of the tab. */
export function hashOfSubPage(subPageId: string): string | undefined {
  const relative = subPageId.trim().replace(/^#?\/*/, '');
  const [path = ''] = relative.split('?');
  if (!relative || !findRoute(`/${path}`)) return undefined;
  return `#/${relative}`;
}

/**
 * Opens the deep link's page when the tab starts on its default page; an address that already names
 * a page wins, and a sub-page id that names none is ignored (the dashboard shows).
 */
export function openSubPage(subPageId: string | undefined): void {
  if (!subPageId) return;
  const current = window.location.hash.replace(/^#\/?/, '');
  if (current !== '') return;
  const hash = hashOfSubPage(subPageId);
  if (hash) window.location.replace(hash);
}
