/**
 * The Azure templates, read as text since the Bicep CLI cannot run here: the settings that keep the
 * data in the EU and reachable only by Guichet's identity (DESIGN.md, "Data duties"), and the shape
 * of the store the Cosmos adapter expects.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PARTITION_KEY_PATH } from '../../bot/src/store/cosmos/cosmos-provisioning';
import { CONTAINERS } from '../../bot/src/store/port';
import { cosmosIndexingPolicies } from '../../infra/write-cosmos-indexing';
import {
  appSettingsOf,
  declarationOf,
  paramsOf,
  propertyOf,
  readInfra,
  resourceTypeOf,
  stringsOf,
  type BicepParam,
} from './bicep-text';

const ROOT = path.resolve(__dirname, '../..');
const main = readInfra('azure.bicep');
const cosmos = readInfra('cosmos.bicep');
const parameters = JSON.parse(readInfra('azure.parameters.json')) as {
  parameters: Record<string, { value: string }>;
};
const webApp = declarationOf(main, 'webApp');
const settings = appSettingsOf(webApp);

/** Azure regions inside the European Union. */
const EU_REGIONS = new Set([
  'francecentral',
  'francesouth',
  'westeurope',
  'northeurope',
  'germanywestcentral',
  'germanynorth',
  'swedencentral',
  'swedensouth',
  'italynorth',
  'polandcentral',
  'spaincentral',
]);

const param = (bicep: string, name: string): BicepParam => {
  const found = paramsOf(bicep).find((p) => p.name === name);
  if (!found) throw new Error(`no param ${name}`);
  return found;
};

describe('Azure templates (infra/*.bicep, read as text)', () => {
  it('restricts every region to the EU with @allowed, and places every resource with such a parameter', () => {
    for (const bicep of [main, cosmos]) {
      const regionParams = paramsOf(bicep).filter((p) => /location$/i.test(p.name));
      expect(regionParams.length).toBeGreaterThan(1);
      for (const { name, allowed, defaultValue } of regionParams) {
        expect({ name, allowed: allowed?.length }).toEqual({ name, allowed: expect.any(Number) });
        // Azure Bot's only choices are "global" and its EU data-residency region: it stores no business data.
        const nonEu = allowed!.filter((region) => !EU_REGIONS.has(region));
        expect({ name, nonEu }).toEqual({ name, nonEu: name === 'botLocation' ? ['global'] : [] });
        if (defaultValue) expect(allowed).toContain(defaultValue.replace(/'/g, ''));
      }
      const regionNames = new Set(regionParams.map((p) => p.name));
      const placements = [...bicep.matchAll(/^\s*location(?:Name)?: (.+)$/gm)].map((m) => m[1]!.trim());
      expect(placements.length).toBeGreaterThan(0);
      for (const placement of placements)
        expect({ placement, ok: regionNames.has(placement) }).toMatchObject({ ok: true });
    }
    for (const [name, { value }] of Object.entries(parameters.parameters))
      if (/location$/i.test(name)) expect(param(main, name).allowed).toContain(value);
  });

  it('keeps Cosmos DB (NoSQL) in France Central, failing over to an EU region only', () => {
    for (const [bicep, primary, failover] of [
      [main, 'cosmosPrimaryLocation', 'cosmosFailoverLocation'],
      [cosmos, 'primaryLocation', 'failoverLocation'],
    ] as const) {
      expect(param(bicep, primary).allowed).toEqual(['francecentral']);
      const failovers = param(bicep, failover).allowed!;
      expect(failovers.every((region) => EU_REGIONS.has(region) && region !== 'francecentral')).toBe(true);
      expect(param(bicep, failover).defaultValue ?? "'francesouth'").toBe("'francesouth'");
    }
    const account = declarationOf(cosmos, 'cosmos');
    expect(resourceTypeOf(cosmos, 'cosmos')).toMatch(/^Microsoft\.DocumentDB\/databaseAccounts@/);
    expect(propertyOf(account, 'kind')).toBe("'GlobalDocumentDB'");
    expect(account).toMatch(/locationName: primaryLocation\s+failoverPriority: 0/);
    expect(account).toMatch(/locationName: failoverLocation\s+failoverPriority: 1/);
    expect([...account.matchAll(/locationName:/g)]).toHaveLength(2);
    expect(propertyOf(account, 'enableAutomaticFailover')).toBe('true');
    const module = declarationOf(main, 'cosmos');
    expect(propertyOf(module, 'primaryLocation')).toBe('cosmosPrimaryLocation');
    expect(propertyOf(module, 'failoverLocation')).toBe('cosmosFailoverLocation');
  });

  it('protects the Cosmos DB data: continuous backup, no account keys, TLS 1.2 minimum', () => {
    const account = declarationOf(cosmos, 'cosmos');
    expect(account).toMatch(/backupPolicy: \{\s+type: 'Continuous'/);
    expect(propertyOf(account, 'tier')).toBe("'Continuous30Days'");
    expect(propertyOf(account, 'disableLocalAuth')).toBe('true');
    expect(propertyOf(account, 'disableKeyBasedMetadataWriteAccess')).toBe('true');
    expect(propertyOf(account, 'minimalTlsVersion')).toBe("'Tls12'");
  });

  it('creates every container of the store port on /pk, with the composite indexes its queries need', () => {
    const names = /^var containerNames = (\[[^\]]*\])/m.exec(cosmos)?.[1] ?? '';
    expect(stringsOf(names)).toEqual([...CONTAINERS]);
    const containers = declarationOf(cosmos, 'containers');
    expect(containers).toMatch(/^\[\s+for name in containerNames: \{/);
    expect(PARTITION_KEY_PATH).toBe('/pk');
    expect(stringsOf(/paths: (\[[^\]]*\])/.exec(containers)?.[1] ?? '')).toEqual([PARTITION_KEY_PATH]);
    expect(propertyOf(containers, 'version')).toBe('2');
    expect(propertyOf(containers, 'indexingPolicy')).toBe('indexingPolicies[name]');
    expect(cosmos).toMatch(/^var indexingPolicies = loadJsonContent\('cosmos-indexing\.json'\)$/m);
    // Regenerate with `npx tsx infra/write-cosmos-indexing.ts` when a sort shape changes.
    expect(JSON.parse(readInfra('cosmos-indexing.json'))).toEqual(cosmosIndexingPolicies());
  });

  it("grants the service's identity Cosmos DB's built-in Data Contributor role, on Guichet's database only", () => {
    const role = declarationOf(cosmos, 'cosmosDataRole');
    expect(resourceTypeOf(cosmos, 'cosmosDataRole')).toMatch(/\/sqlRoleAssignments@/);
    expect(cosmos).toMatch(/^var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'$/m);
    expect(propertyOf(role, 'roleDefinitionId')).toBe(
      "'${cosmos.id}/sqlRoleDefinitions/${dataContributorRoleId}'",
    );
    expect(propertyOf(role, 'principalId')).toBe('dataContributorPrincipalId');
    expect(propertyOf(role, 'scope')).toBe("'${cosmos.id}/dbs/${databaseName}'");
    const module = declarationOf(main, 'cosmos');
    expect(propertyOf(module, 'dataContributorPrincipalId')).toBe('identity.properties.principalId');
    // The same user-assigned identity signs the service in: the Web App has no other one.
    expect(settings.get('COSMOS_MANAGED_IDENTITY_CLIENT_ID')).toBe('identity.properties.clientId');
    expect(webApp).toMatch(/type: 'UserAssigned'\s+userAssignedIdentities: \{\s+'\$\{identity\.id\}': \{\}/);
  });

  it('runs the Web App on Linux, Node 22 LTS, HTTPS only, without FTP, always on, health-checked on /healthz', () => {
    expect(propertyOf(webApp, 'httpsOnly')).toBe('true');
    expect(propertyOf(webApp, 'linuxFxVersion')).toBe("'NODE|22-lts'");
    expect(propertyOf(webApp, 'ftpsState')).toBe("'Disabled'");
    expect(propertyOf(webApp, 'alwaysOn')).toBe('true');
    expect(propertyOf(webApp, 'minTlsVersion')).toBe("'1.2'");
    expect(propertyOf(webApp, 'healthCheckPath')).toBe("'/healthz'");
    expect(readFileSync(path.join(ROOT, 'bot/src/http/server.ts'), 'utf8')).toContain(
      "server.get('/healthz'",
    );
    expect(propertyOf(declarationOf(main, 'plan'), 'reserved')).toBe('true');
    for (const policy of ['ftpCredentials', 'scmCredentials']) {
      expect(resourceTypeOf(main, policy)).toMatch(
        /^Microsoft\.Web\/sites\/basicPublishingCredentialsPolicies@/,
      );
      expect(propertyOf(declarationOf(main, policy), 'allow')).toBe('false');
    }
    // The start command runs what `npm run build` compiles (tsconfig.build.json: rootDir ".", outDir "dist").
    expect(propertyOf(webApp, 'appCommandLine')).toBe("'node dist/bot/src/main.js'");
    expect(existsSync(path.join(ROOT, 'bot/src/main.ts'))).toBe(true);
  });

  it('registers the bot with its user-assigned managed identity and enables the Teams channel', () => {
    const bot = declarationOf(main, 'bot');
    expect(propertyOf(bot, 'msaAppType')).toBe("'UserAssignedMSI'");
    expect(propertyOf(bot, 'msaAppId')).toBe('identity.properties.clientId');
    expect(propertyOf(bot, 'msaAppMSIResourceId')).toBe('identity.id');
    expect(propertyOf(bot, 'endpoint')).toBe("'https://${publicHost}/api/messages'");
    expect(settings.get('BOT_CLIENT_ID')).toBe(propertyOf(bot, 'msaAppId'));
    expect(settings.get('BOT_AUTH_TYPE')).toBe("'UserManagedIdentity'");
    const teams = declarationOf(main, 'teamsChannel');
    expect(propertyOf(teams, 'channelName')).toBe("'MsTeamsChannel'");
    expect(propertyOf(teams, 'isEnabled')).toBe('true');
  });

  it('keeps the logs in the EU: Log Analytics, Application Insights and the diagnostic settings', () => {
    for (const symbol of ['logs', 'appInsights', 'keyVault', 'plan', 'webApp', 'identity'])
      expect({ symbol, location: propertyOf(declarationOf(main, symbol), 'location') }).toEqual({
        symbol,
        location: 'location',
      });
    expect(propertyOf(declarationOf(main, 'appInsights'), 'WorkspaceResourceId')).toBe('logs.id');
    for (const symbol of ['webAppDiagnostics', 'keyVaultDiagnostics'])
      expect(propertyOf(declarationOf(main, symbol), 'workspaceId')).toBe('logs.id');
    expect(propertyOf(declarationOf(cosmos, 'cosmosDiagnostics'), 'workspaceId')).toBe(
      'logAnalyticsWorkspaceId',
    );
    expect(propertyOf(declarationOf(main, 'cosmos'), 'logAnalyticsWorkspaceId')).toBe('logs.id');
  });

  it('keeps a Key Vault for remaining secrets: RBAC only, soft delete, purge protection, readable by the identity', () => {
    const vault = declarationOf(main, 'keyVault');
    expect(propertyOf(vault, 'enableRbacAuthorization')).toBe('true');
    expect(propertyOf(vault, 'enableSoftDelete')).toBe('true');
    expect(propertyOf(vault, 'enablePurgeProtection')).toBe('true');
    expect(main).toMatch(/^var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'$/m);
    expect(propertyOf(declarationOf(main, 'keyVaultSecretsUser'), 'principalId')).toBe(
      'identity.properties.principalId',
    );
    expect(propertyOf(webApp, 'keyVaultReferenceIdentity')).toBe('identity.id');
  });

  it('holds no secret: no key listing, no password, no secret parameter, setting or placeholder', () => {
    const texts = ['azure.bicep', 'cosmos.bicep', 'azure.parameters.json', 'cosmos-indexing.json'].map(
      readInfra,
    );
    for (const text of texts) {
      expect(text).not.toMatch(
        /listKeys\(|listConnectionStrings\(|listCredentials\(|primaryMasterKey|AccountKey=|SharedAccessKey|InstrumentationKey=|@secure\(\)|\b(password|clientSecret|secret)\s*[:=]/i,
      );
      expect(text).not.toContain('${{SECRET_');
    }
    for (const name of settings.keys()) expect(name).not.toMatch(/SECRET|PASSWORD|_KEY$/);
    // Every parameter value is either an EU region or a placeholder for a non-secret env variable.
    for (const [name, { value }] of Object.entries(parameters.parameters))
      expect({ name, value }).toEqual({
        name,
        value: expect.stringMatching(/^([a-z]+|[^$]*\$\{\{[A-Z_]+\}\}[^$]*)$/),
      });
  });
});
