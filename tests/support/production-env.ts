/**
 * A complete production environment for configuration tests, and the helper that lists what
 * `loadConfig` refuses in an environment.
 */
import { ConfigError, loadConfig } from '../../bot/src/config/config';

/** Every variable production requires, with plausible values (no secret: the bot uses a managed identity). */
export const PRODUCTION_ENV = {
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
} as const;

/** The problems `loadConfig` reports for `env`, or [] when it accepts it. */
export function configProblemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}
