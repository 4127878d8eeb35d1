/**
 * Beneficiaries in the store: one document per beneficiary, id and partition key = SIRET
 * (the beneficiary id every business document is partitioned by).
 */
import type { Beneficiary } from '../domain/beneficiaries/beneficiary';
import type { Container, Doc, Store, Stored } from './port';

export type BeneficiaryDoc = Doc & Beneficiary & { type: 'beneficiary' };

/** Reads and writes beneficiaries. */
export class BeneficiaryRepository {
  private readonly container: Container<BeneficiaryDoc>;

  constructor(store: Store) {
    this.container = store.container<BeneficiaryDoc>('beneficiaries');
  }

  /** The beneficiary with this SIRET, if any. */
  async get(siret: string): Promise<Stored<BeneficiaryDoc> | undefined> {
    return this.container.read(siret, siret);
  }

  /** Creates or replaces a beneficiary (imports are re-runnable). */
  async save(beneficiary: Beneficiary): Promise<Stored<BeneficiaryDoc>> {
    return this.container.upsert(toDoc(beneficiary));
  }

  /**
   * Beneficiaries whose tenant list contains `tenantId`. Cross-partition, but the container is
   * small (one document per public body) and the bot caches the answer per turn.
   */
  async findByTenant(tenantId: string): Promise<Beneficiary[]> {
    const page = await this.container.query({
      crossPartition: true,
      filters: [{ field: 'tenantIds', op: 'arrayContains', value: tenantId.toLowerCase() }],
      orderBy: [{ field: 'name' }],
      limit: 1000,
    });
    return page.items.map(fromDoc);
  }

  /** Every beneficiary, ordered by name, page by page. */
  async *all(): AsyncGenerator<Beneficiary> {
    let continuationToken: string | undefined;
    do {
      const page = await this.container.query({
        crossPartition: true,
        orderBy: [{ field: 'name' }],
        continuationToken,
      });
      for (const doc of page.items) yield fromDoc(doc);
      continuationToken = page.continuationToken;
    } while (continuationToken);
  }

  /** How many beneficiaries exist (used to decide whether to seed). */
  async count(): Promise<number> {
    let n = 0;
    for await (const _ of this.all()) n++;
    return n;
  }
}

function toDoc(b: Beneficiary): BeneficiaryDoc {
  return { ...b, id: b.siret, pk: b.siret, type: 'beneficiary' };
}

function fromDoc(doc: BeneficiaryDoc): Beneficiary {
  const { id: _id, pk: _pk, type: _type, _etag, _ts, ...rest } = doc as Stored<BeneficiaryDoc>;
  return rest as Beneficiary;
}
