/**
 * Makes sure the database and the containers the port needs exist, partitioned by `/pk`, with the
 * composite indexes the queries need; creates what is missing when the identity may.
 *
 * In production the identity is a managed identity with a data-plane role: Cosmos DB lets it read
 * container definitions but not create or change them (that is the control plane, hence the
 * deployment templates). So a complete account opens with reads only, and a missing container or
 * index stops the start-up with a message that says what to provision, instead of failing later on
 * the first query that needs it.
 */
import {
  PartitionKeyDefinitionVersion,
  PartitionKeyKind,
  type ContainerDefinition,
  type Database,
  type Container as SdkContainer,
} from '@azure/cosmos';
import { CONTAINERS, type ContainerName } from '../port';
import { statusOf, unavailable } from './cosmos-errors';
import { compositeKey, indexingPolicyOf, type SortShape } from './cosmos-indexing';

/** Partition key path of every container: the port's `pk` field. */
export const PARTITION_KEY_PATH = '/pk';

function forbidden(err: unknown, what: string): Error {
  return unavailable(
    err,
    `Cosmos DB : ${what}, et l'identité de Guichet n'a pas le droit de le faire (rôle de données). ` +
      'Provisionnez-le avec les modèles de déploiement (infra/), puis redémarrez.',
  );
}

/** The definition Guichet wants for a container. */
export function containerDefinition(name: ContainerName, shapes: readonly SortShape[]): ContainerDefinition {
  return {
    id: name,
    partitionKey: {
      paths: [PARTITION_KEY_PATH],
      kind: PartitionKeyKind.Hash,
      version: PartitionKeyDefinitionVersion.V2,
    },
    indexingPolicy: indexingPolicyOf(shapes),
  };
}

/** Adds the composite indexes `wanted` lists and `existing` lacks (existing ones are kept). */
async function ensureIndexes(
  container: SdkContainer,
  existing: ContainerDefinition,
  wanted: ContainerDefinition,
) {
  const present = new Set((existing.indexingPolicy?.compositeIndexes ?? []).map(compositeKey));
  const missing = (wanted.indexingPolicy?.compositeIndexes ?? []).filter(
    (c) => !present.has(compositeKey(c)),
  );
  if (missing.length === 0) return;
  const compositeIndexes = [...(existing.indexingPolicy?.compositeIndexes ?? []), ...missing];
  try {
    // Cosmos rebuilds the index online; queries keep working meanwhile.
    await container.replace({
      ...existing,
      indexingPolicy: { ...existing.indexingPolicy, compositeIndexes },
    });
  } catch (err) {
    if (statusOf(err) !== 403) throw err;
    const list = missing.map((c) => `(${compositeKey(c)})`).join(' ; ');
    throw forbidden(err, `il manque au conteneur « ${existing.id} » les index composites ${list}`);
  }
}

async function ensureContainer(database: Database, name: ContainerName, shapes: readonly SortShape[]) {
  const wanted = containerDefinition(name, shapes);
  let response;
  try {
    response = await database.containers.createIfNotExists(wanted);
  } catch (err) {
    if (statusOf(err) !== 403) throw err;
    throw forbidden(err, `le conteneur « ${name} » n'existe pas dans la base « ${database.id} »`);
  }
  const existing = response.resource ?? wanted;
  const paths = existing.partitionKey?.paths ?? [];
  if (paths.length !== 1 || paths[0] !== PARTITION_KEY_PATH) {
    // Every read and write addresses documents by `pk`: another key path would misroute them all.
    throw unavailable(
      new Error(`partition key ${JSON.stringify(paths)}`),
      `Cosmos DB : le conteneur « ${name} » est partitionné par ${JSON.stringify(paths)} ; ` +
        `Guichet attend « ${PARTITION_KEY_PATH} ». Recréez-le avec cette clé puis réimportez les données.`,
    );
  }
  await ensureIndexes(response.container, existing, wanted);
  return response.container;
}

/** Opens (creating when allowed) the database and every container of the port. */
export async function provision(
  database: Database,
  shapes: Readonly<Record<ContainerName, readonly SortShape[]>>,
): Promise<Map<ContainerName, SdkContainer>> {
  try {
    await database.client.databases.createIfNotExists({ id: database.id });
  } catch (err) {
    if (statusOf(err) !== 403) throw err;
    throw forbidden(err, `la base « ${database.id} » n'existe pas`);
  }
  const containers = new Map<ContainerName, SdkContainer>();
  for (const name of CONTAINERS) containers.set(name, await ensureContainer(database, name, shapes[name]));
  return containers;
}
