/**
 * The Teams app package of every environment, built by scripts/package-app.ts from the committed
 * template and env files (plus the ids `atk provision` would have written), validated offline
 * against the schema @microsoft/app-manifest bundles, then against what the schema does not check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { requestOfText, type BotCommand } from '../../bot/src/teams/text-commands';
import {
  ENVIRONMENTS,
  PackageError,
  buildAppPackage,
  checkAppPackage,
  environmentArgument,
  readEnvironment,
  ruleErrors,
  schemaErrors,
  zipAppPackage,
  type AppEnvironment,
  type AppPackage,
  type JsonObject,
} from '../../scripts/package-app';

// @microsoft/app-manifest requires strip-bom 5, an ES module Jest cannot load on Node 20 (plain Node
// can, so `npm run package` needs nothing). It only strips a byte-order mark from files the library
// reads itself; this test hands it parsed objects. Schema validation is untouched.
jest.mock('../../node_modules/@microsoft/app-manifest/node_modules/strip-bom', () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

const ROOT = path.resolve(__dirname, '../..');

/** What `atk provision` writes, plus the legal pages an administrator fills in. */
const PROVISIONED = {
  TEAMS_APP_ID: '0f7f5a1e-2b3c-4d5e-8f90-1a2b3c4d5e6f',
  BOT_ID: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  AAD_APP_CLIENT_ID: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  PRIVACY_URL: 'https://www.titulaire-pstm.fr/confidentialite',
  TERMS_OF_USE_URL: 'https://www.titulaire-pstm.fr/conditions',
};
const DOMAINS: Record<AppEnvironment, string> = {
  dev: 'guichet-dev-x7k2qa.azurewebsites.net',
  // The local variant points at an https dev tunnel, never at http://localhost.
  local: 'k7x2q9vd-3978.euw.devtunnels.ms',
  prod: 'guichet.titulaire-pstm.fr',
};

const build = (env: AppEnvironment): AppPackage =>
  buildAppPackage(env, readEnvironment(env, { ...PROVISIONED, APP_DOMAIN: DOMAINS[env] }));

interface Command {
  title: string;
  description: string;
}
const commandListsOf = (manifest: JsonObject) =>
  (
    manifest.bots as unknown as {
      scopes: string[];
      commandLists: { scopes: string[]; commands: Command[] }[];
    }[]
  )[0]!;

/** Each command of the menu, what a user would type with it, and what the bot must understand. */
const COMMAND_EXAMPLES: Record<string, { text: string; command: BotCommand }> = {
  aide: { text: 'aide', command: 'help' },
  menu: { text: 'menu', command: 'welcome' },
  incident: { text: 'incident', command: 'incident.start' },
  'mes tickets': { text: 'mes tickets', command: 'tickets.list' },
  ticket: { text: 'ticket INC-2026-000042', command: 'ticket.show' },
  devis: { text: 'devis', command: 'quote.start' },
  'mes devis': { text: 'mes devis', command: 'quotes.list' },
  'mes commandes': { text: 'mes commandes', command: 'orders.list' },
  commande: { text: 'commande BC-2026-0042', command: 'order.show' },
  'incident pour': { text: 'incident pour 21690123100011', command: 'incident.onBehalf' },
};

/** Manifest strings a localization file may translate (the keys of the Localization schema). */
function localizableKeys(manifest: JsonObject): string[] {
  const keys = ['name.short', 'name.full', 'description.short', 'description.full'];
  (manifest.staticTabs as { name?: string }[]).forEach((tab, i) => {
    if (tab.name) keys.push(`staticTabs[${i}].name`);
  });
  commandListsOf(manifest).commandLists.forEach((list, i) =>
    list.commands.forEach((_, j) =>
      keys.push(
        `bots[0].commandLists[${i}].commands[${j}].title`,
        `bots[0].commandLists[${i}].commands[${j}].description`,
      ),
    ),
  );
  (manifest.activities as { activityTypes: unknown[] }).activityTypes.forEach((_, i) =>
    keys.push(`activities.activityTypes[${i}].description`, `activities.activityTypes[${i}].templateText`),
  );
  return keys;
}

describe.each(ENVIRONMENTS)('Teams app package "%s"', (env) => {
  const pkg = build(env);

  it('is valid against the bundled manifest schema, offline (AppManifestUtils.validateAgainstSchema → [])', async () => {
    expect(await AppManifestUtils.validateAgainstSchema(pkg.manifest as never)).toEqual([]);
    for (const localization of pkg.localizations.values())
      expect(await schemaErrors(localization)).toEqual([]);
    expect(await checkAppPackage(pkg)).toEqual([]);
  });

  it('uses https everywhere, its tabs and SSO resource on the environment domain only', () => {
    const domain = DOMAINS[env];
    const text = JSON.stringify(pkg.manifest);
    expect(text).not.toMatch(/http:\/\//i);
    expect(text).not.toContain('${{');
    const urls = [...text.matchAll(/"([a-z][a-z0-9+.-]*:\/\/[^"]+)"/gi)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(4);
    for (const url of urls) expect(url).toMatch(/^(https|api):\/\//);
    expect(pkg.manifest.validDomains).toEqual([domain]);
    const tabs = pkg.manifest as unknown as {
      staticTabs: { contentUrl?: string }[];
      configurableTabs: { configurationUrl: string; scopes: string[] }[];
      webApplicationInfo: { id: string; resource: string };
    };
    expect(tabs.staticTabs.filter((t) => t.contentUrl).map((t) => t.contentUrl)).toEqual([
      `https://${domain}/tab/`,
    ]);
    expect(tabs.configurableTabs).toEqual([expect.objectContaining({ scopes: ['team', 'groupChat'] })]);
    expect(new URL(tabs.configurableTabs[0]!.configurationUrl).host).toBe(domain);
    expect(tabs.webApplicationInfo).toEqual({
      id: PROVISIONED.AAD_APP_CLIENT_ID,
      resource: `api://${domain}/${PROVISIONED.AAD_APP_CLIENT_ID}`,
    });
  });

  it('zips exactly manifest.json, the localization file and the two icons, unchanged', async () => {
    const zip = await JSZip.loadAsync(await zipAppPackage(pkg));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    expect(JSON.parse(await zip.file('manifest.json')!.async('string'))).toEqual(pkg.manifest);
    for (const name of ['color.png', 'outline.png', 'en.json']) {
      const inZip = await zip.file(name)!.async('nodebuffer');
      expect(inZip.equals(readFileSync(path.join(ROOT, 'manifest', name)))).toBe(true);
    }
  });
});

describe('Teams app manifest content', () => {
  const pkg = build('prod');
  const manifest = pkg.manifest;
  const english = pkg.localizations.get('en.json')!;

  it('is at the newest manifest version @microsoft/app-manifest bundles', () => {
    const bundle = path.join(
      path.dirname(require.resolve('@microsoft/app-manifest')),
      'json-schemas',
      'teams',
    );
    const newest = readdirSync(bundle)
      .filter((v) => /^v1\.\d+$/.test(v))
      .map((v) => Number(v.slice(3)))
      .sort((a, b) => b - a)[0];
    expect(manifest.manifestVersion).toBe(`1.${newest}`);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v1.${newest}/MicrosoftTeams.schema.json`,
    );
  });

  it('declares the bot in personal, team and group-chat scopes with a French command menu the bot understands', () => {
    const bot = commandListsOf(manifest);
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.commandLists.flatMap((list) => list.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of bot.commandLists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const { title, description } of list.commands) {
        // Teams documents 32 and 128 characters for the command menu, stricter than the schema.
        expect(title.length).toBeLessThanOrEqual(32);
        expect(description.length).toBeLessThanOrEqual(128);
        const example = COMMAND_EXAMPLES[title];
        expect(example).toBeDefined();
        expect(example!.text.startsWith(title)).toBe(true);
        expect(requestOfText(example!.text).command).toBe(example!.command);
        // A description that shows an example must show one the bot understands.
        const shown = /par exemple : (.+)$/.exec(description)?.[1]?.replace('<SIRET>', '21690123100011');
        if (shown) expect(requestOfText(shown).command).toBe(example!.command);
      }
    }
  });

  it('has an English localization with the same keys, except the command words the bot parses in French', () => {
    expect((manifest.localizationInfo as JsonObject).defaultLanguageTag).toBe('fr-fr');
    const expected = localizableKeys(manifest).filter((key) => !key.endsWith('.title'));
    expect(
      Object.keys(english)
        .filter((key) => key !== '$schema')
        .sort(),
    ).toEqual(expected.sort());
    expect(english['name.short']).toBe('Guichet');
    const params = (text: unknown) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const types = (manifest.activities as { activityTypes: { type: string; templateText: string }[] })
      .activityTypes;
    expect(new Set(types.map((t) => t.type)).size).toBe(types.length);
    types.forEach((type, i) =>
      expect(params(english[`activities.activityTypes[${i}].templateText`])).toEqual(
        params(type.templateText),
      ),
    );
  });

  it('is checked by a schema validator that does reject a broken manifest', async () => {
    const broken = structuredClone(manifest) as { bots: { botId: string }[]; name: { short: string } };
    broken.bots[0]!.botId = 'pas-un-guid';
    broken.name.short = 'Guichet, un nom bien trop long pour Teams';
    const errors = (await AppManifestUtils.validateAgainstSchema(broken as never)).join('\n');
    expect(errors).toMatch(/\/bots\/0\/botId must match pattern/);
    expect(errors).toMatch(/\/name\/short must NOT have more than 30 characters/);
  });

  it('refuses what the schema lets through: http://, hosts with a scheme, example domains in production', () => {
    const broken: AppPackage = { ...pkg, manifest: structuredClone(pkg.manifest) };
    const tab = (broken.manifest.staticTabs as JsonObject[])[1]!;
    tab.contentUrl = `http://${DOMAINS.prod}/tab/`;
    broken.manifest.validDomains = [`https://${DOMAINS.prod}`, ...(broken.manifest.validDomains as string[])];
    (broken.manifest.developer as JsonObject).privacyUrl = 'https://www.example.com/privacy';
    const problems = ruleErrors(broken).join('\n');
    expect(problems).toMatch(/staticTabs\[1\]\.contentUrl : https obligatoire/);
    expect(problems).toMatch(/validDomains : « https:\/\/guichet/);
    expect(problems).toMatch(/developer\.privacyUrl : www\.example\.com interdit en production/);
    expect(ruleErrors({ ...broken, env: 'dev' }).join('\n')).not.toMatch(/interdit en production/);
  });

  it('refuses to build while a value is missing, naming each variable', () => {
    expect(() => buildAppPackage('prod', readEnvironment('prod'))).toThrow(PackageError);
    try {
      buildAppPackage('prod', readEnvironment('prod'));
    } catch (err) {
      const problems = (err as PackageError).problems.join('\n');
      for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'AAD_APP_CLIENT_ID', 'APP_DOMAIN', 'PRIVACY_URL'])
        expect(problems).toContain(name);
      expect(problems).not.toContain('APP_NAME_SUFFIX');
    }
  });

  it('reads the environment from --env dev, --env=dev or a bare argument', () => {
    expect(environmentArgument(['--env', 'dev'])).toBe('dev');
    expect(environmentArgument(['--env=local'])).toBe('local');
    expect(environmentArgument(['prod'])).toBe('prod');
    expect(environmentArgument([])).toBeUndefined();
  });
});
