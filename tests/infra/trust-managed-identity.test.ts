/**
 * scripts/trust-managed-identity.cjs, the provision step that lets the API's app registration trust the
 * Web App's managed identity: run against a stand-in `az` (a small Node program keeping the app's
 * federated credentials in a JSON file), since the Azure CLI and Entra are not reachable here.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../scripts/trust-managed-identity.cjs');
const APP = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
const TENANT = '7f3e9a10-5b2c-4d8e-9f01-2a3b4c5d6e7f';
const PRINCIPAL = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

/** A fake `az ad app federated-credential list|create|delete --id APP`, logging each call. */
const FAKE_AZ = `#!/usr/bin/env node
const fs = require('node:fs');
const [state, log] = [process.env.FAKE_AZ_STATE, process.env.FAKE_AZ_LOG];
const args = process.argv.slice(2);
fs.appendFileSync(log, JSON.stringify(args) + '\\n');
const creds = JSON.parse(fs.readFileSync(state, 'utf8'));
const verb = args[3];
if (args.slice(0, 3).join(' ') !== 'ad app federated-credential' || args[args.indexOf('--id') + 1] !== '${APP}') process.exit(3);
if (verb === 'list') process.stdout.write(JSON.stringify(creds));
if (verb === 'create') {
  const c = { id: 'cred-' + (creds.length + 1), ...JSON.parse(args[args.indexOf('--parameters') + 1]) };
  fs.writeFileSync(state, JSON.stringify([...creds, c]));
  process.stdout.write(JSON.stringify(c));
}
if (verb === 'delete') {
  const id = args[args.indexOf('--federated-credential-id') + 1];
  fs.writeFileSync(state, JSON.stringify(creds.filter((c) => c.id !== id)));
}
`;

function setUp(credentials: unknown[] = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'guichet-fake-az-'));
  const az = path.join(dir, 'az');
  writeFileSync(az, FAKE_AZ);
  chmodSync(az, 0o755);
  const state = path.join(dir, 'state.json');
  const log = path.join(dir, 'calls.log');
  writeFileSync(state, JSON.stringify(credentials));
  writeFileSync(log, '');
  const run = (env: Record<string, string> = {}, args: string[] = []) =>
    spawnSync(process.execPath, [SCRIPT, ...args], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        AZ_CLI: az,
        FAKE_AZ_STATE: state,
        FAKE_AZ_LOG: log,
        AAD_APP_CLIENT_ID: APP,
        BOT_TENANT_ID: TENANT,
        MANAGED_IDENTITY_PRINCIPAL_ID: PRINCIPAL,
        ...env,
      },
    });
  return {
    run,
    credentials: () => JSON.parse(readFileSync(state, 'utf8')) as Record<string, unknown>[],
    verbs: () =>
      readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as string[])[3]),
  };
}

const WANTED = {
  name: 'guichet-web-app',
  issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
  subject: PRINCIPAL,
  audiences: ['api://AzureADTokenExchange'],
};

describe('trusting the managed identity for the on-behalf-of exchange', () => {
  it('creates the federated credential once, and a second provision changes nothing', () => {
    const az = setUp();
    const first = az.run();
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`Identité managée ${PRINCIPAL} approuvée`);
    expect(az.credentials()).toEqual([expect.objectContaining(WANTED)]);
    // As teamsapp.yml runs it: the ids as arguments.
    const second = az.run({ AAD_APP_CLIENT_ID: '', BOT_TENANT_ID: '', MANAGED_IDENTITY_PRINCIPAL_ID: '' }, [
      APP,
      TENANT,
      PRINCIPAL,
    ]);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('déjà approuvée');
    expect(az.credentials()).toHaveLength(1);
    expect(az.verbs()).toEqual(['list', 'create', 'list']);
  });

  it('replaces a credential of the same name that names another identity (a re-created Web App)', () => {
    const az = setUp([{ id: 'old', ...WANTED, subject: '00000000-0000-4000-8000-000000000000' }]);
    expect(az.run().status).toBe(0);
    expect(az.credentials()).toEqual([expect.objectContaining(WANTED)]);
    expect(az.verbs()).toEqual(['list', 'delete', 'create']);
  });

  it('refuses in French, without calling az, when provisioning has not produced the ids yet', () => {
    const az = setUp();
    const result = az.run({ MANAGED_IDENTITY_PRINCIPAL_ID: '' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Variables manquantes');
    expect(result.stderr).toContain('MANAGED_IDENTITY_PRINCIPAL_ID');
    expect(az.verbs()).toEqual([]);
  });
});
