/**
 * Beneficiaries in the store: one document per beneficiary, id and partition key = SIRET
 * (the beneficiary id every business document is partitioned by).
 */
import type { Beneficiary } from '../domain/beneficiaries/beneficiary';
import { NotFoundError } from '../domain/errors';
import type { BatchOperation, Container, Doc, Filter, Page, Store, Stored } from './port';
import { BENEFICIARY_DIRECTORY_VIEW } from './views/view-projections';
import { sourceOf, type ViewRow } from './views/view-row';
import { pagesOf } from './query-pages';

export type BeneficiaryDoc = Doc & Beneficiary & { type: 'beneficiary' };

/** What a page of the registry asks for; every condition is optional. */
export interface BeneficiaryQuery {
  /** Only these SIRETs (a beneficiary user's own). */
  readonly sirets?: readonly string[];
  readonly zone?: string;
  readonly active?: boolean;
  /** Digits: a SIRET prefix; anything else: a name prefix, as written (case and accents count). */
  readonly prefix?: string;
  readonly limit: number;
  readonly continuationToken?: string;
}

/** Reads and writes beneficiaries. */
export class BeneficiaryRepository {
  private readonly container: Container<BeneficiaryDoc>;
  private readonly directory: Container<ViewRow>;

  constructor(store: Store) {
    this.container = store.container<BeneficiaryDoc>('beneficiaries');
    this.directory = store.container<ViewRow>('views');
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
   * Beneficiaries whose tenant list contains `tenantId`, asked on every request and turn: read from
   * the directory view's one partition, not from every beneficiary's.
   */
  async findByTenant(tenantId: string): Promise<Beneficiary[]> {
    const page = await this.directory.query({
      pk: BENEFICIARY_DIRECTORY_VIEW,
      filters: [{ field: 'tenantIds', op: 'arrayContains', value: tenantId.toLowerCase() }],
      orderBy: [{ field: 'name' }],
      limit: 1000,
    });
    return page.items.map((row) => fromDoc(sourceOf<BeneficiaryDoc>(row)));
  }

  /** Every beneficiary, ordered by name, page by page. */
  async *all(): AsyncGenerator<Beneficiary> {
    const pages = pagesOf(this.container, {
      crossPartition: true,
      // Only beneficiaries: a view refresh in progress leaves a marker in the partition too.
      filters: [{ field: 'type', op: 'eq', value: 'beneficiary' }],
      orderBy: [{ field: 'name' }],
    });
    for await (const items of pages) for (const doc of items) yield fromDoc(doc);
  }

  /** One page of beneficiaries, ordered by name; prefixes are ranges, so the store's index serves them. */
  async page(q: BeneficiaryQuery): Promise<Page<Stored<BeneficiaryDoc>>> {
    return this.container.query({
      crossPartition: true,
      filters: filtersOf(q),
      orderBy: [{ field: 'name' }],
      limit: q.limit,
      continuationToken: q.continuationToken,
    });
  }

  /**
   * Creates a beneficiary (`etag` absent; `ConflictError` when its SIRET exists already) or replaces
   * it on its version (`PreconditionFailedError` when stale), with `alongside` (documents of its
   * partition) in one atomic batch; returns the record as stored.
   */
  async writeWith(
    beneficiary: Beneficiary,
    etag: string | undefined,
    alongside: readonly Doc[],
  ): Promise<Stored<BeneficiaryDoc>> {
    const doc = toDoc(beneficiary);
    const write: BatchOperation<Doc> =
      etag === undefined ? { op: 'create', doc } : { op: 'replace', doc, ifMatch: etag };
    const others = alongside.map((d): BatchOperation<Doc> => ({ op: 'create', doc: d }));
    await (this.container as unknown as Container<Doc>).batch(doc.pk, [write, ...others]);
    const stored = await this.get(beneficiary.siret);
    if (!stored) throw new NotFoundError(`Le bénéficiaire de SIRET ${beneficiary.siret}`);
    return stored;
  }

  /** Creates a beneficiary; `ConflictError` when its SIRET exists already. */
  async create(beneficiary: Beneficiary): Promise<Stored<BeneficiaryDoc>> {
    return this.container.create(toDoc(beneficiary));
  }

  /** Replaces a beneficiary; `PreconditionFailedError` unless the stored version is still `etag`. */
  async replace(beneficiary: Beneficiary, etag: string): Promise<Stored<BeneficiaryDoc>> {
    return this.container.replace(toDoc(beneficiary), { ifMatch: etag });
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

function filtersOf(q: BeneficiaryQuery): Filter[] {
  const filters: Filter[] = [{ field: 'type', op: 'eq', value: 'beneficiary' }];
  if (q.sirets) filters.push({ field: 'id', op: 'in', value: [...q.sirets] });
  if (q.zone !== undefined) filters.push({ field: 'zone', op: 'eq', value: q.zone });
  if (q.active !== undefined) filters.push({ field: 'active', op: 'eq', value: q.active });
  if (q.prefix !== undefined && /^\d+$/.test(q.prefix)) {
    // Every SIRET has 14 digits: the prefix padded with 0s and with 9s bounds them.
    filters.push({ field: 'siret', op: 'gte', value: q.prefix.padEnd(14, '0') });
    filters.push({ field: 'siret', op: 'lte', value: q.prefix.padEnd(14, '9') });
  } else if (q.prefix !== undefined) {
    filters.push({ field: 'name', op: 'gte', value: q.prefix });
    filters.push({ field: 'name', op: 'lt', value: `${q.prefix}\uffff` });
  }
  return filters;
}

/** The beneficiary a stored document holds, without the store's fields. */
export function beneficiaryOf(doc: BeneficiaryDoc): Beneficiary {
  return fromDoc(doc);
}

function fromDoc(doc: BeneficiaryDoc): Beneficiary {
  const { id: _id, pk: _pk, type: _type, _etag, _ts, ...rest } = doc as Stored<BeneficiaryDoc>;
  return rest as Beneficiary;
}
