/**
 * Configuration: embedded defaults without any variable, a clear error naming each bad variable,
 * and a production mode that refuses unsafe settings.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '../../bot/src/config/config';
import { configProblemsOf, PRODUCTION_ENV } from '../support/production-env';

const ROOT = path.resolve(__dirname, '../..');
const PRODUCTION_OK = PRODUCTION_ENV;

const problemsOf = configProblemsOf;

describe('configuration', () => {
  it('needs no variable at all: SQLite under .data, port 3978, anonymous bot, local sign-in, demo data', () => {
    expect(loadConfig({})).toMatchObject({
      env: 'development',
      port: 3978,
      dataDir: '.data',
      store: 'sqlite',
      bot: { clientId: undefined },
      localSignIn: true,
      demoSeed: true,
      publicUrl: 'http://localhost:3978',
    });
  });

  it('names the bad variable and what it got', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual([
      'PORT : doit être un entier entre 1 et 65535 (reçu « abc »)',
    ]);
    expect(problemsOf({ PORT: '70000' })[0]).toMatch(/^PORT : /);
    expect(problemsOf({ BOT_CLIENT_ID: 'my-bot' })[0]).toMatch(
      /^BOT_CLIENT_ID : doit être un identifiant Entra \(GUID\)/,
    );
    expect(problemsOf({ STORE: 'mysql' })[0]).toMatch(/^STORE : doit valoir sqlite ou cosmos/);
    expect(problemsOf({ LOCAL_SIGNIN: 'peut-être' })[0]).toMatch(/^LOCAL_SIGNIN : doit valoir true ou false/);
  });

  it('reports every bad variable at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'loud', NODE_ENV: 'prod' })).toHaveLength(3);
  });

  it('accepts a complete production configuration with local sign-in and demo data off by default', () => {
    expect(loadConfig(PRODUCTION_OK)).toMatchObject({
      env: 'production',
      localSignIn: false,
      demoSeed: false,
    });
  });

  it('refuses production without bot credentials', () => {
    const { BOT_CLIENT_ID: _id, ...env } = PRODUCTION_OK;
    expect(problemsOf(env)).toContainEqual(
      expect.stringMatching(/^BOT_CLIENT_ID : obligatoire en production/),
    );
  });

  it('refuses production with the local sign-in enabled', () => {
    expect(problemsOf({ ...PRODUCTION_OK, LOCAL_SIGNIN: 'true' })).toEqual([
      'LOCAL_SIGNIN : la connexion locale est interdite en production',
    ]);
  });

  it("requires the Titulaire's printed identity in production, and all of it when any is given", () => {
    const { TITULAIRE_SIRET: _siret, ...env } = PRODUCTION_OK;
    expect(problemsOf(env)).toEqual([
      'TITULAIRE_SIRET : obligatoire en production (identité imprimée sur les devis et bons de commande)',
    ]);
    expect(problemsOf({ TITULAIRE_NAME: 'Ma société' })).toHaveLength(2);
    expect(problemsOf({ TITULAIRE_SIRET: '84712905300018' })[0]).toMatch(/^TITULAIRE_SIRET : SIRET invalide/);
  });

  it('prints the configured Titulaire, and the demo company when none is configured', () => {
    expect(loadConfig({}).titulaire.name).toBe('Azurine Services Numériques');
    expect(loadConfig(PRODUCTION_OK).titulaire).toMatchObject({
      siret: '84712905300017',
      address: ["12 rue de l'Exemple", '69003 Lyon'],
    });
  });

  it('refuses a client secret auth type without the secret', () => {
    expect(problemsOf({ BOT_CLIENT_ID: PRODUCTION_OK.BOT_CLIENT_ID, BOT_AUTH_TYPE: 'ClientSecret' })).toEqual(
      ['BOT_CLIENT_SECRET : obligatoire quand BOT_AUTH_TYPE vaut ClientSecret'],
    );
  });

  it('stops the service with exit code 2 and a message naming the variable', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bot/src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: 'quatre' },
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Configuration invalide');
    expect(run.stderr).toContain('PORT : doit être un entier');
  });

  it('refuses to start in production without credentials', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bot/src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', LOCAL_SIGNIN: 'true' },
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('BOT_CLIENT_ID : obligatoire en production');
    expect(run.stderr).toContain('LOCAL_SIGNIN : la connexion locale est interdite en production');
  });
});
