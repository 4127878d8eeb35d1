import type { TicketQuery } from '../api/tickets';

/** The list's filters, as kept in the address ("#/tickets?status=open&severity=1"). */
export interface TicketFilters {
  status: string;
  severity: string;
  beneficiary: string;
  sort: 'recent' | 'urgent';
}

const FILTER_KEYS = ['status', 'severity', 'beneficiary', 'sort'] as const;

/** Filters from the page's query; unknown values are left for the API to refuse in French. */
export function filtersFrom(query: URLSearchParams): TicketFilters {
  return {
    status: query.get('status') ?? '',
    severity: query.get('severity') ?? '',
    beneficiary: query.get('beneficiary') ?? '',
    sort: query.get('sort') === 'urgent' ? 'urgent' : 'recent',
  };
}

/** The query to put back in the address: defaults are left out so links stay short. */
export function queryOf(filters: TicketFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== '' && !(key === 'sort' && value === 'recent')) query.set(key, value);
  }
  return query;
}

/** The API query for these filters. */
export function apiQueryOf(filters: TicketFilters): TicketQuery {
  return { ...filters };
}
