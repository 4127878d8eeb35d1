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

  describe('on-behalf-of exchange for Microsoft Graph', () => {
    const API_CLIENT_ID = '5e1d2c3b-4a59-4687-9123-0a1b2c3d4e5f';

    it('is off by default, and points at the public cloud when on', () => {
      expect(loadConfig({}).graph).toEqual({
        clientId: undefined,
        clientSecret: undefined,
        managedIdentityClientId: undefined,
        authorityHost: 'https://login.microsoftonline.com',
        baseUrl: 'https://graph.microsoft.com/',
        testCaFile: undefined,
      });
      const managedIdentity = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
      expect(
        loadConfig({
          ...PRODUCTION_OK,
          AUTH_CLIENT_ID: API_CLIENT_ID,
          AUTH_MANAGED_IDENTITY_CLIENT_ID: managedIdentity,
        }).graph,
      ).toMatchObject({ clientId: API_CLIENT_ID, managedIdentityClientId: managedIdentity });
    });

    it('refuses a client secret in production, without echoing it', () => {
      const problems = problemsOf({
        ...PRODUCTION_OK,
        AUTH_CLIENT_ID: API_CLIENT_ID,
        AUTH_CLIENT_SECRET: 's3cr3t~',
      });
      expect(problems).toEqual([expect.stringMatching(/^AUTH_CLIENT_SECRET : interdit en production, /)]);
      expect(problems.join('\n')).not.toContain('s3cr3t~');
      expect(problemsOf({ AUTH_CLIENT_ID: API_CLIENT_ID, AUTH_CLIENT_SECRET: 's3cr3t~' })).toEqual([]);
    });

    it('refuses the test certificate authority in production', () => {
      expect(problemsOf({ ...PRODUCTION_OK, MICROSOFT_TEST_CA_FILE: '/tmp/test-ca.pem' })).toEqual([
        'MICROSOFT_TEST_CA_FILE : réservé aux tests, interdit en production',
      ]);
    });

    it('talks to Entra and Graph over https only', () => {
      expect(
        problemsOf({
          AUTH_AUTHORITY_HOST: 'http://127.0.0.1:8443',
          GRAPH_BASE_URL: 'http://127.0.0.1:8444/',
        }),
      ).toEqual([
        'AUTH_AUTHORITY_HOST : https obligatoire (https://login.microsoftonline.com)',
        'GRAPH_BASE_URL : https obligatoire (https://graph.microsoft.com/)',
      ]);
      expect(problemsOf({ GRAPH_BASE_URL: 'graph' })[0]).toMatch(
        /^GRAPH_BASE_URL : doit être une URL absolue/,
      );
    });

    it('exchanges with the API’s own app registration, the one AUTH_AUDIENCE names', () => {
      expect(
        problemsOf({ ...PRODUCTION_OK, AUTH_CLIENT_ID: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e' }),
      ).toEqual([
        "AUTH_CLIENT_ID : doit être l'application de l'API, celle que nomme AUTH_AUDIENCE (api://<domaine>/<id client>)",
      ]);
      expect(problemsOf({ ...PRODUCTION_OK, AUTH_CLIENT_ID: API_CLIENT_ID.toUpperCase() })).toEqual([]);
    });
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
