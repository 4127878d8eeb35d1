/**
 * Entry point of the service: configuration, store, demo data on first start, HTTP server,
 * graceful shutdown on SIGTERM/SIGINT.
 */
import 'dotenv/config';
import { ConfigError, loadConfig } from './config/config';
import { seedIfEmpty } from './cli/seed';
import { createLogger } from './http/logger';
import { createService } from './http/server';
import { openStore } from './store/open-store';
import { storeConfigOf } from './store/store-config';
import { version } from './version';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const store = await openStore(storeConfigOf(config), { logger });
  if (config.demoSeed) {
    const seed = await seedIfEmpty(store);
    if (seed.seeded)
      logger.info({ beneficiaries: seed.beneficiaries, staff: seed.staff }, 'demo data seeded');
  }
  const service = createService({ config, store, logger, version });
  const address = await service.listen();
  logger.info(
    {
      port: address.port,
      bot: `${config.publicUrl}/api/messages`,
      tab: `${config.publicUrl}/tab/`,
      store: store.kind,
      botAuth: config.bot.clientId ? 'jwt' : 'anonymous',
    },
    'Guichet is listening',
  );
  if (config.env !== 'production') {
    process.stdout.write(
      `\nGuichet est démarré.\n  Bot (Agents Playground / Bot Framework) : ${config.publicUrl}/api/messages\n` +
        `  Onglet : ${config.publicUrl}/tab/\n  Santé : ${config.publicUrl}/healthz\n\n`,
    );
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    service.shutdown().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`Guichet n'a pas pu démarrer : ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
