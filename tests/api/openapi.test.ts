/**
 * openapi.json: valid JSON, OpenAPI 3.1, every mounted /api/v1 route documented with its schemas,
 * the bearer scheme on every route that needs a token, the error format as a shared component.
 */
import { useApiService } from './support/api-harness';

type Operation = {
  operationId: string;
  security: Record<string, string[]>[];
  parameters?: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};
type Document = {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
};

describe('openapi.json', () => {
  const rig = useApiService();
  let doc: Document;

  beforeAll(async () => {
    const res = await fetch(`${rig.svc.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    doc = JSON.parse(await res.text()) as Document;
  });

  it('is an OpenAPI 3.1 document with the bearer scheme', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe('test');
    expect(doc.components.securitySchemes).toEqual({
      bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    });
    expect(doc.components.schemas.Error).toMatchObject({ type: 'object', required: ['error'] });
  });

  it('documents every /api/v1 route the server mounts, and nothing else', () => {
    const routes = (rig.svc.service.server.getDebugInfo() as { routes: { method: string; path: string }[] })
      .routes;
    const mounted = routes
      .filter((r) => r.path.startsWith('/api/v1/') && !r.path.endsWith('*'))
      .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(documented.sort()).toEqual(mounted.sort());
    expect(documented).toEqual(
      expect.arrayContaining([
        'get /api/v1/',
        'get /api/v1/me',
        'get /api/v1/tickets',
        'get /api/v1/tickets/{beneficiaryId}/{ticketId}',
        'post /api/v1/tickets/{beneficiaryId}/{ticketId}/actions',
        'get /api/v1/openapi.json',
        'get /api/v1/local-sign-in/users',
        'post /api/v1/local-sign-in',
      ]),
    );
  });

  it('requires the bearer token exactly where the server does', async () => {
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const url = `${rig.svc.url}${path.replace(/\{[^}]+\}/g, 'x')}`;
        const res = await fetch(url, {
          method: method.toUpperCase(),
          headers: { 'content-type': 'application/json' },
          ...(method === 'post' ? { body: '{}' } : {}),
        });
        const secured = op.security.length > 0;
        expect([op.operationId, res.status === 401]).toEqual([op.operationId, secured]);
        if (secured) expect(op.security).toEqual([{ bearerAuth: [] }]);
        if (secured) expect(op.responses['401']).toBeDefined();
      }
  });

  it('describes parameters, bodies and answers from the zod schemas', () => {
    const list = doc.paths['/api/v1/tickets']!.get!;
    expect(list.parameters!.map((p) => p.name)).toEqual([
      'status',
      'severity',
      'beneficiary',
      'sort',
      'limit',
      'continuationToken',
    ]);
    expect(list.parameters!.find((p) => p.name === 'limit')).toMatchObject({
      in: 'query',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    });
    const item = (
      list.responses['200']!.content!['application/json']!.schema as {
        properties: Record<string, { properties?: unknown }>;
      }
    ).properties.items;
    expect(JSON.stringify(item)).toContain('firstResponseDueAt');
    expect(JSON.stringify(item)).not.toContain('alertsSent');
    const act = doc.paths['/api/v1/tickets/{beneficiaryId}/{ticketId}/actions']!.post!;
    expect(act.parameters!.map((p) => `${p.in}:${p.name}`)).toEqual([
      'path:beneficiaryId',
      'path:ticketId',
      'header:Idempotency-Key',
    ]);
    const body = act.requestBody!.content['application/json']!.schema as {
      oneOf: { properties: { type: { const: string } } }[];
    };
    expect(body.oneOf.map((o) => o.properties.type.const)).toEqual([
      'take',
      'reply',
      'wait',
      'resume',
      'resolve',
      'reassign',
      'addInfo',
      'close',
      'reopen',
    ]);
    expect(act.responses['404']!.content!['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
  });
});

describe('openapi.json without the local sign-in', () => {
  const rig = useApiService({ LOCAL_SIGNIN: 'false' });

  it('does not list the local sign-in routes', async () => {
    const doc = (await (await fetch(`${rig.svc.url}/api/v1/openapi.json`)).json()) as Document;
    expect(Object.keys(doc.paths)).not.toContain('/api/v1/local-sign-in');
    expect(Object.keys(doc.paths)).toContain('/api/v1/tickets');
  });
});
