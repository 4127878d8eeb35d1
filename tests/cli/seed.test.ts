/**
 * Demo data: seeded into an empty store only, re-seeded from scratch with `npm run seed -- --reset`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_BENEFICIARIES } from '../../bot/src/cli/demo-data';
import { seedIfEmpty } from '../../bot/src/cli/seed';
import { ZONES } from '../../bot/src/domain/calendar/zones';
import { BeneficiaryRepository } from '../../bot/src/store/beneficiary-repository';
import { openStore } from '../../bot/src/store/open-store';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import { aBeneficiary } from '../support/factories';
import { beneficiaryInputSchema } from '../../bot/src/domain/beneficiaries/beneficiary';

const ROOT = path.resolve(__dirname, '../..');

describe('demo data', () => {
  it('covers the zones, both modalities and a groupement the issue asks for', () => {
    const zones = new Set(DEMO_BENEFICIARIES.map((b) => b.zone));
    for (const zone of [
      'metropole',
      'alsace-moselle',
      'martinique',
      'la-reunion',
      'nouvelle-caledonie',
    ] as const) {
      expect(zones).toContain(zone);
      expect(ZONES[zone]).toBeDefined();
    }
    expect(new Set(DEMO_BENEFICIARIES.map((b) => b.modality))).toEqual(new Set([1, 2]));
    expect(DEMO_BENEFICIARIES.filter((b) => b.group).length).toBeGreaterThanOrEqual(2);
    expect(DEMO_BENEFICIARIES.length).toBeGreaterThanOrEqual(12);
    for (const b of DEMO_BENEFICIARIES) expect(beneficiaryInputSchema.safeParse(b).success).toBe(true);
  });

  it('seeds an empty store and leaves a store with data alone', async () => {
    const store = openSqliteStore({ memory: true });
    const first = await seedIfEmpty(store);
    expect(first).toMatchObject({ seeded: true, beneficiaries: DEMO_BENEFICIARIES.length });
    expect(await seedIfEmpty(store)).toMatchObject({ seeded: false });

    const own = openSqliteStore({ memory: true });
    await new BeneficiaryRepository(own).save(
      beneficiaryInputSchema.parse(aBeneficiary({ name: 'Ma commune' })),
    );
    expect(await seedIfEmpty(own)).toMatchObject({ seeded: false, beneficiaries: 1 });
    await store.close();
    await own.close();
  });

  it('re-seeds from an empty database with `seed --reset`', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'guichet-seed-'));
    const store = await openStore({ kind: 'sqlite', dataDir });
    await new BeneficiaryRepository(store).save(
      beneficiaryInputSchema.parse(aBeneficiary({ siret: '73282932000074', name: 'À effacer' })),
    );
    await store.close();

    const run = spawnSync('npm', ['run', '-s', 'seed', '--', '--reset'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${DEMO_BENEFICIARIES.length} bénéficiaires`);

    const after = await openStore({ kind: 'sqlite', dataDir });
    const repo = new BeneficiaryRepository(after);
    expect(await repo.get('73282932000074')).toBeUndefined();
    expect(await repo.count()).toBe(DEMO_BENEFICIARIES.length);
    await after.close();
  });

  it('refuses to seed in production', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/guichet.cjs'), 'seed'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(run.status).not.toBe(0);
  });
});
