/**
 * Writes infra/cosmos-indexing.json, the indexing policy of each container cosmos.bicep creates,
 * from the sort shapes the service's queries need (bot/src/store/cosmos/cosmos-indexing.ts):
 *
 *   npx tsx infra/write-cosmos-indexing.ts
 *
 * In Azure the service's identity only has a data-plane role: it cannot add a missing composite
 * index and refuses to start without it, so the template must carry them. tests/infra checks that
 * the committed file still matches the service's shapes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { indexingPolicyOf, SORT_SHAPES } from '../bot/src/store/cosmos/cosmos-indexing';
import { CONTAINERS } from '../bot/src/store/port';

export const INDEXING_FILE = path.join(__dirname, 'cosmos-indexing.json');

/** The indexing policies by container name, as the Bicep template loads them. */
export function cosmosIndexingPolicies(): Record<string, unknown> {
  return Object.fromEntries(CONTAINERS.map((name) => [name, indexingPolicyOf(SORT_SHAPES[name])]));
}

if (require.main === module) {
  writeFileSync(INDEXING_FILE, `${JSON.stringify(cosmosIndexingPolicies(), null, 2)}\n`);
}
