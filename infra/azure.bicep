// Guichet in Azure: everything `atk provision` creates in one resource group (see README.md,
// "Déployer sur Azure"). Data duties (DESIGN.md, Article 6): business data at rest stays in the EU,
// in France Central with an EU-only failover region; no key or password is issued to the service,
// which reaches Cosmos DB and the Bot Framework with its user-assigned managed identity.

@description('Prefix of the resource names: 4 to 20 lowercase letters, digits or hyphens.')
@minLength(4)
@maxLength(20)
param resourceBaseName string

@description('Region of App Service, Key Vault and the logs. EU regions only.')
@allowed([
  'francecentral'
  'westeurope'
  'northeurope'
  'germanywestcentral'
  'swedencentral'
])
param location string = 'francecentral'

@description('Write region of Cosmos DB, where the business data lives (DESIGN.md: France Central).')
@allowed([
  'francecentral'
])
param cosmosPrimaryLocation string = 'francecentral'

@description('Failover (read) region of Cosmos DB. EU regions only; France South is France Central\'s pair.')
@allowed([
  'francesouth'
  'westeurope'
  'northeurope'
  'germanywestcentral'
  'swedencentral'
])
param cosmosFailoverLocation string = 'francesouth'

@description('Zone redundancy of the Cosmos DB write region (costs more; capacity is not always available).')
param cosmosZoneRedundant bool = false

@description('Maximum autoscale throughput shared by the database\'s containers, in RU/s (scales down to a tenth).')
@minValue(1000)
param cosmosMaxThroughput int = 1000

@description('Azure Bot data residency: "westeurope" keeps the Bot Service\'s processing in the EU; "global" is the default. The bot stores no business data.')
@allowed([
  'global'
  'westeurope'
])
param botLocation string = 'global'

@description('Azure Bot pricing tier; the Teams channel is a standard channel, free on F0.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('App Service plan tier (Basic or more: "always on" needs it).')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
  'P2v3'
])
param webAppSku string = 'P0v3'

@maxLength(42)
param botDisplayName string = 'Guichet'

@description('Client id of the Entra app of the API (aadApp/create): the accepted token audience.')
@minLength(36)
@maxLength(36)
param aadAppClientId string

@description('Entra tenant of the Titulaire; empty: this subscription\'s tenant.')
param titulaireTenantId string = ''

@description('Entra tenant of the CANUT.')
@minLength(36)
@maxLength(36)
param canutTenantId string

@description('Legal name of the Titulaire, printed on quotes and orders.')
@minLength(2)
param titulaireName string

@description('SIRET of the Titulaire (14 digits), printed on quotes and orders.')
@minLength(14)
@maxLength(14)
param titulaireSiret string

@description('Registered address of the Titulaire, lines separated by |.')
@minLength(3)
param titulaireAddress string

@description('Conversation id of the Titulaire\'s support channel (optional).')
param supportChannelId string = ''

@description('Id of the Teams app (manifest id), for deep links from cards into the tab.')
param teamsAppId string = ''

@description('Custom domain already bound to the Web App with its certificate (optional).')
param customDomain string = ''

@description('Name of the Cosmos DB database; the service reads it from COSMOS_DATABASE.')
param cosmosDatabaseName string = 'guichet'

// Globally unique names get a suffix derived from the resource group.
var suffix = take(uniqueString(resourceGroup().id), 6)
var webAppName = '${resourceBaseName}-${suffix}'
var publicHost = empty(customDomain) ? '${webAppName}.azurewebsites.net' : customDomain
var titulaireTenant = empty(titulaireTenantId) ? tenant().tenantId : titulaireTenantId

// Built-in role ids.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

// One identity for the bot (Bot Framework tokens), Cosmos DB and Key Vault: nothing to rotate.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 90
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

module cosmos 'cosmos.bicep' = {
  name: 'guichet-cosmos'
  params: {
    accountName: '${resourceBaseName}-${suffix}'
    primaryLocation: cosmosPrimaryLocation
    failoverLocation: cosmosFailoverLocation
    zoneRedundant: cosmosZoneRedundant
    maxThroughput: cosmosMaxThroughput
    databaseName: cosmosDatabaseName
    dataContributorPrincipalId: identity.properties.principalId
    logAnalyticsWorkspaceId: logs.id
  }
}

// For any secret that remains (none today): RBAC only, purge protection, audited.
resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${take(replace(resourceBaseName, '-', ''), 13)}-${suffix}'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/bot/src/main.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      // Every variable the service reads in production (bot/src/config/config.ts).
      appSettings: [
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          name: 'PUBLIC_URL'
          value: 'https://${publicHost}'
        }
        {
          name: 'LOG_LEVEL'
          value: 'info'
        }
        {
          name: 'STORE'
          value: 'cosmos'
        }
        {
          name: 'COSMOS_ENDPOINT'
          value: cosmos.outputs.endpoint
        }
        {
          name: 'COSMOS_DATABASE'
          value: cosmosDatabaseName
        }
        {
          // The Web App has no system-assigned identity: name the user-assigned one.
          name: 'COSMOS_MANAGED_IDENTITY_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'BOT_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'BOT_TENANT_ID'
          value: identity.properties.tenantId
        }
        {
          name: 'BOT_AUTH_TYPE'
          value: 'UserManagedIdentity'
        }
        {
          name: 'TITULAIRE_TENANT_ID'
          value: titulaireTenant
        }
        {
          name: 'CANUT_TENANT_ID'
          value: canutTenantId
        }
        {
          name: 'TITULAIRE_NAME'
          value: titulaireName
        }
        {
          name: 'TITULAIRE_SIRET'
          value: titulaireSiret
        }
        {
          name: 'TITULAIRE_ADDRESS'
          value: titulaireAddress
        }
        {
          name: 'SUPPORT_CHANNEL_ID'
          value: supportChannelId
        }
        {
          name: 'TEAMS_APP_ID'
          value: teamsAppId
        }
        {
          name: 'AUTH_OPENID_CONFIG_URL'
          value: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration'
        }
        {
          name: 'AUTH_AUDIENCE'
          value: '${aadAppClientId},api://${publicHost}/${aadAppClientId}'
        }
        {
          // The user's Microsoft 365 profile (on-behalf-of exchange for Graph): the API's Entra app
          // proves itself with this identity's token, which its federated identity credential trusts.
          name: 'AUTH_CLIENT_ID'
          value: aadAppClientId
        }
        {
          name: 'AUTH_MANAGED_IDENTITY_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'LOCAL_SIGNIN'
          value: 'false'
        }
        {
          name: 'DEMO_SEED'
          value: 'false'
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
          value: '~3'
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
        {
          name: 'CUSTOM_BUILD_COMMAND'
          value: 'npm ci --omit=dev --no-audit --no-fund'
        }
      ]
    }
  }
}

// No FTP and no basic-auth deployment: deployments authenticate with Entra ID.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot-${suffix}'
  location: botLocation
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${publicHost}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: botLocation
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

// Platform logs go to the EU workspace too (Cosmos DB's own are set in cosmos.bicep). The
// service's pino output arrives as AppServiceConsoleLogs.
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: webApp
  name: 'to-log-analytics'
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        // Who signed in to deploy or to the SCM site.
        category: 'AppServiceAuditLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

resource keyVaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: keyVault
  name: 'to-log-analytics'
  properties: {
    workspaceId: logs.id
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

// Written by arm/deploy into env/.env.<env>; none of them is a secret.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output APP_DOMAIN string = publicHost
output APP_ENDPOINT string = 'https://${publicHost}'
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
// Subject of the Entra app's federated identity credential (README, "Profil Microsoft 365").
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output COSMOS_DATABASE string = cosmosDatabaseName
output KEY_VAULT_NAME string = keyVault.name
