/**
 * The HTTP surface: probes, the API error format, request ids, the tab, graceful shutdown.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Store } from '../../bot/src/store/port';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import { seedDemoData } from '../../bot/src/cli/seed';
import { anActivity } from '../support/factories';
import { startService, type RunningService } from '../support/running-service';

describe('HTTP surface', () => {
  let svc: RunningService;
  beforeAll(async () => {
    svc = await startService();
  });
  afterAll(async () => {
    await svc.stop();
  });

  it('answers /healthz', async () => {
    const res = await fetch(`${svc.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with the store kind when the store is reachable', async () => {
    expect(await (await fetch(`${svc.url}/readyz`)).json()).toEqual({ status: 'ok', store: 'sqlite' });
  });

  it('describes itself at /api/v1/', async () => {
    expect(await (await fetch(`${svc.url}/api/v1/`)).json()).toEqual({ name: 'guichet', version: 'test' });
  });

  it('answers an unknown API resource in the error format, with the caller’s request id', async () => {
    const res = await fetch(`${svc.url}/api/v1/tickets-inexistants`, {
      headers: { 'x-request-id': 'tab-42' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('tab-42');
    expect(await res.json()).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'La ressource GET /api/v1/tickets-inexistants introuvable.',
        requestId: 'tab-42',
      },
    });
  });

  it('generates a request id when the caller’s is missing or unsafe', async () => {
    const res = await fetch(`${svc.url}/healthz`, { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('redirects / to the tab', async () => {
    const res = await fetch(`${svc.url}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/tab/');
  });
});

describe('readiness when the store is down', () => {
  it('answers 503 on /readyz', async () => {
    const store = openSqliteStore({ memory: true });
    const svc = await startService({}, { store, seed: false });
    await store.close();
    const res = await fetch(`${svc.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', store: 'sqlite' });
    await new Promise<void>((resolve) => svc.service.server.close(() => resolve()));
  });
});

describe('the tab', () => {
  it('serves the built tab under /tab/', async () => {
    const tabDir = mkdtempSync(path.join(tmpdir(), 'guichet-tab-'));
    writeFileSync(path.join(tabDir, 'index.html'), '<!doctype html><title>Guichet</title>');
    const svc = await startService({}, { seed: false, tabDir });
    try {
      const res = await fetch(`${svc.url}/tab/index.html`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>Guichet</title>');
      expect((await fetch(`${svc.url}/tab/`)).status).toBe(200);
    } finally {
      await svc.stop();
    }
  });

  it('says how to build the tab when it is missing', async () => {
    const svc = await startService({}, { seed: false, tabDir: '/nonexistent' });
    try {
      const res = await fetch(`${svc.url}/tab/`);
      expect(res.status).toBe(503);
      expect(JSON.stringify(await res.json())).toContain('npm run build:tab');
    } finally {
      await svc.stop();
    }
  });
});

describe('graceful shutdown', () => {
  /** A store whose beneficiary lookups take `delayMs`, to hold a turn in flight. */
  function slowStore(inner: Store, delayMs: number): Store & { closed: boolean } {
    const wrapped = {
      kind: inner.kind,
      closed: false,
      ping: () => inner.ping(),
      close: async () => {
        wrapped.closed = true;
        await inner.close();
      },
      container: (name: Parameters<Store['container']>[0]) => {
        const c = inner.container(name);
        if (name !== 'beneficiaries') return c;
        return {
          ...c,
          query: async (spec: never) => (await new Promise((r) => setTimeout(r, delayMs)), c.query(spec)),
        } as never;
      },
    };
    return wrapped as Store & { closed: boolean };
  }

  it('finishes the turn in flight, then closes the store', async () => {
    const inner = openSqliteStore({ memory: true });
    await seedDemoData(inner);
    const store = slowStore(inner, 400);
    const svc = await startService({}, { store, seed: false });
    const turn = svc.post(
      '/api/messages',
      anActivity({ text: 'bonjour', extra: { deliveryMode: 'expectReplies' } }),
    );
    await new Promise((r) => setTimeout(r, 100));
    const stopping = svc.stop();
    expect(store.closed).toBe(false);
    const res = await turn;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { activities: unknown[] }).activities).toHaveLength(1);
    await stopping;
    expect(store.closed).toBe(true);
  });
});
