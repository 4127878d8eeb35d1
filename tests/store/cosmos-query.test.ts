/**
 * The translation of port queries into Cosmos DB SQL: parameters only, the partition always in the
 * WHERE clause, validated field paths, ORDER BY served by a declared composite index.
 */
import { ValidationError } from '../../bot/src/domain/errors';
import { unwrapToken, wrapToken } from '../../bot/src/store/cosmos/cosmos-continuation';
import { SORT_SHAPES } from '../../bot/src/store/cosmos/cosmos-indexing';
import { planCosmosQuery } from '../../bot/src/store/cosmos/cosmos-query';
import type { QuerySpec } from '../../bot/src/store/port';
import { dueTicketRowsQuery } from '../../bot/src/store/views/open-ticket-view';

const plan = (spec: QuerySpec) => planCosmosQuery('business', spec, SORT_SHAPES.business);
const text = (spec: QuerySpec): string => plan(spec).query.query;

describe('cosmos query translation', () => {
  it('puts the partition in the WHERE clause and in the request', () => {
    const p = plan({ pk: 'b1', filters: [{ field: 'status', op: 'eq', value: 'open' }] });
    expect(p.query.query).toBe(
      'SELECT * FROM c WHERE c["pk"] = @pk AND c["status"] = @v0 ORDER BY c["id"] ASC',
    );
    expect(p.query.parameters).toEqual([
      { name: '@pk', value: 'b1' },
      { name: '@v0', value: 'open' },
    ]);
    expect(p.partitionKey).toBe('b1');
  });

  it('leaves the partition out only for an explicit cross-partition query', () => {
    const p = plan({ crossPartition: true });
    expect(p.query.query).toBe('SELECT * FROM c ORDER BY c["id"] ASC');
    expect(p.partitionKey).toBeUndefined();
    expect(() => plan({})).toThrow(ValidationError);
    expect(() => plan({ pk: '' })).toThrow(ValidationError);
    // A partition given with crossPartition still filters on it.
    expect(text({ pk: 'b1', crossPartition: true })).toContain('c["pk"] = @pk');
  });

  it('binds every value, whatever it contains', () => {
    const hostile = `x" OR 1=1 --'); DROP`;
    const p = plan({
      pk: `b1" OR true OR c.pk = "`,
      filters: [
        { field: 's', op: 'eq', value: hostile },
        { field: 's', op: 'in', value: [hostile, 'y'] },
        { field: 'tags', op: 'arrayContains', value: hostile },
      ],
    });
    expect(p.query.query).not.toContain(hostile);
    expect(p.query.query).not.toContain('OR true');
    expect(p.query.query).toBe(
      'SELECT * FROM c WHERE c["pk"] = @pk AND c["s"] = @v0 AND (c["s"] IN (@v1, @v2)) ' +
        'AND ARRAY_CONTAINS(c["tags"], @v3) ORDER BY c["id"] ASC',
    );
    expect(p.query.parameters?.map((x) => x.value)).toEqual([
      `b1" OR true OR c.pk = "`,
      hostile,
      hostile,
      'y',
      hostile,
    ]);
  });

  it('refuses field paths that are not dotted identifiers, before building anything', () => {
    const fields = [
      's"] OR 1=1 --',
      'a b',
      '$.x',
      'a..b',
      '.a',
      'a.',
      '1a',
      'a-b',
      'c["pk"]',
      'a\nb',
      '',
      'x'.repeat(257),
    ];
    for (const field of fields) {
      expect(() => plan({ pk: 'b1', filters: [{ field, op: 'eq', value: 1 }] })).toThrow(ValidationError);
      expect(() => plan({ pk: 'b1', filters: [{ field, op: 'arrayContains', value: 1 }] })).toThrow(
        ValidationError,
      );
      expect(() => plan({ pk: 'b1', orderBy: [{ field }] })).toThrow(ValidationError);
    }
    expect(() =>
      plan({ pk: 'b1', filters: [{ field: 7 as unknown as string, op: 'eq', value: 1 }] }),
    ).toThrow(ValidationError);
  });

  it('writes reserved words as plain fields, in bracket notation', () => {
    expect(text({ pk: 'b1', filters: [{ field: 'value.order', op: 'gt', value: 1 }] })).toContain(
      'c["value"]["order"] > @v0',
    );
  });

  it('refuses values Cosmos cannot compare simply, operators and sizes it does not know', () => {
    for (const value of [undefined, { a: 1 }, [1], Number.NaN, Infinity]) {
      expect(() => plan({ pk: 'b1', filters: [{ field: 's', op: 'eq', value }] })).toThrow(ValidationError);
    }
    expect(() => plan({ pk: 'b1', filters: [{ field: 's', op: 'like' as 'eq', value: 'x' }] })).toThrow(
      ValidationError,
    );
    expect(() => plan({ pk: 'b1', filters: [{ field: 's', op: 'in', value: 'x' }] })).toThrow(
      ValidationError,
    );
    expect(() => plan({ pk: 'b1', limit: 0 })).toThrow(ValidationError);
    expect(() => plan({ pk: 'b1', limit: 1001 })).toThrow(ValidationError);
    expect(() => plan({ pk: 'b1', orderBy: [{ field: 's', direction: 'up' as 'asc' }] })).toThrow(
      ValidationError,
    );
  });

  it('keeps Cosmos semantics for ne and null: another type or a missing field never matches', () => {
    expect(text({ pk: 'b1', filters: [{ field: 's', op: 'ne', value: 'x' }] })).toContain(
      '(IS_STRING(c["s"]) AND c["s"] != @v0)',
    );
    expect(text({ pk: 'b1', filters: [{ field: 'n', op: 'ne', value: 2 }] })).toContain('IS_NUMBER(c["n"])');
    expect(text({ pk: 'b1', filters: [{ field: 'f', op: 'ne', value: true }] })).toContain('IS_BOOL(c["f"])');
    expect(text({ pk: 'b1', filters: [{ field: 's', op: 'eq', value: null }] })).toContain('c["s"] = null');
    for (const op of ['ne', 'lt', 'lte', 'gt', 'gte'] as const) {
      expect(text({ pk: 'b1', filters: [{ field: 's', op, value: null }] })).toContain('AND false');
    }
    expect(text({ pk: 'b1', filters: [{ field: 's', op: 'in', value: [] }] })).toContain('AND false');
    expect(text({ pk: 'b1', filters: [{ field: 's', op: 'in', value: ['a', null] }] })).toContain(
      '(c["s"] IN (@v0) OR c["s"] = null)',
    );
  });

  it('compares _ts in epoch seconds, from an ISO instant', () => {
    const p = plan({ pk: 'b1', filters: [{ field: '_ts', op: 'gte', value: '2025-01-02T03:04:05.500Z' }] });
    expect(p.query.query).toContain('c["_ts"] >= @v0');
    expect(p.query.parameters?.[1]?.value).toBe(Date.UTC(2025, 0, 2, 3, 4, 5, 500) / 1000);
    expect(text({ pk: 'b1', filters: [{ field: '_ts', op: 'eq', value: 'pas une date' }] })).toContain(
      'AND false',
    );
    expect(() => plan({ pk: 'b1', filters: [{ field: '_ts', op: 'arrayContains', value: 'x' }] })).toThrow(
      ValidationError,
    );
  });

  it('orders by the fields then id, each once', () => {
    expect(text({ pk: 'b1', orderBy: [{ field: 'seq' }] })).toContain('ORDER BY c["seq"] ASC, c["id"] ASC');
    expect(
      text({ pk: 'b1', orderBy: [{ field: 'receivedAt', direction: 'desc' }, { field: 'receivedAt' }] }),
    ).toContain('ORDER BY c["receivedAt"] DESC, c["id"] ASC');
    expect(text({ pk: 'b1', orderBy: [{ field: 'id', direction: 'desc' }] })).toContain(
      'ORDER BY c["id"] DESC',
    );
  });

  it('leads the hot sweeps with their equality filters, to use their composite indexes', () => {
    const outbox = text({
      crossPartition: true,
      filters: [
        { field: 'type', op: 'eq', value: 'outbox' },
        { field: 'status', op: 'eq', value: 'pending' },
        { field: 'nextAttemptAt', op: 'lte', value: '2025-01-01T00:00:00Z' },
      ],
      orderBy: [{ field: 'nextAttemptAt', direction: 'asc' }],
      limit: 50,
    });
    expect(outbox).toContain('ORDER BY c["type"] ASC, c["status"] ASC, c["nextAttemptAt"] ASC, c["id"] ASC');
    // The SLA watch reads its view's partition, where every row is a ticket's: no prefix to add.
    const due = planCosmosQuery(
      'views',
      dueTicketRowsQuery(new Date('2025-01-01T00:00:00Z'), 100),
      SORT_SHAPES.views,
    );
    expect(due.query.query).toContain('ORDER BY c["nextAlertAt"] ASC, c["id"] ASC');
    // Without the equality filter, the plain shape; `in` does not pin a field.
    const open = text({
      pk: 'b1',
      filters: [
        { field: 'type', op: 'eq', value: 'ticket' },
        { field: 'status', op: 'in', value: ['new', 'open'] },
      ],
      orderBy: [{ field: 'firstResponseDueAt' }],
    });
    expect(open).toContain('ORDER BY c["firstResponseDueAt"] ASC, c["id"] ASC');
  });

  it('binds continuation tokens to their query', () => {
    const a = plan({ pk: 'b1', orderBy: [{ field: 'seq' }] });
    const b = plan({ pk: 'b2', orderBy: [{ field: 'seq' }] });
    const token = wrapToken(a.fingerprint, '{"token":"+RID:abc#RT:1","range":{"min":"","max":"FF"}}');
    expect(unwrapToken(token, a.fingerprint)).toBe('{"token":"+RID:abc#RT:1","range":{"min":"","max":"FF"}}');
    expect(() => unwrapToken(token, b.fingerprint)).toThrow(ValidationError);
    const forged = Buffer.from(JSON.stringify({ c: 'autre', s: 'x' })).toString('base64url');
    for (const bad of [forged, '', 'pas-un-jeton', `${token}=`, 42, 'x'.repeat(70000)]) {
      expect(() => unwrapToken(bad, a.fingerprint)).toThrow(/Jeton de continuation invalide/);
    }
  });
});
