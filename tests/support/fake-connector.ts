/**
 * A local stand-in for the Bot Framework connector service (Microsoft's cloud cannot be reached
 * here). It records what the bot posts back, at the HTTP boundary, with the connector's URL shapes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PostedActivity {
  path: string;
  authorization?: string;
  body: Record<string, unknown>;
}

export interface FakeConnector {
  serviceUrl: string;
  posted: PostedActivity[];
  /** Resolves once `count` activities have been posted. */
  waitFor(count: number, timeoutMs?: number): Promise<PostedActivity[]>;
  close(): Promise<void>;
}

/** Starts a fake connector on a free loopback port. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const posted: PostedActivity[] = [];
  const waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
        posted.push({
          path: req.url ?? '',
          authorization: req.headers.authorization,
          body: JSON.parse(raw || '{}'),
        });
        waiters.splice(0).forEach((w) => w());
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `activity-${posted.length}` }));
        return;
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    posted,
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (posted.length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} posted activities, got ${posted.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return posted;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
