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

/** A non-default answer to one activity POST (e.g. a 429 with Retry-After). */
export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON-encoded unless a string. */
  body?: unknown;
}

export interface FakeConnectorOptions {
  /** Answers to the next activity POSTs, in order; once used up, POSTs succeed as usual. */
  script?: ScriptedResponse[];
}

export interface FakeConnector {
  serviceUrl: string;
  /** Activities accepted (answered 2xx). */
  posted: PostedActivity[];
  /** Activity POSTs answered with a scripted response, with the status they got. */
  refused: (PostedActivity & { status: number })[];
  /** Queues more scripted answers. */
  script(...responses: ScriptedResponse[]): void;
  /** Resolves once `count` activities have been posted. */
  waitFor(count: number, timeoutMs?: number): Promise<PostedActivity[]>;
  close(): Promise<void>;
}

/** Starts a fake connector on a free loopback port. */
export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const posted: PostedActivity[] = [];
  const refused: (PostedActivity & { status: number })[] = [];
  const script = [...(options.script ?? [])];
  const waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
        const activity = {
          path: req.url ?? '',
          authorization: req.headers.authorization,
          body: JSON.parse(raw || '{}'),
        };
        const scripted = script.shift();
        if (scripted) {
          refused.push({ ...activity, status: scripted.status });
          const body =
            typeof scripted.body === 'string' ? scripted.body : JSON.stringify(scripted.body ?? {});
          res.writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers });
          res.end(body);
          return;
        }
        posted.push(activity);
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
    refused,
    script: (...responses) => script.push(...responses),
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
