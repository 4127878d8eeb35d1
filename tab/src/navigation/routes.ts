import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** What a page receives from its address: the path's named parts and the query after "?". */
export interface PageProps {
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
}

/**
 * The tab's pages. The nav lists those with `inNav`, in this order; the hash routing and the page
 * heading follow from this table. Each page is its own chunk (React.lazy), fetched on first visit, so
 * the initial bundle holds only the shell and the sign-in.
 */
export interface RouteDefinition {
  id: string;
  /** Hash path pattern, e.g. "/tickets/:beneficiaryId/:ticketId" for "#/tickets/…/…". */
  pattern: string;
  label: string;
  /** Nav entry shown as current on this page (a ticket's detail belongs to "Tickets"). */
  navId: string;
  inNav: boolean;
  Page: LazyExoticComponent<ComponentType<PageProps>>;
}

const DashboardPage = lazy(() => import('../pages/dashboard-page'));
const TicketsPage = lazy(() => import('../pages/tickets-page'));
const TicketDetailPage = lazy(() => import('../pages/ticket-detail-page'));
const QuotesPage = lazy(() => import('../pages/quotes-page'));
const QuoteDetailPage = lazy(() => import('../pages/quote-detail-page'));
const OrdersPage = lazy(() => import('../pages/orders-page'));
const OrderDetailPage = lazy(() => import('../pages/order-detail-page'));
const ReportsPage = lazy(() => import('../pages/reports-page'));
const CataloguePage = lazy(() => import('../pages/catalogue-page'));

const page = (
  id: string,
  pattern: string,
  label: string,
  Page: RouteDefinition['Page'],
): RouteDefinition => ({
  id,
  pattern,
  label,
  navId: id,
  inNav: true,
  Page,
});

export const ROUTES: readonly RouteDefinition[] = [
  page('dashboard', '/', 'Tableau de bord', DashboardPage),
  page('tickets', '/tickets', 'Tickets', TicketsPage),
  {
    id: 'ticket',
    pattern: '/tickets/:beneficiaryId/:ticketId',
    label: 'Détail du ticket',
    navId: 'tickets',
    inNav: false,
    Page: TicketDetailPage,
  },
  page('quotes', '/devis', 'Devis', QuotesPage),
  {
    id: 'quote',
    pattern: '/devis/:beneficiaryId/:quoteId',
    label: 'Détail du devis',
    navId: 'quotes',
    inNav: false,
    Page: QuoteDetailPage,
  },
  page('orders', '/commandes', 'Commandes', OrdersPage),
  {
    id: 'order',
    pattern: '/commandes/:beneficiaryId/:orderId',
    label: 'Détail de la commande',
    navId: 'orders',
    inNav: false,
    Page: OrderDetailPage,
  },
  page('reports', '/rapports', 'Rapports', ReportsPage),
  page('catalogue', '/catalogue', 'Catalogue et contacts', CataloguePage),
];

export const NAV_ROUTES: readonly RouteDefinition[] = ROUTES.filter((route) => route.inNav);

export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
}

/** Route for a hash path with its parameters, or undefined when no page matches. */
export function findRoute(path: string): RouteMatch | undefined {
  const segments = path.split('/').filter(Boolean);
  for (const route of ROUTES) {
    const params = matchPattern(route.pattern, segments);
    if (params) return { route, params };
  }
  return undefined;
}

function matchPattern(pattern: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i] ?? '';
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
      } catch {
        return undefined; // a broken escape ("%E9") is no address of ours
      }
    } else if (part !== segment) return undefined;
  }
  return params;
}

/** href for a route: hash-based, so the service needs no fallback rule under /tab/ and Teams deep links work. */
export function hrefFor(route: RouteDefinition): string {
  return `#${route.pattern}`;
}

/** href of a ticket's detail page. */
export function ticketHref(beneficiaryId: string, ticketId: string): string {
  return `#/tickets/${encodeURIComponent(beneficiaryId)}/${encodeURIComponent(ticketId)}`;
}

/** href of the ticket list with filters, e.g. { status: 'open', severity: '1' }. */
export function ticketsHref(filters: Record<string, string> = {}): string {
  const query = new URLSearchParams(filters).toString();
  return `#/tickets${query ? `?${query}` : ''}`;
}

/** href of the quote list with filters, e.g. { status: 'open', sort: 'due' }. */
export function quotesHref(filters: Record<string, string> = {}): string {
  const query = new URLSearchParams(filters).toString();
  return `#/devis${query ? `?${query}` : ''}`;
}

/** href of the order list with filters, e.g. { status: 'open' }. */
export function ordersHref(filters: Record<string, string> = {}): string {
  const query = new URLSearchParams(filters).toString();
  return `#/commandes${query ? `?${query}` : ''}`;
}

/** href of a quote's detail page. */
export function quoteHref(beneficiaryId: string, quoteId: string): string {
  return `#/devis/${encodeURIComponent(beneficiaryId)}/${encodeURIComponent(quoteId)}`;
}

/** href of an order's detail page. */
export function orderHref(beneficiaryId: string, orderId: string): string {
  return `#/commandes/${encodeURIComponent(beneficiaryId)}/${encodeURIComponent(orderId)}`;
}
