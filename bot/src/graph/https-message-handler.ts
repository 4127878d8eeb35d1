/**
 * The last link of the Graph client's middleware chain: sends the request with node:https through an
 * agent of our own, where the library's handler uses the global fetch, which takes no agent. The
 * agent keeps connections to Graph alive and, in tests only, trusts the local fake's certificate
 * authority instead of the public ones — for this client alone, never for the process.
 */
import https from 'node:https';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** Graph answers in well under a second; a stuck connection must not hold the tab's request. */
const TIMEOUT_MS = 10_000;
// A 48×48 photo weighs a few kB and a profile less: anything far larger is not what we asked for.
const MAX_BODY_BYTES = 1024 * 1024;

/** A final Graph middleware sending over node:https; `ca` replaces the public authorities (tests). */
export function httpsMessageHandler(ca?: string): Middleware {
  const agent = new https.Agent({ keepAlive: true, ...(ca ? { ca } : {}) });
  return {
    execute: async (context: Context) => {
      context.response = await send(agent, context);
    },
  };
}

function send(agent: https.Agent, { request, options = {} }: Context): Promise<Response> {
  const url = typeof request === 'string' ? request : request.url;
  const headers = Object.fromEntries(
    new Headers(options.headers as ConstructorParameters<typeof Headers>[0]).entries(),
  );
  const body = typeof options.body === 'string' ? options.body : undefined;
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      { method: options.method ?? 'GET', headers, agent, timeout: TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES)
            req.destroy(new Error(`Graph answer larger than ${MAX_BODY_BYTES} bytes`));
          else chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 502;
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers))
            for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
              responseHeaders.append(name, v);
          // A 204 or 304 Response may not carry a body, even an empty one.
          const payload = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          resolve(new Response(payload, { status, statusText: res.statusMessage, headers: responseHeaders }));
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`Graph did not answer within ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
