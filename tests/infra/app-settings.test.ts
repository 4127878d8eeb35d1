/**
 * The Web App's settings against the service's configuration (bot/src/config/config.ts): every
 * variable the production checks require is set, every name is one the service reads, and
 * loadConfig accepts the whole set as App Service will pass it.
 */
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../bot/src/config/config';
import { appSettingsOf, declarationOf, literal, outputsOf, readInfra } from './bicep-text';

const main = readInfra('azure.bicep');
const settings = appSettingsOf(declarationOf(main, 'webApp'));

/** Settings read by App Service or its build (Oryx), not by Guichet. */
const PLATFORM_SETTINGS = new Set([
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'ApplicationInsightsAgent_EXTENSION_VERSION',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'CUSTOM_BUILD_COMMAND',
]);

const HOST = 'guichet-prod-x7k2qa.azurewebsites.net';
const IDENTITY = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const TENANT = '7f3e9a10-5b2c-4d8e-9f01-2a3b4c5d6e7f';
const API = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';

/** What each non-literal setting's Bicep expression evaluates to in Azure, for a plausible deployment. */
const EVALUATED: Record<string, string> = {
  PUBLIC_URL: `https://${HOST}`, // 'https://${publicHost}'
  COSMOS_ENDPOINT: 'https://guichet-prod-x7k2qa.documents.azure.com:443/', // the account's documentEndpoint
  COSMOS_DATABASE: 'guichet', // cosmosDatabaseName
  COSMOS_MANAGED_IDENTITY_CLIENT_ID: IDENTITY, // identity.properties.clientId
  BOT_CLIENT_ID: IDENTITY, // identity.properties.clientId
  BOT_TENANT_ID: TENANT, // identity.properties.tenantId
  TITULAIRE_TENANT_ID: TENANT, // titulaireTenantId, else the subscription's tenant
  CANUT_TENANT_ID: 'c4a7e2d1-8b3f-4a6c-9e5d-1f2a3b4c5d6e', // canutTenantId
  TITULAIRE_NAME: 'Azurine Services Numériques', // titulaireName
  TITULAIRE_SIRET: '84712905300017', // titulaireSiret
  TITULAIRE_ADDRESS: "12 rue de l'Exemple|69003 Lyon", // titulaireAddress
  SUPPORT_CHANNEL_ID: '', // supportChannelId, empty by default
  TEAMS_APP_ID: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', // teamsAppId, from teamsApp/create
  AUTH_AUDIENCE: `${API},api://${HOST}/${API}`, // '${aadAppClientId},api://${publicHost}/${aadAppClientId}'
  AUTH_CLIENT_ID: API, // aadAppClientId
  AUTH_MANAGED_IDENTITY_CLIENT_ID: IDENTITY, // identity.properties.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING:
    'IngestionEndpoint=https://francecentral-1.in.applicationinsights.azure.com/',
};

/** The environment App Service gives the process (it adds PORT itself). */
function azureEnvironment(): Record<string, string> {
  const env: Record<string, string> = { PORT: '8080' };
  for (const [name, expression] of settings) {
    const value = literal(expression) ?? EVALUATED[name];
    if (value === undefined) throw new Error(`add what ${name} (${expression}) evaluates to in EVALUATED`);
    env[name] = value;
  }
  return env;
}

/** The variables the service's schema declares. */
function configVariables(): Set<string> {
  return new Set(CONFIG_VARIABLES);
}

describe('App Service settings (infra/azure.bicep) against bot/src/config/config.ts', () => {
  it('uses only names the service reads, besides a few platform settings', () => {
    const known = configVariables();
    expect(known.size).toBeGreaterThan(20);
    for (const name of settings.keys())
      expect({ name, known: known.has(name) || PLATFORM_SETTINGS.has(name) }).toEqual({ name, known: true });
    expect(Object.keys(EVALUATED).filter((name) => !settings.has(name))).toEqual([]);
  });

  it("is accepted by loadConfig as a production configuration on Cosmos DB and the bot's managed identity", () => {
    const config = loadConfig(azureEnvironment());
    expect(config).toMatchObject({
      env: 'production',
      store: 'cosmos',
      publicUrl: `https://${HOST}`,
      localSignIn: false,
      demoSeed: false,
      bot: { clientId: IDENTITY, tenantId: TENANT, authType: 'UserManagedIdentity', clientSecret: undefined },
      cosmos: { managedIdentityClientId: IDENTITY, key: undefined },
      auth: { audience: [API, `api://${HOST}/${API}`] },
      // The on-behalf-of exchange signs with the managed identity: no secret in Azure.
      graph: {
        clientId: API,
        managedIdentityClientId: IDENTITY,
        clientSecret: undefined,
        testCaFile: undefined,
      },
    });
    expect(config.auth.openIdConfigUrl).toMatch(/^https:\/\//);
  });

  it('sets every variable whose absence the production checks refuse', () => {
    const env = azureEnvironment();
    const required = [...settings.keys()].filter((name) => {
      const { [name]: _removed, ...without } = env;
      try {
        loadConfig(without);
        return false;
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        expect(err.problems.join('\n')).toContain(name);
        return true;
      }
    });
    // Derived from loadConfig itself; this list only guards against the checks silently vanishing.
    // (NODE_ENV and STORE are not "required": without them the service would run as development
    // on SQLite, which the previous test rules out.)
    for (const name of [
      'PUBLIC_URL',
      'COSMOS_ENDPOINT',
      'BOT_CLIENT_ID',
      'BOT_TENANT_ID',
      'TITULAIRE_TENANT_ID',
      'CANUT_TENANT_ID',
      'AUTH_AUDIENCE',
      'TITULAIRE_NAME',
      'TITULAIRE_SIRET',
      'TITULAIRE_ADDRESS',
    ])
      expect(required).toContain(name);
  });

  it('names one host everywhere: PUBLIC_URL, the API audience, the bot endpoint and the outputs', () => {
    expect(settings.get('PUBLIC_URL')).toBe("'https://${publicHost}'");
    expect(settings.get('AUTH_AUDIENCE')).toBe("'${aadAppClientId},api://${publicHost}/${aadAppClientId}'");
    expect(main).toMatch(/^output APP_DOMAIN string = publicHost$/m);
    expect(main).toMatch(/^output APP_ENDPOINT string = 'https:\/\/\$\{publicHost\}'$/m);
    expect(main).toMatch(/^output BOT_ID string = identity\.properties\.clientId$/m);
    expect(outputsOf(main)).toEqual(
      expect.arrayContaining(['AZURE_APP_SERVICE_RESOURCE_ID', 'APP_DOMAIN', 'BOT_ID', 'COSMOS_ENDPOINT']),
    );
    const parameters = JSON.parse(readInfra('azure.parameters.json')) as {
      parameters: Record<string, { value: string }>;
    };
    expect(parameters.parameters.aadAppClientId?.value).toBe('${{AAD_APP_CLIENT_ID}}');
  });
});
