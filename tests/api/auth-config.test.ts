/**
 * The sign-in settings: Entra's multi-tenant metadata by default, the API's audience, the local
 * sign-in on only without Entra configuration, and never in production.
 */
import { ENTRA_OPENID_CONFIG_URL, loadConfig } from '../../bot/src/config/config';
import { configProblemsOf, PRODUCTION_ENV } from '../support/production-env';

const PRODUCTION = PRODUCTION_ENV;

const problemsOf = configProblemsOf;

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
