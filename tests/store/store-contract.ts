/**
 * The store contract: one jest suite, written only against the port, that every adapter must pass
 * (SQLite now, Cosmos DB later). It states the Cosmos semantics the service relies on.
 *
 * Every test writes under fresh partition keys and a fresh `run` tag, so the suite also works on a
 * store shared between tests (a Cosmos database that is not recreated for each test).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from '../../bot/src/domain/errors';
import type { Container, Doc, QuerySpec, Store, Stored } from '../../bot/src/store/port';

interface TestDoc extends Doc {
  run: string;
  n?: number;
  s?: string;
  tags?: string[];
  flag?: boolean;
  closedAt?: string | null;
  meta?: { owner?: { name?: string } };
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Every page of a query, following continuation tokens. */
async function allPages<T extends Doc>(c: Container<T>, spec: QuerySpec): Promise<Stored<T>[][]> {
  const pages: Stored<T>[][] = [];
  let token: string | undefined;
  do {
    const page = await c.query({ ...spec, continuationToken: token });
    pages.push(page.items);
    token = page.continuationToken;
  } while (token !== undefined && pages.length < 1000);
  return pages;
}

const ids = (docs: { id: string }[]): string[] => docs.map((d) => d.id);

/**
 * Registers the contract suite for one adapter. `makeStore` must return an open, usable store.
 * `capabilities` names what a stand-in server (a local emulator, never a production adapter) cannot
 * honour: `nonAtomicBatch` is the reason batches are not atomic there, printed in the skipped tests.
 */
export function describeStoreContract(
  name: string,
  makeStore: () => Promise<Store>,
  dispose: (s: Store) => Promise<void> = (s) => s.close(),
  capabilities: { nonAtomicBatch?: string } = {},
): void {
  const why = capabilities.nonAtomicBatch;
  const itAtomic = (title: string, fn: () => Promise<void>): void =>
    why === undefined ? it(title, fn) : it.skip(`${title} — ignoré : ${why}`, fn);
  describe(`store contract: ${name}`, () => {
    let store: Store;
    let c: Container<TestDoc>;
    let run: string;
    let pkA: string;
    let pkB: string;
    const doc = (id: string, fields: Partial<TestDoc> = {}, pk = pkA): TestDoc => ({
      id,
      pk,
      run,
      ...fields,
    });

    beforeEach(async () => {
      store = await makeStore();
      c = store.container<TestDoc>('business');
      run = randomUUID();
      pkA = `benef-a-${run}`;
      pkB = `benef-b-${run}`;
    });
    afterEach(async () => dispose(store));

    describe('documents', () => {
      it('create then read returns the body with _etag and _ts', async () => {
        const created = await c.create(doc('t1', { s: 'ouvert', meta: { owner: { name: 'Ana' } } }));
        expect(created).toMatchObject({ id: 't1', pk: pkA, s: 'ouvert', meta: { owner: { name: 'Ana' } } });
        expect(typeof created._etag).toBe('string');
        expect(created._etag.length).toBeGreaterThan(0);
        expect(created._ts).toMatch(ISO_UTC);
        expect(await c.read(pkA, 't1')).toEqual(created);
      });

      it('create with an existing id fails with ConflictError and keeps the stored document', async () => {
        const first = await c.create(doc('t1', { s: 'premier' }));
        await expect(c.create(doc('t1', { s: 'second' }))).rejects.toBeInstanceOf(ConflictError);
        expect(await c.read(pkA, 't1')).toEqual(first);
      });

      it('replace with the current etag applies and changes the etag', async () => {
        const v1 = await c.create(doc('t1', { s: 'ouvert' }));
        const v2 = await c.replace({ ...v1, s: 'clos' }, { ifMatch: v1._etag });
        expect(v2.s).toBe('clos');
        expect(v2._etag).not.toBe(v1._etag);
        expect(await c.read(pkA, 't1')).toEqual(v2);
      });

      it('replace with a stale etag fails with PreconditionFailedError and changes nothing', async () => {
        const v1 = await c.create(doc('t1', { s: 'ouvert' }));
        const v2 = await c.replace({ ...v1, s: 'en cours' }, { ifMatch: v1._etag });
        await expect(c.replace({ ...v1, s: 'clos' }, { ifMatch: v1._etag })).rejects.toBeInstanceOf(
          PreconditionFailedError,
        );
        expect(await c.read(pkA, 't1')).toEqual(v2);
      });

      it('replace of a missing document fails with NotFoundError, with or without ifMatch', async () => {
        await expect(c.replace(doc('absent'))).rejects.toBeInstanceOf(NotFoundError);
        await expect(c.replace(doc('absent'), { ifMatch: 'x' })).rejects.toBeInstanceOf(NotFoundError);
        expect(await c.read(pkA, 'absent')).toBeUndefined();
      });

      it('replace without ifMatch overwrites; store metadata sent back is ignored', async () => {
        const v1 = await c.create(doc('t1', { s: 'ouvert' }));
        const v2 = await c.replace({ ...v1, s: 'clos', _etag: 'forged', _ts: '2000-01-01T00:00:00.000Z' });
        expect(v2._etag).not.toBe('forged');
        expect(v2._ts).not.toBe('2000-01-01T00:00:00.000Z');
        expect(await c.read(pkA, 't1')).toEqual(v2);
      });

      it('upsert creates, then updates with a new etag; a stale ifMatch fails', async () => {
        const v1 = await c.upsert(doc('t1', { n: 1 }));
        expect(await c.read(pkA, 't1')).toEqual(v1);
        const v2 = await c.upsert(doc('t1', { n: 2 }));
        expect(v2.n).toBe(2);
        expect(v2._etag).not.toBe(v1._etag);
        await expect(c.upsert(doc('t1', { n: 3 }), { ifMatch: v1._etag })).rejects.toBeInstanceOf(
          PreconditionFailedError,
        );
        const v3 = await c.upsert(doc('t1', { n: 3 }), { ifMatch: v2._etag });
        expect(await c.read(pkA, 't1')).toEqual(v3);
      });

      it('delete honours ifMatch and returns false when nothing is there', async () => {
        const v1 = await c.create(doc('t1'));
        const v2 = await c.replace({ ...v1, n: 1 });
        await expect(c.delete(pkA, 't1', { ifMatch: v1._etag })).rejects.toBeInstanceOf(
          PreconditionFailedError,
        );
        expect(await c.read(pkA, 't1')).toEqual(v2);
        expect(await c.delete(pkA, 't1', { ifMatch: v2._etag })).toBe(true);
        expect(await c.read(pkA, 't1')).toBeUndefined();
        expect(await c.delete(pkA, 't1')).toBe(false);
        expect(await c.delete(pkA, 't1', { ifMatch: v2._etag })).toBe(false);
        await c.create(doc('t2'));
        expect(await c.delete(pkA, 't2')).toBe(true);
      });

      it('the same id in another partition or container is another document', async () => {
        await c.create(doc('t1', { s: 'A' }));
        expect(await c.read(pkB, 't1')).toBeUndefined();
        await c.create(doc('t1', { s: 'B' }, pkB));
        expect((await c.read(pkA, 't1'))?.s).toBe('A');
        expect((await c.read(pkB, 't1'))?.s).toBe('B');
        const other = store.container<TestDoc>('catalogue');
        expect(await other.read(pkA, 't1')).toBeUndefined();
        await other.create(doc('t1', { s: 'devis' }));
        expect((await c.read(pkA, 't1'))?.s).toBe('A');
        expect(await c.delete(pkB, 't1')).toBe(true);
        expect((await c.read(pkA, 't1'))?.s).toBe('A');
      });

      it('concurrent replaces with the same etag: exactly one wins', async () => {
        const v1 = await c.create(doc('t1', { n: 0 }));
        const results = await Promise.allSettled(
          [1, 2, 3, 4, 5].map((n) => c.replace({ ...v1, n }, { ifMatch: v1._etag })),
        );
        const won = results.filter(
          (r): r is PromiseFulfilledResult<Stored<TestDoc>> => r.status === 'fulfilled',
        );
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        for (const r of lost) expect(r.reason).toBeInstanceOf(PreconditionFailedError);
        expect(await c.read(pkA, 't1')).toEqual(won[0]!.value);
      });
    });

    describe('queries', () => {
      // Inserted out of id order on purpose; q1 and q5 tie on `s` so that ids must break the tie.
      const seed = async (): Promise<void> => {
        const docs: TestDoc[] = [
          doc('q3', { n: 3, s: 'gamma', tags: [], meta: { owner: { name: 'Ana' } } }),
          doc('q5', { n: 2.5, s: 'alpha', tags: ['x'] }),
          doc('q1', { n: 1, s: 'alpha', tags: ['x', 'y'], flag: true, meta: { owner: { name: 'Ana' } } }),
          doc('q4', { s: 'delta', meta: {} }),
          doc('q2', {
            n: 2,
            s: 'beta',
            tags: ['y'],
            flag: false,
            closedAt: null,
            meta: { owner: { name: 'Bob' } },
          }),
        ];
        for (const d of docs) await c.create(d);
      };
      const where = async (filters: QuerySpec['filters']): Promise<string[]> =>
        ids((await c.query({ pk: pkA, filters, orderBy: [{ field: 'id' }] })).items);

      it('filters with every operator, on dotted fields too', async () => {
        await seed();
        expect(await where([{ field: 'n', op: 'eq', value: 2 }])).toEqual(['q2']);
        expect(await where([{ field: 's', op: 'eq', value: 'alpha' }])).toEqual(['q1', 'q5']);
        expect(await where([{ field: 's', op: 'ne', value: 'alpha' }])).toEqual(['q2', 'q3', 'q4']);
        expect(await where([{ field: 'n', op: 'lt', value: 2.5 }])).toEqual(['q1', 'q2']);
        expect(await where([{ field: 'n', op: 'lte', value: 2.5 }])).toEqual(['q1', 'q2', 'q5']);
        expect(await where([{ field: 'n', op: 'gt', value: 2 }])).toEqual(['q3', 'q5']);
        expect(await where([{ field: 'n', op: 'gte', value: 2 }])).toEqual(['q2', 'q3', 'q5']);
        expect(await where([{ field: 's', op: 'gt', value: 'beta' }])).toEqual(['q3', 'q4']);
        expect(await where([{ field: 'n', op: 'in', value: [1, 3] }])).toEqual(['q1', 'q3']);
        expect(await where([{ field: 's', op: 'in', value: ['beta', 'delta', 'zeta'] }])).toEqual([
          'q2',
          'q4',
        ]);
        expect(await where([{ field: 's', op: 'in', value: [] }])).toEqual([]);
        expect(await where([{ field: 'tags', op: 'arrayContains', value: 'x' }])).toEqual(['q1', 'q5']);
        expect(await where([{ field: 'tags', op: 'arrayContains', value: 'y' }])).toEqual(['q1', 'q2']);
        expect(await where([{ field: 'meta.owner.name', op: 'eq', value: 'Ana' }])).toEqual(['q1', 'q3']);
        expect(await where([{ field: 'flag', op: 'eq', value: true }])).toEqual(['q1']);
        expect(await where([{ field: 'flag', op: 'eq', value: false }])).toEqual(['q2']);
        expect(await where([{ field: 'closedAt', op: 'eq', value: null }])).toEqual(['q2']);
        expect(await where([{ field: 'id', op: 'eq', value: 'q4' }])).toEqual(['q4']);
      });

      it('combines filters with AND and compares like Cosmos (no cross-type match, missing never matches)', async () => {
        await seed();
        const ana = { field: 'meta.owner.name', op: 'eq', value: 'Ana' } as const;
        expect(await where([ana, { field: 'n', op: 'gt', value: 1 }])).toEqual(['q3']);
        expect(await where([{ field: 'n', op: 'eq', value: '2' }])).toEqual([]);
        expect(await where([{ field: 's', op: 'lt', value: 5 }])).toEqual([]);
        expect(await where([{ field: 's', op: 'gt', value: 0 }])).toEqual([]);
        expect(await where([{ field: 'n', op: 'lt', value: 'z' }])).toEqual([]);
        expect(await where([{ field: 'n', op: 'eq', value: true }])).toEqual([]);
        expect(await where([{ field: 'flag', op: 'eq', value: 1 }])).toEqual([]);
        expect(await where([{ field: 'n', op: 'in', value: ['1', true] }])).toEqual([]);
        expect(await where([{ field: 'tags', op: 'arrayContains', value: 1 }])).toEqual([]);
        // q4 has no `n`: an undefined comparison leaves it out, even for `ne`.
        expect(await where([{ field: 'n', op: 'ne', value: 2 }])).toEqual(['q1', 'q3', 'q5']);
        expect(await where([{ field: 'meta.owner.name', op: 'ne', value: 'Ana' }])).toEqual(['q2']);
      });

      it('orders ascending and descending, by several fields, ids breaking ties', async () => {
        await seed();
        const order = async (orderBy: QuerySpec['orderBy']): Promise<string[]> =>
          ids((await c.query({ pk: pkA, orderBy })).items);
        expect(await order([{ field: 's' }])).toEqual(['q1', 'q5', 'q2', 'q4', 'q3']);
        expect(await order([{ field: 's', direction: 'desc' }])).toEqual(['q3', 'q4', 'q2', 'q1', 'q5']);
        expect(await order([{ field: 's' }, { field: 'n', direction: 'desc' }])).toEqual([
          'q5',
          'q1',
          'q2',
          'q4',
          'q3',
        ]);
        const byN = await c.query({
          pk: pkA,
          filters: [{ field: 'n', op: 'gte', value: 0 }],
          orderBy: [{ field: 'n', direction: 'desc' }],
        });
        expect(ids(byN.items)).toEqual(['q3', 'q5', 'q2', 'q1']);
        expect(ids((await c.query({ pk: pkA })).items)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
      });

      it('pages 250 documents by 100: 3 pages, no duplicate, no gap, same order as unpaged', async () => {
        for (let i = 0; i < 250; i += 1) await c.create(doc(`p${i}`, { n: i % 7, s: `s${i % 11}` }));
        const spec: QuerySpec = { pk: pkA, orderBy: [{ field: 'n', direction: 'desc' }, { field: 's' }] };
        const pages = await allPages(c, { ...spec, limit: 100 });
        expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
        const paged = ids(pages.flat());
        expect(new Set(paged).size).toBe(250);
        const unpaged = await c.query({ ...spec, limit: 1000 });
        expect(unpaged.continuationToken).toBeUndefined();
        expect(paged).toEqual(ids(unpaged.items));
      });

      it('returns an empty last page without a token', async () => {
        const page = await c.query({ pk: pkA });
        expect(page.items).toEqual([]);
        expect(page.continuationToken).toBeUndefined();
      });

      it('never returns another partition, even with identical fields', async () => {
        await c.create(doc('t1', { s: 'ouvert' }, pkA));
        await c.create(doc('t2', { s: 'ouvert' }, pkB));
        const a = await c.query({ pk: pkA, filters: [{ field: 's', op: 'eq', value: 'ouvert' }] });
        expect(a.items.map((d) => [d.pk, d.id])).toEqual([[pkA, 't1']]);
        const b = await c.query({ pk: pkB, filters: [{ field: 's', op: 'eq', value: 'ouvert' }] });
        expect(b.items.map((d) => [d.pk, d.id])).toEqual([[pkB, 't2']]);
      });

      it('requires a partition unless crossPartition is explicit; crossPartition sees all', async () => {
        await c.create(doc('t1', { s: 'ouvert' }, pkA));
        await c.create(doc('t2', { s: 'ouvert' }, pkB));
        await expect(c.query({ filters: [{ field: 'run', op: 'eq', value: run }] })).rejects.toBeInstanceOf(
          ValidationError,
        );
        const all = await c.query({
          crossPartition: true,
          filters: [{ field: 'run', op: 'eq', value: run }],
        });
        expect(all.items.map((d) => d.pk).sort()).toEqual([pkA, pkB].sort());
      });

      it('rejects a tampered continuation token', async () => {
        for (let i = 0; i < 3; i += 1) await c.create(doc(`t${i}`));
        const first = await c.query({ pk: pkA, limit: 1 });
        const token = first.continuationToken!;
        expect(typeof token).toBe('string');
        const middle = Math.floor(token.length / 2);
        const flipped =
          token.slice(0, middle) + (token[middle] === 'A' ? 'B' : 'A') + token.slice(middle + 1);
        for (const bad of ['pas-un-jeton', `${token}!`, token.slice(0, middle), flipped, '']) {
          await expect(c.query({ pk: pkA, limit: 1, continuationToken: bad })).rejects.toBeInstanceOf(
            ValidationError,
          );
        }
        expect(ids((await c.query({ pk: pkA, limit: 1, continuationToken: token })).items)).toEqual(['t1']);
      });

      it('rejects bad specs: page size, field path, operator', async () => {
        await expect(c.query({ pk: pkA, limit: 1001 })).rejects.toBeInstanceOf(ValidationError);
        await expect(c.query({ pk: pkA, limit: 0 })).rejects.toBeInstanceOf(ValidationError);
        await expect(c.query({ pk: pkA, limit: 1000 })).resolves.toEqual({ items: [] });
        await expect(
          c.query({ pk: pkA, filters: [{ field: 'a b', op: 'eq', value: 1 }] }),
        ).rejects.toBeInstanceOf(ValidationError);
        await expect(c.query({ pk: pkA, orderBy: [{ field: '$.x' }] })).rejects.toBeInstanceOf(
          ValidationError,
        );
        const op = 'like' as 'eq';
        await expect(c.query({ pk: pkA, filters: [{ field: 's', op, value: 'x' }] })).rejects.toBeInstanceOf(
          ValidationError,
        );
      });

      it('paging equals a full sort, whatever the data, order and page size (property)', async () => {
        const row = fc.record({ n: fc.integer({ min: 0, max: 3 }), s: fc.constantFrom('a', 'b', 'c') });
        const key = fc.record({
          field: fc.constantFrom('n', 's'),
          direction: fc.constantFrom('asc', 'desc') as fc.Arbitrary<'asc' | 'desc'>,
        });
        let round = 0;
        await fc.assert(
          fc.asyncProperty(
            fc.array(row, { maxLength: 25 }),
            fc.array(key, { maxLength: 2 }),
            fc.integer({ min: 1, max: 7 }),
            async (rows, orderBy, limit) => {
              const pk = `${pkA}-${(round += 1)}`;
              for (const [i, r] of rows.entries()) await c.create(doc(`id-${i}`, r, pk));
              const cmp = (x: TestDoc, y: TestDoc): number => {
                for (const { field, direction } of orderBy) {
                  const [a, b] = [x[field] as string | number, y[field] as string | number];
                  if (a !== b) return (a < b ? -1 : 1) * (direction === 'desc' ? -1 : 1);
                }
                return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
              };
              const expected = ids(rows.map((r, i) => doc(`id-${i}`, r, pk)).sort(cmp));
              const pages = await allPages(c, { pk, orderBy, limit });
              expect(ids(pages.flat())).toEqual(expected);
              expect(pages.length).toBe(Math.max(1, Math.ceil(rows.length / limit)));
            },
          ),
          { numRuns: 25 },
        );
      });
    });

    describe('batch', () => {
      it('applies every operation of a batch', async () => {
        const old = await c.create(doc('old', { n: 1 }));
        const gone = await c.create(doc('gone'));
        await c.batch(pkA, [
          { op: 'create', doc: doc('new', { n: 2 }) },
          { op: 'upsert', doc: doc('up', { n: 3 }) },
          { op: 'replace', doc: { ...old, n: 10 }, ifMatch: old._etag },
          { op: 'delete', id: 'gone', ifMatch: gone._etag },
        ]);
        const page = await c.query({ pk: pkA, orderBy: [{ field: 'id' }] });
        expect(page.items.map((d) => [d.id, d.n])).toEqual([
          ['new', 2],
          ['old', 10],
          ['up', 3],
        ]);
      });

      itAtomic('is atomic: a conflict at the 3rd operation leaves nothing from the first two', async () => {
        const existing = await c.create(doc('t3', { n: 0 }));
        const batch = c.batch(pkA, [
          { op: 'create', doc: doc('t1') },
          { op: 'upsert', doc: doc('t2') },
          { op: 'create', doc: doc('t3', { n: 99 }) },
        ]);
        await expect(batch).rejects.toBeInstanceOf(ConflictError);
        expect(await c.read(pkA, 't1')).toBeUndefined();
        expect(await c.read(pkA, 't2')).toBeUndefined();
        expect(await c.read(pkA, 't3')).toEqual(existing);
      });

      itAtomic('is atomic on a stale etag or a missing document too', async () => {
        const v1 = await c.create(doc('t1', { n: 1 }));
        await c.replace({ ...v1, n: 2 });
        const stale = c.batch(pkA, [
          { op: 'create', doc: doc('t9') },
          { op: 'replace', doc: { ...v1, n: 3 }, ifMatch: v1._etag },
        ]);
        await expect(stale).rejects.toBeInstanceOf(PreconditionFailedError);
        expect(await c.read(pkA, 't9')).toBeUndefined();
        expect((await c.read(pkA, 't1'))?.n).toBe(2);
        const staleDelete = c.batch(pkA, [
          { op: 'upsert', doc: { ...v1, n: 4 } },
          { op: 'delete', id: 't1', ifMatch: v1._etag },
        ]);
        await expect(staleDelete).rejects.toBeInstanceOf(PreconditionFailedError);
        expect((await c.read(pkA, 't1'))?.n).toBe(2);
        const missing = c.batch(pkA, [
          { op: 'create', doc: doc('t2') },
          { op: 'replace', doc: doc('absent') },
        ]);
        await expect(missing).rejects.toBeInstanceOf(NotFoundError);
        expect(await c.read(pkA, 't2')).toBeUndefined();
      });

      it('refuses operations outside its partition', async () => {
        const batch = c.batch(pkA, [
          { op: 'create', doc: doc('t1') },
          { op: 'create', doc: doc('t2', {}, pkB) },
        ]);
        await expect(batch).rejects.toBeInstanceOf(ValidationError);
        expect(await c.read(pkA, 't1')).toBeUndefined();
        expect(await c.read(pkB, 't2')).toBeUndefined();
      });
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
