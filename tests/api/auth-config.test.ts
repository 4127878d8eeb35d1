/**
 * The sign-in settings: Entra's multi-tenant metadata by default, the API's audience, the local
 * sign-in on only without Entra configuration, and never in production.
 */
import { ConfigError, ENTRA_OPENID_CONFIG_URL, loadConfig } from '../../bot/src/config/config';

const PRODUCTION = {
  NODE_ENV: 'production',
  BOT_CLIENT_ID: '5e1d2c3b-4a59-4687-9123-0a1b2c3d4e5f',
  BOT_TENANT_ID: '6f2e3d4c-5b6a-4798-8234-1b2c3d4e5f60',
  BOT_AUTH_TYPE: 'UserManagedIdentity',
  TITULAIRE_TENANT_ID: '7f3e9a10-5b2c-4d8e-9f01-2a3b4c5d6e7f',
  CANUT_TENANT_ID: 'c4a7e2d1-8b3f-4a6c-9e5d-1f2a3b4c5d6e',
  PUBLIC_URL: 'https://guichet.example.fr',
  AUTH_AUDIENCE: 'api://guichet.example.fr/5e1d2c3b-4a59-4687-9123-0a1b2c3d4e5f',
  TITULAIRE_NAME: 'Azurine Services Numériques',
  TITULAIRE_SIRET: '84712905300017',
  TITULAIRE_ADDRESS: "12 rue de l'Exemple|69003 Lyon",
};

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('sign-in configuration', () => {
  it('defaults to the local sign-in and Entra’s multi-tenant metadata', () => {
    expect(loadConfig({})).toMatchObject({
      localSignIn: true,
      auth: { openIdConfigUrl: ENTRA_OPENID_CONFIG_URL, audience: [], localSignInPort: 0 },
    });
    expect(ENTRA_OPENID_CONFIG_URL).toBe(
      'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    );
  });

  it('turns the local sign-in off once the API has an Entra audience, unless asked for', () => {
    const audience = { AUTH_AUDIENCE: 'api://guichet.example.fr/5e1d2c3b-4a59-4687-9123-0a1b2c3d4e5f' };
    expect(loadConfig(audience)).toMatchObject({
      localSignIn: false,
      auth: { audience: [audience.AUTH_AUDIENCE] },
    });
    expect(loadConfig({ ...audience, LOCAL_SIGNIN: 'true' }).localSignIn).toBe(true);
  });

  it('reads several audiences separated by commas', () => {
    expect(
      loadConfig({
        AUTH_AUDIENCE:
          'api://guichet.example.fr/5e1d2c3b-4a59-4687-9123-0a1b2c3d4e5f, 5e1d2c3b-4a59-4687-9123-0a1b2c3d4e5f',
      }).auth.audience,
    ).toEqual([
      'api://guichet.example.fr/5e1d2c3b-4a59-4687-9123-0a1b2c3d4e5f',
      '5e1d2c3b-4a59-4687-9123-0a1b2c3d4e5f',
    ]);
  });

  it('names bad sign-in variables in French', () => {
    expect(problemsOf({ AUTH_AUDIENCE: 'guichet' })[0]).toMatch(
      /^AUTH_AUDIENCE : doit être l'URI d'application/,
    );
    expect(problemsOf({ AUTH_OPENID_CONFIG_URL: 'login' })[0]).toMatch(
      /^AUTH_OPENID_CONFIG_URL : doit être une URL/,
    );
    expect(problemsOf({ LOCAL_SIGNIN_PORT: '-1' })[0]).toMatch(
      /^LOCAL_SIGNIN_PORT : doit être un entier entre 0 et 65535/,
    );
  });

  it('accepts a production configuration with an audience, local sign-in off', () => {
    expect(loadConfig(PRODUCTION)).toMatchObject({
      localSignIn: false,
      auth: { audience: [PRODUCTION.AUTH_AUDIENCE] },
    });
  });

  it('refuses production without AUTH_AUDIENCE', () => {
    const { AUTH_AUDIENCE: _audience, ...env } = PRODUCTION;
    expect(problemsOf(env)).toEqual([
      "AUTH_AUDIENCE : obligatoire en production (api://<domaine>/<id client> de l'API)",
    ]);
  });

  it('refuses production with the local sign-in enabled', () => {
    expect(problemsOf({ ...PRODUCTION, LOCAL_SIGNIN: 'true' })).toEqual([
      'LOCAL_SIGNIN : la connexion locale est interdite en production',
    ]);
  });

  it('refuses a plain-http OpenID provider in production', () => {
    expect(
      problemsOf({
        ...PRODUCTION,
        AUTH_OPENID_CONFIG_URL: 'http://idp.example/.well-known/openid-configuration',
      }),
    ).toEqual(['AUTH_OPENID_CONFIG_URL : https obligatoire en production']);
  });
});
