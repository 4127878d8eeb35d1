/**
 * The quote, order and catalogue routes as one group for the route table, over the same quote and
 * order services as the bot (`quoteDependencies`), so that both adapters apply the same rules.
 */
import type { Config } from '../config/config';
import { documentParties } from '../documents/titulaire-identity';
import { BeneficiaryRepository } from '../store/beneficiary-repository';
import type { Store } from '../store/port';
import { PriceScheduleRepository } from '../store/price-schedule-repository';
import { quoteDependencies } from '../teams/quote-wiring';
import type { ApiRoute } from './api-route';
import { catalogueRoutes } from './catalogue-routes';
import { orderRoutes } from './order-routes';
import { quoteActionRoutes } from './quote-action-routes';
import { quoteRoutes } from './quote-routes';

/** Every /api/v1/quotes, /api/v1/orders and /api/v1/catalogue route. */
export function quoteApiRoutes(
  store: Store,
  config: Pick<Config, 'titulaireTenantId' | 'supportChannelId' | 'titulaire'>,
  wake: () => void,
): ApiRoute[] {
  const deps = quoteDependencies(store, config, wake);
  const beneficiaries = new BeneficiaryRepository(store);
  const parties = documentParties(config.titulaire, beneficiaries);
  const services = { deps, beneficiaries, parties };
  return [
    ...quoteRoutes(services),
    ...quoteActionRoutes(services),
    ...orderRoutes(deps, parties),
    ...catalogueRoutes(new PriceScheduleRepository(store), deps.now, {
      store,
      titulaireTenantId: config.titulaireTenantId,
    }),
  ];
}
