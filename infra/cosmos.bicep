// Cosmos DB for NoSQL: the store of Guichet's business data (bot/src/store/port.ts), kept in the EU.
// Called by azure.bicep; the regions are restricted here as well, so the module cannot be reused
// with a region outside the EU.

@description('Globally unique account name: lowercase letters, digits and hyphens.')
param accountName string

@description('Write region, where the business data lives (DESIGN.md: France Central).')
@allowed([
  'francecentral'
])
param primaryLocation string

@description('Failover (read) region. EU regions only.')
@allowed([
  'francesouth'
  'westeurope'
  'northeurope'
  'germanywestcentral'
  'swedencentral'
])
param failoverLocation string

param zoneRedundant bool
param maxThroughput int
param databaseName string

@description('Principal id of the identity that reads and writes the data (the service\'s).')
param dataContributorPrincipalId string

param logAnalyticsWorkspaceId string

// The containers of the store port (bot/src/store/port.ts), each partitioned on /pk.
var containerNames = [
  'beneficiaries'
  'staff'
  'conversations'
  'business'
  'catalogue'
  'counters'
  'views'
]

// Per container: range index on every path plus the composite indexes its sorted queries need,
// generated from bot/src/store/cosmos/cosmos-indexing.ts by write-cosmos-indexing.ts. The service's
// data-plane identity cannot add an index, and refuses to start when one is missing.
var indexingPolicies = loadJsonContent('cosmos-indexing.json')

var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: primaryLocation
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    // Both regions in the EU; the account fails over to the second one on a regional outage.
    locations: [
      {
        locationName: primaryLocation
        failoverPriority: 0
        isZoneRedundant: zoneRedundant
      }
      {
        locationName: failoverLocation
        failoverPriority: 1
        isZoneRedundant: false
      }
    ]
    enableAutomaticFailover: true
    enableMultipleWriteLocations: false
    // Point-in-time restore of any second of the last 30 days.
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: 'Continuous30Days'
      }
    }
    // No account keys: only Entra identities with a data-plane role reach the data.
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: {
      autoscaleSettings: {
        maxThroughput: maxThroughput
      }
    }
  }
}

// Created here: with local auth disabled, the service's identity cannot create containers itself.
resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for name in containerNames: {
    parent: database
    name: name
    properties: {
      resource: {
        id: name
        partitionKey: {
          paths: [
            '/pk'
          ]
          kind: 'Hash'
          version: 2
        }
        indexingPolicy: indexingPolicies[name]
      }
    }
  }
]

// Cosmos DB Built-in Data Contributor, limited to Guichet's database.
resource cosmosDataRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, dataContributorPrincipalId, dataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: dataContributorPrincipalId
    scope: '${cosmos.id}/dbs/${databaseName}'
  }
  dependsOn: [
    database
  ]
}

// Data-plane and control-plane requests, for the audit trail, in the EU workspace.
resource cosmosDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: cosmos
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      {
        category: 'DataPlaneRequests'
        enabled: true
      }
      {
        category: 'ControlPlaneRequests'
        enabled: true
      }
    ]
  }
}

output endpoint string = cosmos.properties.documentEndpoint
