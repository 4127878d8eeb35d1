/**
 * A port `Container` over one Cosmos DB container (partition key path `/pk`).
 *
 * Point operations address a document by (pk, id); writes guarded by an ETag send `If-Match`, so
 * the account itself refuses a stale write (412) even when several instances race.
 */
import type { Container as SdkContainer, FeedResponse, ItemDefinition, RequestOptions } from '@azure/cosmos';
import { NotFoundError, PreconditionFailedError } from '../../domain/errors';
import type {
  BatchOperation,
  Container,
  ContainerName,
  Doc,
  Page,
  QuerySpec,
  Stored,
  WriteOptions,
} from '../port';
import { batchResultError, batchThrownError, toOperations } from './cosmos-batch';
import { unwrapToken, wrapToken } from './cosmos-continuation';
import { checkKey, fromResource, toWriteBody } from './cosmos-documents';
import { statusOf, toDomainError, unavailable } from './cosmos-errors';
import type { SortShape } from './cosmos-indexing';
import { planCosmosQuery, type CosmosQueryPlan } from './cosmos-query';

/** Round trips allowed to fill one page (Cosmos may return short or empty pages across partitions). */
const MAX_FETCHES_PER_PAGE = 20;

/** Where the request charge of each operation goes (debug logs). */
export type RequestChargeSink = (entry: { container: ContainerName; operation: string; ru: number }) => void;

/** What a container needs from its store. */
export interface CosmosContainerContext {
  name: ContainerName;
  sdk: SdkContainer;
  shapes: readonly SortShape[];
  isClosed: () => boolean;
  onCharge?: RequestChargeSink;
}

function ifMatch(etag: string | undefined): RequestOptions {
  return etag === undefined ? {} : { accessCondition: { type: 'IfMatch', condition: etag } };
}

type Resource = ItemDefinition & Record<string, unknown>;

/** The Cosmos implementation of a port container (one document family). */
export class CosmosContainer<T extends Doc = Doc> implements Container<T> {
  constructor(private readonly ctx: CosmosContainerContext) {}

  async read(pk: string, id: string): Promise<Stored<T> | undefined> {
    checkKey(pk, id);
    return this.run(id, async () => {
      try {
        const response = await this.ctx.sdk.item(id, pk).read<Resource>();
        this.charge('read', response.requestCharge);
        return response.resource === undefined ? undefined : fromResource<T>(response.resource);
      } catch (err) {
        if (statusOf(err) === 404) return undefined;
        throw err;
      }
    });
  }

  async create(doc: T): Promise<Stored<T>> {
    const body = toWriteBody(doc);
    return this.run(body.id, async () => {
      const response = await this.ctx.sdk.items.create<Resource>(body);
      this.charge('create', response.requestCharge);
      return fromResource<T>(response.resource!);
    });
  }

  async replace(doc: T, options: WriteOptions = {}): Promise<Stored<T>> {
    const body = toWriteBody(doc);
    return this.run(body.id, async () => {
      const item = this.ctx.sdk.item(body.id, body.pk);
      const response = await item.replace<Resource>(body, ifMatch(options.ifMatch));
      this.charge('replace', response.requestCharge);
      return fromResource<T>(response.resource!);
    });
  }

  async upsert(doc: T, options: WriteOptions = {}): Promise<Stored<T>> {
    if (options.ifMatch !== undefined) {
      // A conditional upsert targets the version the caller read: when that version is gone
      // (changed or deleted since), the precondition fails rather than silently creating.
      try {
        return await this.replace(doc, options);
      } catch (err) {
        if (err instanceof NotFoundError) throw new PreconditionFailedError();
        throw err;
      }
    }
    const body = toWriteBody(doc);
    return this.run(body.id, async () => {
      const response = await this.ctx.sdk.items.upsert<Resource>(body);
      this.charge('upsert', response.requestCharge);
      return fromResource<T>(response.resource!);
    });
  }

  async delete(pk: string, id: string, options: WriteOptions = {}): Promise<boolean> {
    checkKey(pk, id);
    return this.run(id, async () => {
      try {
        const response = await this.ctx.sdk.item(id, pk).delete(ifMatch(options.ifMatch));
        this.charge('delete', response.requestCharge);
        return true;
      } catch (err) {
        if (statusOf(err) === 404) return false;
        throw err;
      }
    });
  }

  async query(spec: QuerySpec): Promise<Page<Stored<T>>> {
    const plan = planCosmosQuery(this.ctx.name, spec, this.ctx.shapes);
    const start =
      spec.continuationToken === undefined
        ? undefined
        : unwrapToken(spec.continuationToken, plan.fingerprint);
    return this.run(undefined, async () => {
      const items: Resource[] = [];
      let token = start;
      // Cosmos may hand back fewer items than asked (or none) with a token: ask again for the rest,
      // so that every page but the last is full, as the port promises.
      for (let fetches = 0; items.length < plan.limit && fetches < MAX_FETCHES_PER_PAGE; fetches++) {
        const response = await this.fetch(plan, token, plan.limit - items.length);
        items.push(...response.resources);
        token = response.continuationToken;
        if (!token) break;
      }
      if (token && items.length >= plan.limit) token = await this.confirmMore(plan, token);
      const page: Page<Stored<T>> = { items: items.map((r) => fromResource<T>(r)) };
      if (token) page.continuationToken = wrapToken(plan.fingerprint, token);
      return page;
    });
  }

  async batch(pk: string, operations: BatchOperation<T>[]): Promise<void> {
    const inputs = toOperations(pk, operations);
    if (inputs.length === 0) return;
    this.checkOpen();
    let response;
    try {
      response = await this.ctx.sdk.items.batch(inputs, pk);
    } catch (err) {
      throw batchThrownError(operations, err);
    }
    this.charge('batch', response.result?.reduce((sum, r) => sum + (r.requestCharge ?? 0), 0) ?? 0);
    const failed = batchResultError(operations, response.result);
    if (failed !== undefined) throw failed;
  }

  private async fetch(
    plan: CosmosQueryPlan,
    continuationToken: string | undefined,
    maxItemCount: number,
  ): Promise<FeedResponse<Resource>> {
    const iterator = this.ctx.sdk.items.query<Resource>(plan.query, {
      maxItemCount,
      continuationToken,
      ...(plan.partitionKey === undefined ? {} : { partitionKey: plan.partitionKey }),
    });
    const response = await iterator.fetchNext();
    this.charge('query', response.requestCharge);
    return response;
  }

  /**
   * A full page came with a token: is anything left? Cosmos often cannot tell without looking, and
   * the port promises no token on the last page. The token returned is the one before the look.
   */
  private async confirmMore(plan: CosmosQueryPlan, token: string): Promise<string | undefined> {
    let next: string | undefined = token;
    for (let fetches = 0; next && fetches < MAX_FETCHES_PER_PAGE; fetches++) {
      const response = await this.fetch(plan, next, 1);
      if (response.resources.length > 0) return token;
      next = response.continuationToken;
    }
    return next ? token : undefined;
  }

  private charge(operation: string, ru: number | undefined): void {
    if (this.ctx.onCharge && typeof ru === 'number')
      this.ctx.onCharge({ container: this.ctx.name, operation, ru });
  }

  private checkOpen(): void {
    if (this.ctx.isClosed()) throw unavailable(new Error('Cosmos DB store closed'));
  }

  /** Runs `work` on an open store and maps SDK failures to domain errors. */
  private async run<R>(id: string | undefined, work: () => Promise<R>): Promise<R> {
    this.checkOpen();
    try {
      return await work();
    } catch (err) {
      throw toDomainError(err, id);
    }
  }
}
