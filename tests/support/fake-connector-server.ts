/**
 * The fake Bot Framework connector as a process of its own, for benchmarks: the service's replies
 * then cost the service what a remote connector would (a loopback HTTP round trip), and nothing of
 * the connector's work runs in the service's or the load generator's event loop.
 *
 * Unlike `fake-connector.ts` it keeps no activity, only counts, so that thousands of turns do not
 * grow its memory. `GET /stats` answers `{ posted, byConversation }`.
 *
 *   node --import tsx tests/support/fake-connector-server.ts [--port 0]
 *
 * Prints `fake connector listening on http://127.0.0.1:<port>/` once ready; stops on SIGTERM.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Counts of accepted activity POSTs. */
export interface ConnectorStats {
  posted: number;
  byConversation: Record<string, number>;
}

const ACTIVITY_PATH = /^\/v3\/conversations\/([^/?]+)\/activities(?:\/[^?]*)?(?:\?.*)?$/;

/** Starts the counting connector on `port` (0: any free one) and resolves with its address. */
export async function startCountingConnector(port = 0): Promise<{ server: http.Server; serviceUrl: string }> {
  const stats: ConnectorStats = { posted: 0, byConversation: {} };
  let sequence = 0;
  const server = http.createServer((req, res) => {
    // The body is not needed, but it must be read for the connection to be reused.
    req.resume();
    req.on('end', () => {
      const match = req.method === 'POST' ? ACTIVITY_PATH.exec(req.url ?? '') : null;
      if (match) {
        const conversationId = decodeURIComponent(match[1]!);
        stats.posted++;
        stats.byConversation[conversationId] = (stats.byConversation[conversationId] ?? 0) + 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `activity-${++sequence}` }));
        return;
      }
      if (req.method === 'GET' && req.url === '/stats') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(stats));
        return;
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return { server, serviceUrl: `http://127.0.0.1:${address.port}/` };
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--port');
  const { server, serviceUrl } = await startCountingConnector(i === -1 ? 0 : Number(process.argv[i + 1]));
  process.stdout.write(`fake connector listening on ${serviceUrl}\n`);
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

if (require.main === module) void main();
