/**
 * The usual rig of a bot test: the real service on demo data and a fake connector, fresh outbox of
 * posted replies for every test.
 */
import { startFakeConnector, type FakeConnector } from './fake-connector';
import { startService, type RunningService } from './running-service';

/** The six entries the welcome card must offer, in order (issue 2). */
export const WELCOME_ACTION_TITLES = [
  'Déclarer un incident',
  'Demander un devis',
  'Mes tickets',
  'Mes devis',
  'Mes commandes',
  'Aide',
];

export interface BotHarness {
  svc: RunningService;
  connector: FakeConnector;
}

/** Registers the jest hooks that start and stop the rig; read its fields inside tests. */
export function useBotHarness(env: Record<string, string> = {}): BotHarness {
  const harness = {} as BotHarness;
  beforeAll(async () => {
    harness.svc = await startService(env);
    harness.connector = await startFakeConnector();
  });
  afterAll(async () => {
    await harness.svc?.stop();
    await harness.connector?.close();
  });
  beforeEach(() => {
    harness.connector.posted.splice(0);
  });
  return harness;
}
