/**
 * The service-level tests run on the store the run asks for: in-memory SQLite by default, the real
 * Cosmos DB adapter on the in-process HTTPS emulator with GUICHET_TEST_STORE=cosmos (the jest
 * project `cosmos`), each service on its own database, everything closed at stop.
 */
import { BeneficiaryRepository } from '../../bot/src/store/beneficiary-repository';
import { startService } from '../support/running-service';
import { testStoreIsCosmos } from './cosmos-service-store';

const cosmos = testStoreIsCosmos();

describe(`startService on ${cosmos ? 'Cosmos DB' : 'SQLite'}`, () => {
  it('opens the store the run asks for, seeded with the demo data, and says so in /readyz', async () => {
    const svc = await startService();
    try {
      expect(svc.store.kind).toBe(cosmos ? 'cosmos' : 'sqlite');
      expect(svc.config.store).toBe(cosmos ? 'cosmos' : 'sqlite');
      expect(await new BeneficiaryRepository(svc.store).count()).toBeGreaterThan(0);
      const ready = await fetch(`${svc.url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ok', store: svc.store.kind });
    } finally {
      await svc.stop();
    }
  });

  it('gives each service its own empty store, and closes it at stop', async () => {
    const [a, b] = [await startService({}, { seed: false }), await startService({}, { seed: false })];
    try {
      await a.store.container('staff').create({ id: 'seul-dans-a', pk: '_system' });
      expect(await b.store.container('staff').read('_system', 'seul-dans-a')).toBeUndefined();
      if (cosmos) expect(a.config.cosmos.database).not.toBe(b.config.cosmos.database);
    } finally {
      await a.stop();
    }
    await expect(a.store.ping()).rejects.toThrow();
    // The other service still works after the first one stopped (shared emulator, own database).
    await expect(b.store.ping()).resolves.toBeUndefined();
    await b.stop();
  });
});
