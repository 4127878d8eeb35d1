/**
 * The one HTTP server of Guichet: the bot endpoint, the REST API, the tab and the health probes.
 */
import {
  CloudAdapter,
  createOutboundHostValidator,
  type Request as SdkRequest,
} from '@microsoft/agents-hosting';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import restify, { type Request, type Response, type Server } from 'restify';
import { mountApi, sendError } from '../api/api-routes';
import type { Config } from '../config/config';
import { UnauthenticatedError } from '../domain/errors';
import { BeneficiaryRepository } from '../store/beneficiary-repository';
import { ConversationRepository } from '../store/conversation-repository';
import type { Store } from '../store/port';
import { StaffRepository } from '../store/staff-repository';
import { createBotApp } from '../teams/bot-app';
import { activityAuthenticator, botAuthConfig } from '../teams/bot-auth';
import { incidentDependencies, supportChannelLookup } from '../teams/incident-wiring';
import { quoteDependencies } from '../teams/quote-wiring';
import { storeLookups } from '../teams/requester-lookups';
import { OutboxSender } from '../jobs/outbox-sender';
import { RateLimiter } from '../jobs/rate-limiter';
import { QuoteWatch } from '../jobs/quote-watch';
import { ReportJob } from '../jobs/report-job';
import { SlaWatch } from '../jobs/sla-watch';
import { SdkProactiveDelivery } from '../teams/proactive-delivery';
import { InFlight } from './in-flight';
import { loggerOf, tagRequest } from './request-context';

export interface ServiceOptions {
  config: Config;
  store: Store;
  logger: Logger;
  version: string;
  /** Folder of the built tab; defaults to tab/dist at the repository root. */
  tabDir?: string;
}

export interface Service {
  server: Server;
  /** Delivers the outbox; started by `listen()`, stopped by `shutdown()`. */
  outbox: OutboxSender;
  listen(): Promise<AddressInfo>;
  /** Stops accepting requests, lets in-flight turns finish (up to the timeout), closes the store. */
  shutdown(): Promise<void>;
}

/** Builds the service without starting it. */
export function createService(options: ServiceOptions): Service {
  const { config, store, logger } = options;
  const server = restify.createServer({ name: 'guichet', handleUncaughtExceptions: false });
  const inFlight = new InFlight();
  server.use(restify.plugins.queryParser());
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false, mapFiles: false }));
  server.pre((req, res, next) => {
    res.header('x-request-id', tagRequest(req, logger));
    return next();
  });
  server.on('after', (req: Request, res: Response) => {
    loggerOf(req)?.info(
      { method: req.method, url: req.url, status: res.statusCode, ms: Date.now() - req.time() },
      'request',
    );
  });

  const adapter = createAdapter(config, logger);
  const outbox = new OutboxSender({
    store,
    logger,
    delivery: new SdkProactiveDelivery(adapter),
    limiter: new RateLimiter({ perTenant: { ratePerSecond: config.outboxTenantRate } }),
    intervalMs: config.outboxIntervalMs,
  });
  const { slaWatch, quoteWatch, reportJob } = createWatches(options, () => outbox.wake());
  mountBot(server, options, adapter, inFlight, () => outbox.wake());
  mountProbes(server, store);
  const api = mountApi(server, { ...options, name: 'guichet', wake: () => outbox.wake() });
  mountTab(server, options.tabDir ?? path.resolve(__dirname, '../../../tab/dist'));

  return {
    server,
    outbox,
    listen: async () => {
      // The API's sign-in is ready before the first request can arrive.
      await api.start();
      await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
      if (config.outboxIntervalMs > 0) outbox.start();
      if (config.slaWatchIntervalMs > 0) slaWatch.start();
      if (config.quoteWatchIntervalMs > 0) quoteWatch.start();
      reportJob?.start();
      return server.address();
    },
    shutdown: async () => {
      // Stop accepting, let running turns answer, then cut idle keep-alive connections that
      // would otherwise hold close() open for their whole timeout.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      const drained = await inFlight.drain(config.shutdownTimeoutMs);
      if (!drained) logger.warn({ pending: inFlight.count }, 'shutdown timeout: turns still running');
      // Answered connections become idle once their bytes are flushed; only stragglers are cut.
      server.server.closeIdleConnections();
      const grace = setTimeout(() => server.server.closeAllConnections(), 1000);
      await closed;
      clearTimeout(grace);
      // The running sweeps record their outcomes before the store goes away; alerts first, since
      // they queue messages for the outbox.
      await Promise.all([slaWatch.stop(), quoteWatch.stop(), reportJob?.stop()]);
      await Promise.all([outbox.stop(), api.stop()]);
      await store.close();
    },
  };
}

/** The SLA watch, the quote watch and the periodic report (if on), which queue messages for the outbox. */
function createWatches({ config, store, logger }: ServiceOptions, wake: () => void) {
  const slaWatch = new SlaWatch({
    store,
    logger,
    supportChannel: supportChannelLookup(store, config),
    wake,
    intervalMs: config.slaWatchIntervalMs,
  });
  const quoteWatch = new QuoteWatch({
    store,
    logger,
    services: quoteDependencies(store, config, wake),
    wake,
    intervalMs: config.quoteWatchIntervalMs,
  });
  const conversations = new ConversationRepository(store);
  const reportJob =
    config.reportEveryMonths > 0
      ? new ReportJob({
          store,
          logger,
          everyMonths: config.reportEveryMonths,
          canutChannel: async () => {
            const channel = await conversations.findStaffChannel(config.canutTenantId);
            return channel && { pk: channel.pk, conversationId: channel.conversationId };
          },
          publicUrl: config.publicUrl,
          teamsAppId: config.teamsAppId,
          wake,
        })
      : undefined;
  return { slaWatch, quoteWatch, reportJob };
}

function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const adapter = new CloudAdapter(
    botAuthConfig(config),
    undefined,
    undefined,
    undefined,
    // In production, never send the bot's token to a host that is not Microsoft's.
    createOutboundHostValidator({ enabled: config.env === 'production' }),
  );
  adapter.onTurnError = async (ctx, err) => {
    logger.error({ err, activityId: ctx.activity.id }, 'unhandled turn error');
  };
  return adapter;
}

function mountBot(
  server: Server,
  { config, store, logger }: ServiceOptions,
  adapter: CloudAdapter,
  inFlight: InFlight,
  wakeOutbox: () => void,
): void {
  const authConfig = botAuthConfig(config);
  const bot = createBotApp({
    adapter,
    lookups: storeLookups(new BeneficiaryRepository(store), new StaffRepository(store), config),
    conversations: new ConversationRepository(store),
    incidents: incidentDependencies(store, config, wakeOutbox),
    quotes: quoteDependencies(store, config, wakeOutbox),
    reports: { store, publicUrl: config.publicUrl, teamsAppId: config.teamsAppId, now: () => new Date() },
    logger,
    wakeOutbox,
  });
  const authenticate = activityAuthenticator(authConfig);
  server.post('/api/messages', async (req: Request, res: Response) => {
    const verdict = await authenticate(req as unknown as SdkRequest);
    if (!verdict.ok) {
      loggerOf(req)?.warn({ status: verdict.status, reason: verdict.reason }, 'activity refused');
      const err = new UnauthenticatedError('Requête refusée : jeton du Bot Framework absent ou invalide.');
      if (verdict.status === 405)
        res.send(405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'Méthode non autorisée.' } });
      else sendError(req, res, err);
      return;
    }
    try {
      await inFlight.run(() =>
        adapter.process(req as unknown as SdkRequest, res as never, (ctx) => bot.run(ctx)),
      );
    } catch (err) {
      loggerOf(req)?.error({ err }, 'activity processing failed');
      if (!res.headersSent) sendError(req, res, err);
    }
  });
}

function mountProbes(server: Server, store: Store): void {
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (req: Request, res: Response) => {
    try {
      await store.ping();
      res.send(200, { status: 'ok', store: store.kind });
    } catch (err) {
      loggerOf(req)?.error({ err }, 'store unreachable');
      res.send(503, { status: 'unavailable', store: store.kind });
    }
  });
}

function mountTab(server: Server, tabDir: string): void {
  server.get('/', async (_req: Request, res: Response) => {
    res.redirect(302, '/tab/', () => undefined);
  });
  server.get('/tab', async (_req: Request, res: Response) => {
    res.redirect(301, '/tab/', () => undefined);
  });
  if (!existsSync(path.join(tabDir, 'index.html'))) {
    server.get('/tab/*', async (_req: Request, res: Response) => {
      res.send(503, {
        error: { code: 'TAB_NOT_BUILT', message: "L'onglet n'est pas construit : lancez npm run build:tab." },
      });
    });
    return;
  }
  server.get('/tab/*', restify.plugins.serveStaticFiles(tabDir));
}
