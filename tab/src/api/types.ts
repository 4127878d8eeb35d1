/**
 * The shapes the tab reads from /api/v1, as published in GET /api/v1/openapi.json. Only the fields the
 * pages use are listed; every instant is an ISO-8601 UTC string.
 */

export * from './ticket-types';
export * from './identity-types';
export * from './catalogue-types';
export * from './quote-types';
export * from './order-types';
export * from './report-types';
