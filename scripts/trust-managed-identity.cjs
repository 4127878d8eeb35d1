#!/usr/bin/env node
/**
 * Provision step (teamsapp.yml): lets the API's Entra app registration trust the Web App's
 * user-assigned managed identity through a federated identity credential, so that the on-behalf-of
 * exchange (the tab's Microsoft 365 profile) needs no client secret. The Toolkit's aad manifest cannot
 * hold federated credentials, hence the Azure CLI (a prerequisite of provisioning).
 *
 *   node scripts/trust-managed-identity.cjs AAD_APP_CLIENT_ID BOT_TENANT_ID MANAGED_IDENTITY_PRINCIPAL_ID
 *
 * (teamsapp.yml passes them as ${{…}}; without arguments they are read from the environment.) Idempotent: an existing credential of the same name is kept when it
 * says the same, replaced when it does not.
 */
const { execFileSync } = require('node:child_process');

const NAME = 'guichet-web-app';

/** The credential the API app must hold for the managed identity `principalId` of `tenantId`. */
function wantedCredential(tenantId, principalId) {
  return {
    name: NAME,
    issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`,
    subject: principalId,
    audiences: ['api://AzureADTokenExchange'],
    description: "Web App de Guichet : échange on-behalf-of sans secret (profil Microsoft 365 de l'onglet)",
  };
}

function az(args) {
  const out = execFileSync(process.env.AZ_CLI || 'az', [...args, '--output', 'json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim() ? JSON.parse(out) : undefined;
}

function sameCredential(existing, wanted) {
  return (
    existing.issuer === wanted.issuer &&
    existing.subject === wanted.subject &&
    JSON.stringify(existing.audiences) === JSON.stringify(wanted.audiences)
  );
}

function main() {
  const names = ['AAD_APP_CLIENT_ID', 'BOT_TENANT_ID', 'MANAGED_IDENTITY_PRINCIPAL_ID'];
  const values = Object.fromEntries(names.map((name, i) => [name, process.argv[2 + i] || process.env[name]]));
  const missing = names.filter((name) => !values[name]);
  if (missing.length > 0) {
    process.stderr.write(
      `Variables manquantes (lancez d'abord aadApp/create et arm/deploy) : ${missing.join(', ')}\n`,
    );
    process.exit(2);
  }
  const app = values.AAD_APP_CLIENT_ID;
  const wanted = wantedCredential(values.BOT_TENANT_ID, values.MANAGED_IDENTITY_PRINCIPAL_ID);
  const existing = (az(['ad', 'app', 'federated-credential', 'list', '--id', app]) || []).find(
    (c) => c.name === NAME,
  );
  if (existing && sameCredential(existing, wanted)) {
    process.stdout.write(`Identité managée déjà approuvée par l'application ${app} (${NAME}).\n`);
    return;
  }
  if (existing) {
    az([
      'ad',
      'app',
      'federated-credential',
      'delete',
      '--id',
      app,
      '--federated-credential-id',
      existing.id,
    ]);
  }
  az(['ad', 'app', 'federated-credential', 'create', '--id', app, '--parameters', JSON.stringify(wanted)]);
  process.stdout.write(
    `Identité managée ${wanted.subject} approuvée par l'application ${app} (${NAME}).` + '\n',
  );
}

main();
