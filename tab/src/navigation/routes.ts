import type { ComponentType } from 'react';
import { ComingSoonPage } from '../pages/coming-soon-page';
import { DashboardPage } from '../pages/dashboard-page';

/**
 * The tab's pages, in nav order. Adding a real page = swapping its `Page`; the nav, the hash routing
 * and the page heading follow from this table.
 */
export interface RouteDefinition {
  id: string;
  /** Hash path, e.g. "/tickets" for "#/tickets". */
  path: string;
  label: string;
  Page: ComponentType;
}

export const ROUTES: readonly RouteDefinition[] = [
  { id: 'dashboard', path: '/', label: 'Tableau de bord', Page: DashboardPage },
  { id: 'tickets', path: '/tickets', label: 'Tickets', Page: ComingSoonPage },
  { id: 'quotes', path: '/devis', label: 'Devis', Page: ComingSoonPage },
  { id: 'orders', path: '/commandes', label: 'Commandes', Page: ComingSoonPage },
  { id: 'reports', path: '/rapports', label: 'Rapports', Page: ComingSoonPage },
];

/** Route for a hash path, or undefined when no page matches. */
export function findRoute(path: string): RouteDefinition | undefined {
  return ROUTES.find((route) => route.path === path);
}

/** href for a route: hash-based, so the service needs no fallback rule under /tab/ and Teams deep links work. */
export function hrefFor(route: RouteDefinition): string {
  return `#${route.path}`;
}
