/**
 * Starts `@vercel/cosmosdb-server` (an in-memory Cosmos DB HTTP API) in this process on a free
 * loopback port, over HTTPS with a certificate made for the test run, or over plain HTTP.
 *
 * The client side gets an `https.Agent` that trusts exactly that certificate: TLS stays fully
 * checked, nothing is relaxed for the rest of the process.
 */
import { createHttpServer, createHttpsServer } from '@vercel/cosmosdb-server';
import { Agent } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createTestCertificate } from './cosmos-test-certificate';

/** The local server accepts any key; this one only has to be valid base64, like a real account key. */
export const EMULATOR_KEY = Buffer.from('guichet-test-key').toString('base64');

/** A running emulator: where to reach it and how to stop it. */
export interface CosmosTestServer {
  endpoint: string;
  /** Trusts the generated certificate (HTTPS only). */
  agent?: Agent;
  /** The generated certificate (PEM), for a child process to trust with NODE_EXTRA_CA_CERTS. */
  certificate?: string;
  close(): Promise<void>;
}

/** Starts the emulator; `https` (the default) uses a certificate generated for this run. */
export async function startCosmosTestServer(options: { https?: boolean } = {}): Promise<CosmosTestServer> {
  const https = options.https !== false;
  const certificate = https ? createTestCertificate() : undefined;
  const server: Server = certificate
    ? createHttpsServer({ cert: certificate.cert, key: certificate.key })
    : createHttpServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const agent = certificate ? new Agent({ ca: certificate.cert, keepAlive: true }) : undefined;
  return {
    endpoint: `${https ? 'https' : 'http'}://127.0.0.1:${port}`,
    agent,
    certificate: certificate?.cert,
    close: async () => {
      agent?.destroy();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
