/**
 * `GET /api/v1/catalogue/price-schedule`: the price schedule (BPU) lines in force, which the quote
 * form offers, and `GET /api/v1/catalogue/contacts`, the Titulaire's account managers. Both are the
 * agreement's, the same for every beneficiary: any caller with a Guichet role, or from a
 * beneficiary, may read them.
 */
import { z } from 'zod';
import { NotFoundError } from '../domain/errors';
import { SERVICE_KIND_LABELS } from '../domain/catalogue/price-line';
import { localDateOf } from '../domain/quotes/quote-calendar';
import type { Store } from '../store/port';
import type { PriceScheduleRepository } from '../store/price-schedule-repository';
import { readScope } from './api-caller';
import { bearerRoute, type ApiRoute } from './api-route';
import { catalogueContactsRoute } from './catalogue-contacts';
import { localDate, priceLine } from './quote-schemas';

/** Response of the route. */
export const priceScheduleResponse = z.object({
  version: z.string(),
  validFrom: localDate,
  lines: z.array(priceLine.extend({ kindLabel: z.string() })),
});

const query = z.object({
  date: z.iso
    .date()
    .optional()
    .describe('AAAA-MM-JJ : le BPU en vigueur ce jour-là ; par défaut aujourd’hui (heure de Paris)'),
});

/** Where the commercial contacts come from: the staff registry, the Titulaire's tenant only. */
export interface CatalogueContactsSource {
  readonly store: Store;
  readonly titulaireTenantId: string;
}

/** The catalogue routes. */
export function catalogueRoutes(
  schedules: PriceScheduleRepository,
  now: () => Date,
  contacts: CatalogueContactsSource,
): ApiRoute[] {
  return [
    bearerRoute(
      {
        method: 'get',
        path: '/api/v1/catalogue/price-schedule',
        operationId: 'getPriceSchedule',
        summary: 'Les lignes du bordereau des prix (BPU) en vigueur',
        tag: 'Catalogue',
        query,
        response: priceScheduleResponse,
        errors: [400, 403, 404],
      },
      async (caller, { query: q }) => {
        readScope(caller);
        // The agreement is metropolitan: "today" is Paris's unless a date is asked for.
        const date = q.date ?? localDateOf('metropole', now().toISOString());
        const schedule = await schedules.inForce(date);
        if (!schedule) throw new NotFoundError(`Le BPU en vigueur le ${date}`);
        return {
          ...schedule,
          lines: schedule.lines.map((l) => ({ ...l, kindLabel: SERVICE_KIND_LABELS[l.kind] })),
        };
      },
    ),
    catalogueContactsRoute(contacts.store, contacts.titulaireTenantId),
  ];
}
