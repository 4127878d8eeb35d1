/**
 * The Cosmos DB settings: what the configuration accepts and refuses, and the store settings (and
 * sign-in) it derives from them.
 */
import { ConfigError, loadConfig } from '../../bot/src/config/config';
import { storeConfigOf } from '../../bot/src/store/store-config';
import { PRODUCTION_ENV } from '../support/production-env';

const PRODUCTION = {
  ...PRODUCTION_ENV,
  STORE: 'cosmos',
  COSMOS_ENDPOINT: 'https://guichet-prod.documents.azure.com:443/',
};
const SECRET_KEY = 'c2VjcmV0LWtleS1kdS1jb21wdGU=';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('Cosmos DB configuration', () => {
  it('accepts production on Cosmos DB with the managed identity, database guichet by default', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.store).toBe('cosmos');
    expect(storeConfigOf(config)).toEqual({
      kind: 'cosmos',
      endpoint: 'https://guichet-prod.documents.azure.com:443/',
      database: 'guichet',
      auth: { kind: 'managed-identity', clientId: undefined },
    });
  });

  it('passes a user-assigned identity and a database name on', () => {
    const config = loadConfig({
      ...PRODUCTION,
      COSMOS_DATABASE: 'guichet-recette',
      COSMOS_MANAGED_IDENTITY_CLIENT_ID: '0a1b2c3d-4e5f-4607-8912-3a4b5c6d7e8f',
    });
    expect(storeConfigOf(config)).toMatchObject({
      database: 'guichet-recette',
      auth: { kind: 'managed-identity', clientId: '0a1b2c3d-4e5f-4607-8912-3a4b5c6d7e8f' },
    });
  });

  it('refuses an account key in production, without echoing it', () => {
    const problems = problemsOf({ ...PRODUCTION, COSMOS_KEY: SECRET_KEY });
    expect(problems).toEqual([expect.stringMatching(/^COSMOS_KEY : interdite en production/)]);
    expect(problems.join('\n')).not.toContain(SECRET_KEY);
    // Even when the store is SQLite: no account key lies around in a production environment.
    expect(problemsOf({ ...PRODUCTION, STORE: 'sqlite', COSMOS_KEY: SECRET_KEY })).toHaveLength(1);
  });

  it('requires an endpoint with STORE=cosmos, https unless a local emulator outside production', () => {
    const { COSMOS_ENDPOINT: _endpoint, ...withoutEndpoint } = PRODUCTION;
    expect(problemsOf(withoutEndpoint)).toEqual([
      expect.stringMatching(/^COSMOS_ENDPOINT : obligatoire quand STORE vaut cosmos/),
    ]);
    expect(problemsOf({ ...PRODUCTION, COSMOS_ENDPOINT: 'http://localhost:8081' })).toEqual([
      expect.stringMatching(/^COSMOS_ENDPOINT : https obligatoire/),
    ]);
    const dev = { STORE: 'cosmos', COSMOS_KEY: SECRET_KEY };
    for (const endpoint of ['http://localhost:8081', 'http://127.0.0.1:8081', 'http://[::1]:8081']) {
      expect(problemsOf({ ...dev, COSMOS_ENDPOINT: endpoint })).toEqual([]);
    }
    expect(problemsOf({ ...dev, COSMOS_ENDPOINT: 'http://cosmos.example.fr' })).toEqual([
      expect.stringMatching(/^COSMOS_ENDPOINT : https obligatoire/),
    ]);
    expect(problemsOf({ ...dev, COSMOS_ENDPOINT: 'pas une url' })[0]).toMatch(/^COSMOS_ENDPOINT : doit être/);
    expect(problemsOf({ ...dev, COSMOS_ENDPOINT: 'https://x', COSMOS_DATABASE: 'a/b' })[0]).toMatch(
      /^COSMOS_DATABASE : doit être un nom/,
    );
  });

  it('signs in with the key on an emulator, else with the default Entra chain outside production', () => {
    const emulator = { STORE: 'cosmos', COSMOS_ENDPOINT: 'http://localhost:8081' };
    expect(storeConfigOf(loadConfig({ ...emulator, COSMOS_KEY: SECRET_KEY })).kind).toBe('cosmos');
    expect(storeConfigOf(loadConfig({ ...emulator, COSMOS_KEY: SECRET_KEY }))).toMatchObject({
      auth: { kind: 'key', key: SECRET_KEY },
    });
    expect(
      storeConfigOf(loadConfig({ STORE: 'cosmos', COSMOS_ENDPOINT: 'https://dev.documents.azure.com' })),
    ).toMatchObject({ auth: { kind: 'default' } });
  });

  it('keeps SQLite as the default store', () => {
    expect(storeConfigOf(loadConfig({ DATA_DIR: '/tmp/x' }))).toEqual({ kind: 'sqlite', dataDir: '/tmp/x' });
  });
});
