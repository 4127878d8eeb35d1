/**
 * teamsapp.yml (dev, prod) and teamsapp.local.yml (local), parsed: the stages and actions of the
 * deployment issue, in order, and every `${{VAR}}` they or the files they hand over use (Bicep
 * parameters, Entra and Teams manifests) is defined in env/.env.<env> or written by an earlier action.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { outputsOf, readInfra } from './bicep-text';

// js-yaml comes with ESLint (no direct dependency, no types): enough to read two files in a test.
const { load } = createRequire(__filename)('js-yaml') as { load(text: string): unknown };

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const SCHEMA_VERSION = 'v1.11';

interface Action {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
type Stage = 'provision' | 'deploy' | 'publish';
type Project = { version: string; environmentFolderPath: string } & Partial<Record<Stage, Action[]>>;

const project = (file: string) => load(read(file)) as Project;
const placeholders = (text: string) =>
  [...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]!);
const usesOf = (actions: Action[] = []) => actions.map((a) => a.uses);

/** True when `wanted` appears in `list` in this order (other actions may sit in between). */
function inOrder(list: string[], wanted: string[]): boolean {
  let at = 0;
  for (const item of list) if (item === wanted[at]) at += 1;
  return at === wanted.length;
}

/** Files an action hands its placeholders to. */
function filesOf(action: Action): string[] {
  const w = action.with ?? {};
  if (action.uses === 'arm/deploy')
    return (w.templates as { parameters?: string }[]).flatMap((t) => (t.parameters ? [t.parameters] : []));
  if (['aadApp/update', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage'].includes(action.uses))
    return [String(w.manifestPath)];
  return [];
}

/** Variables an action writes to the environment. */
function outputsOfAction(action: Action): string[] {
  const written = Object.values(action.writeToEnvironmentFile ?? {});
  if (action.uses === 'arm/deploy')
    return (action.with!.templates as { path: string }[]).flatMap((t) => outputsOf(read(t.path)));
  // aadApp/update generates the scope id when the Entra manifest uses it and it is still empty.
  if (action.uses === 'aadApp/update') return [...written, 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID'];
  return written;
}

/** env/.env.<env>: operator values (before the marker) and the variables provisioning writes. */
function envFile(env: string): { given: string[]; provisioned: string[] } {
  const text = read(`env/.env.${env}`);
  const marker = text.search(/^# --- Écrites par `atk provision/m);
  expect(marker).toBeGreaterThan(0);
  return {
    given: Object.keys(parseDotenv(text.slice(0, marker))),
    provisioned: Object.keys(parseDotenv(text.slice(marker))),
  };
}

describe.each([
  ['teamsapp.yml', 'dev'],
  ['teamsapp.yml', 'prod'],
  ['teamsapp.local.yml', 'local'],
])('%s, environment "%s"', (file, env) => {
  const yml = project(file);

  it(`uses the Agents Toolkit yaml schema ${SCHEMA_VERSION} and the env/ folder`, () => {
    expect(yml.version).toBe(SCHEMA_VERSION);
    expect(read(file).split('\n')[0]).toBe(
      `# yaml-language-server: $schema=https://developer.microsoft.com/json-schemas/teams-toolkit/teamsapp-yaml/${SCHEMA_VERSION}/yaml.schema.json`,
    );
    expect(yml.environmentFolderPath).toBe('./env');
    expect(existsSync(path.join(ROOT, `env/.env.${env}`))).toBe(true);
  });

  it('defines every ${{VAR}} before use: in env/.env.<env>, or written by an earlier action', () => {
    const { given, provisioned } = envFile(env);
    const available = new Set(given);
    const produced: string[] = [];
    for (const stage of ['provision', 'deploy', 'publish'] as const) {
      for (const action of yml[stage] ?? []) {
        const outputs = outputsOfAction(action);
        const text = JSON.stringify(action) + filesOf(action).map(read).join('\n');
        const missing = placeholders(text).filter((v) => !available.has(v) && !outputs.includes(v));
        expect({ stage, action: action.uses, missing }).toEqual({ stage, action: action.uses, missing: [] });
        for (const output of outputs) {
          available.add(output);
          produced.push(output);
        }
      }
    }
    // The env file lists exactly what provisioning writes (secrets go to the gitignored .user file).
    expect([...new Set(produced.filter((v) => !v.startsWith('SECRET_')))].sort()).toEqual(
      [...provisioned].sort(),
    );
    expect(given.filter((v) => provisioned.includes(v))).toEqual([]);
  });

  it('points at files that exist, and writes its packages where git ignores them', () => {
    const actions = [...(yml.provision ?? []), ...(yml.deploy ?? []), ...(yml.publish ?? [])];
    for (const action of actions) {
      const w = (action.with ?? {}) as Record<string, unknown>;
      const paths = [w.manifestPath, w.ignoreFile, ...filesOf(action)];
      if (action.uses === 'arm/deploy') paths.push(...(w.templates as { path: string }[]).map((t) => t.path));
      for (const p of paths.filter((p): p is string => typeof p === 'string'))
        expect({ p, exists: existsSync(path.join(ROOT, p)) }).toEqual({ p, exists: true });
      if (action.uses === 'teamsApp/zipAppPackage') {
        expect(w.outputZipPath).toBe('./appPackage.${{TEAMSFX_ENV}}.zip');
        expect(w.outputFolder).toBe('./manifest/build');
      }
    }
    expect(read('.gitignore').split('\n')).toContain('appPackage.*.zip');
    expect(read('manifest/.gitignore').split('\n')).toContain('build/');
  });
});

describe('provision, deploy and publish stages', () => {
  const azure = project('teamsapp.yml');
  const local = project('teamsapp.local.yml');

  it('provisions in Azure: Teams app, Entra app, Bicep, Entra update, manifest checks, package, update', () => {
    expect(
      inOrder(usesOf(azure.provision), [
        'teamsApp/create',
        'aadApp/create',
        'arm/deploy',
        'aadApp/update',
        'script',
        'teamsApp/validateManifest',
        'teamsApp/zipAppPackage',
        'teamsApp/update',
      ]),
    ).toBe(true);
    // After arm/deploy (which outputs the identity's principal id): the federated credential.
    const trust = azure.provision!.find((a) => a.uses === 'script')!;
    expect(trust.with!.run).toBe(
      'node scripts/trust-managed-identity.cjs ${{AAD_APP_CLIENT_ID}} ${{BOT_TENANT_ID}} ${{MANAGED_IDENTITY_PRINCIPAL_ID}}',
    );
    const entra = azure.provision!.find((a) => a.uses === 'aadApp/create')!;
    // The API only validates tokens: no client secret to create, store or rotate.
    expect(entra.with).toMatchObject({ generateClientSecret: false, signInAudience: 'AzureADMultipleOrgs' });
    expect(azure.provision!.find((a) => a.uses === 'aadApp/update')!.with!.manifestPath).toBe(
      './aad.manifest.json',
    );
    const arm = azure.provision!.find((a) => a.uses === 'arm/deploy')!.with!;
    expect(arm.templates).toEqual([
      expect.objectContaining({ path: './infra/azure.bicep', parameters: './infra/azure.parameters.json' }),
    ]);
    // The bot's identity is the managed identity the template creates: no bot secret in Azure.
    expect(usesOf(azure.provision)).not.toContain('botAadApp/create');
    expect(outputsOf(readInfra('azure.bicep'))).toContain('BOT_ID');
  });

  it('deploys with npm ci, the build, then a zip deploy of an allow-list to App Service', () => {
    const deploy = azure.deploy!;
    expect(
      inOrder(usesOf(deploy), ['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']),
    ).toBe(true);
    expect(deploy.filter((a) => a.uses === 'cli/runNpmCommand').map((a) => a.with!.args)).toEqual([
      'ci --no-audit --no-fund',
      'run build',
    ]);
    const zip = deploy.find((a) => a.uses === 'azureAppService/zipDeploy')!.with!;
    expect(zip.resourceId).toBe('${{AZURE_APP_SERVICE_RESOURCE_ID}}');
    const rules = read(String(zip.ignoreFile))
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    // Everything is excluded but the build output, the CLI and the package files.
    expect(rules).toEqual(['/*', '!/dist', '!/bin', '!/package.json', '!/package-lock.json', '*.map']);
    // The compiled server looks for the tab three folders above dist/bot/src/http: either it no
    // longer does, or the deploy stage copies the tab there.
    if (read('bot/src/http/server.ts').includes("'../../../tab/dist'"))
      expect(JSON.stringify(deploy)).toContain("cpSync('tab/dist','dist/tab/dist'");
  });

  it('publishes the package to the tenant catalogue', () => {
    expect(
      inOrder(usesOf(azure.publish), [
        'teamsApp/validateManifest',
        'teamsApp/zipAppPackage',
        'teamsApp/update',
        'teamsApp/publishAppPackage',
      ]),
    ).toBe(true);
  });

  it('runs locally with a bot secret kept out of git, and writes settings the service reads into ./.env', () => {
    expect(
      inOrder(usesOf(local.provision), [
        'teamsApp/create',
        'aadApp/create',
        'botFramework/create',
        'aadApp/create',
        'aadApp/update',
        'teamsApp/validateManifest',
        'teamsApp/zipAppPackage',
        'teamsApp/update',
      ]),
    ).toBe(true);
    const secrets = local.provision!.flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {}));
    expect(secrets.filter((v) => /SECRET|PASSWORD/.test(v))).toEqual(['SECRET_BOT_PASSWORD']);
    const file = local.deploy!.find((a) => a.uses === 'file/createOrUpdateEnvironmentFile')!.with!;
    expect(file.target).toBe('./.env');
    expect(read('.gitignore').split('\n')).toContain('.env');
    const config = read('bot/src/config/config.ts');
    for (const name of Object.keys(file.envs as object))
      expect(config).toMatch(new RegExp(`^ {2}${name}:`, 'm'));
  });
});
