/**
 * Builds the Teams app package of one environment, offline:
 *
 *   npm run package -- --env dev|local|prod      →  appPackage.<env>.zip at the repository root
 *
 * Reads `manifest/manifest.json`, replaces its `${{VAR}}` placeholders with the values of
 * `env/.env.<env>` (then `env/.env.<env>.user`, then the process environment, so CI can inject the
 * ids `atk provision` wrote), validates the result against the schema that `@microsoft/app-manifest`
 * bundles (no download) and against Guichet's own rules, then zips manifest.json, the localization
 * file and the two icons. The Toolkit's `teamsApp/zipAppPackage` builds the same package during
 * `atk provision`; this script is for CI, for a manual upload, and for the tests.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { parse as parseDotenv } from 'dotenv';
import JSZip from 'jszip';

export const ENVIRONMENTS = ['dev', 'local', 'prod'] as const;
export type AppEnvironment = (typeof ENVIRONMENTS)[number];

const ROOT = path.resolve(__dirname, '..');
const MANIFEST_TEMPLATE = 'manifest/manifest.json';
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** Placeholders allowed to resolve to nothing (production has no name suffix). */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);
/** Hosts that must never reach a production package: examples, this machine, dev tunnels. */
const NOT_FOR_PRODUCTION =
  /(^|\.)(example\.(com|org|net)|localhost|127\.0\.0\.1|devtunnels\.ms|ngrok(-free)?\.app)$/i;
const ICON_SIZES = { color: 192, outline: 32 } as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;
type SchemaTarget = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

/** The package before zipping: the resolved manifest and every file of the zip, by name. */
export interface AppPackage {
  env: AppEnvironment;
  manifest: JsonObject;
  /** Localization files by name (e.g. "en.json"), as parsed JSON. */
  localizations: Map<string, JsonObject>;
  files: Map<string, Buffer>;
}

/** Refused input or package; `problems` name each one, in French, for the operator. */
export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`Paquet Teams refusé :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
  }
}

export function isAppEnvironment(value: string): value is AppEnvironment {
  return (ENVIRONMENTS as readonly string[]).includes(value);
}

/**
 * The variables of an environment: env/.env.<env>, overridden by env/.env.<env>.user (the
 * Toolkit's secrets, when present) and by `overrides`.
 */
export function readEnvironment(
  env: AppEnvironment,
  overrides: Readonly<Record<string, string | undefined>> = {},
  root: string = ROOT,
): Record<string, string> {
  const file = path.join(root, 'env', `.env.${env}`);
  if (!existsSync(file)) throw new PackageError([`env/.env.${env} introuvable`]);
  const vars: Record<string, string> = { ...parseDotenv(readFileSync(file)) };
  const userFile = `${file}.user`;
  if (existsSync(userFile)) Object.assign(vars, parseDotenv(readFileSync(userFile)));
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) vars[key] = value;
  return vars;
}

/** Replaces every `${{VAR}}`; an unknown or empty variable is an error naming the variable. */
export function substitute(template: string, vars: Readonly<Record<string, string>>, source: string): string {
  const problems = new Set<string>();
  const result = template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = vars[name];
    if (value === undefined) problems.add(`${source} : la variable ${name} n'est définie nulle part`);
    else if (value === '' && !MAY_BE_EMPTY.has(name))
      problems.add(`${source} : la variable ${name} est vide (renseignez-la ou lancez atk provision)`);
    return value ?? '';
  });
  if (problems.size > 0) throw new PackageError([...problems]);
  return result;
}

function readJsonObject(text: string, source: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new PackageError([`${source} : JSON invalide (${(err as Error).message})`]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new PackageError([`${source} : un objet JSON est attendu`]);
  return parsed as JsonObject;
}

function stringAt(object: JsonObject, ...keys: string[]): string | undefined {
  let current: Json | undefined = object;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = current[key];
  }
  return typeof current === 'string' ? current : undefined;
}

/** Resolves the manifest of `env` and gathers the files of its package. */
export function buildAppPackage(
  env: AppEnvironment,
  vars: Readonly<Record<string, string>>,
  root: string = ROOT,
): AppPackage {
  const manifestDir = path.join(root, path.dirname(MANIFEST_TEMPLATE));
  const template = readFileSync(path.join(root, MANIFEST_TEMPLATE), 'utf8');
  const manifest = readJsonObject(substitute(template, vars, MANIFEST_TEMPLATE), MANIFEST_TEMPLATE);
  const files = new Map<string, Buffer>([
    ['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)],
  ]);
  const problems: string[] = [];
  const addFile = (name: string | undefined, what: string): Buffer | undefined => {
    // Flat names only: the package is a flat zip and nothing may come from outside manifest/.
    if (!name || path.basename(name) !== name) {
      problems.push(`${what} : nom de fichier absent ou invalide (« ${name ?? ''} »)`);
      return undefined;
    }
    const file = path.join(manifestDir, name);
    if (!existsSync(file)) {
      problems.push(`${what} : manifest/${name} introuvable`);
      return undefined;
    }
    const content = readFileSync(file);
    files.set(name, content);
    return content;
  };
  addFile(stringAt(manifest, 'icons', 'color'), 'icône couleur');
  addFile(stringAt(manifest, 'icons', 'outline'), 'icône contour');
  const localizations = new Map<string, JsonObject>();
  const languages = (manifest.localizationInfo as JsonObject | undefined)?.additionalLanguages;
  for (const language of Array.isArray(languages) ? languages : []) {
    const name =
      typeof language === 'object' && language !== null && !Array.isArray(language) ? language.file : '';
    const content = addFile(typeof name === 'string' ? name : undefined, 'fichier de langue');
    if (content && typeof name === 'string') {
      // The Toolkit copies localization files verbatim: a placeholder there would ship as is.
      if (content.includes('${{'))
        problems.push(`manifest/${name} : pas de \${{…}} dans un fichier de langue`);
      localizations.set(name, readJsonObject(content.toString('utf8'), `manifest/${name}`));
    }
  }
  if (problems.length > 0) throw new PackageError(problems);
  return { env, manifest, localizations, files };
}

/** The schema bundled by @microsoft/app-manifest for this `$schema` URL; never downloaded. */
export function bundledSchema(schemaUrl: string): Schema {
  const match =
    /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v1\.\d+)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/.exec(
      schemaUrl,
    );
  if (!match) throw new PackageError([`$schema inattendu : ${schemaUrl}`]);
  const bundle = path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
  const file = path.join(bundle, match[1] ?? '', match[2] ?? '');
  if (!existsSync(file)) throw new PackageError([`schéma ${match[1]} absent de @microsoft/app-manifest`]);
  const text = readFileSync(file, 'utf8')
    // Same clean-up as the library: some bundled schemas carry \a and \v escapes JSON does not allow.
    .replace(/\\a/g, '\\u0007')
    .replace(/\\v/g, '\\u000b')
    // The Localization schema's activityTypes patterns end in "\b]": a lone "]" that Ajv's
    // Unicode-mode RegExp rejects ("Lone quantifier brackets"). Escaping it keeps the meaning.
    .replace(/\\\\b\]/g, '\\\\b\\\\]');
  return JSON.parse(text) as Schema;
}

/** Schema errors of a manifest or localization file, validated offline (`[]` when valid). */
export async function schemaErrors(document: JsonObject): Promise<string[]> {
  const schemaUrl = typeof document.$schema === 'string' ? document.$schema : '';
  return AppManifestUtils.validateAgainstSchema(
    document as unknown as SchemaTarget,
    bundledSchema(schemaUrl),
  );
}

/** Width and height from a PNG's IHDR chunk; undefined when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('ascii', 12, 16) !== 'IHDR')
    return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function* stringsOf(value: Json, at = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [at, value];
  else if (Array.isArray(value))
    for (const [i, item] of value.entries()) yield* stringsOf(item, `${at}[${i}]`);
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) yield* stringsOf(item, at ? `${at}.${key}` : key);
}

/** Guichet's own rules, beyond the schema (which accepts http:// and any host). */
export function ruleErrors(pkg: AppPackage): string[] {
  const { manifest } = pkg;
  const problems: string[] = [];
  const strings = [...stringsOf(manifest)];
  for (const [at, value] of strings)
    if (/^http:\/\//i.test(value)) problems.push(`${at} : https obligatoire (${value})`);
  const domains = Array.isArray(manifest.validDomains) ? manifest.validDomains.map(String) : [];
  for (const domain of domains)
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(domain))
      problems.push(
        `validDomains : « ${domain} » doit être un nom d'hôte seul (ni schéma, ni chemin, ni joker)`,
      );
  // Teams only loads tab pages from the listed domains.
  for (const [at, value] of strings) {
    if (!/(contentUrl|configurationUrl)$/.test(at)) continue;
    const host = URL.canParse(value) ? new URL(value).host : '';
    if (!domains.includes(host)) problems.push(`${at} : l'hôte ${host || value} n'est pas dans validDomains`);
  }
  const appId = stringAt(manifest, 'webApplicationInfo', 'id');
  const resource = stringAt(manifest, 'webApplicationInfo', 'resource') ?? '';
  if (!domains.some((domain) => resource === `api://${domain}/${appId}`))
    problems.push(
      `webApplicationInfo.resource : api://<domaine de validDomains>/<id> attendu, reçu ${resource}`,
    );
  if (pkg.env === 'prod') {
    for (const [at, value] of strings) {
      const host = URL.canParse(value) ? new URL(value).hostname : /^[\w.-]+$/.test(value) ? value : '';
      if (NOT_FOR_PRODUCTION.test(host)) problems.push(`${at} : ${host} interdit en production`);
    }
  }
  for (const [kind, size] of Object.entries(ICON_SIZES)) {
    const name = stringAt(manifest, 'icons', kind) ?? '';
    const actual = pngSize(pkg.files.get(name) ?? Buffer.alloc(0));
    if (!actual || actual.width !== size || actual.height !== size)
      problems.push(`icons.${kind} : PNG de ${size}×${size} attendu (${name})`);
  }
  const manifestStrings = new Set(strings.map(([at]) => at));
  for (const [name, localization] of pkg.localizations)
    for (const key of Object.keys(localization))
      if (key !== '$schema' && !manifestStrings.has(key))
        problems.push(`${name} : la clé ${key} ne correspond à aucun texte du manifeste`);
  return problems;
}

/** Every problem of the package: schema of the manifest and of each localization file, own rules. */
export async function checkAppPackage(pkg: AppPackage): Promise<string[]> {
  const problems = (await schemaErrors(pkg.manifest)).map((e) => `schéma du manifeste : ${e}`);
  for (const [name, strings] of pkg.localizations)
    problems.push(...(await schemaErrors(strings)).map((e) => `schéma de ${name} : ${e}`));
  return [...problems, ...ruleErrors(pkg)];
}

/** The zip Teams accepts: flat, the files above only; a fixed date makes identical inputs identical zips. */
export async function zipAppPackage(pkg: AppPackage): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date('2024-01-01T00:00:00Z');
  for (const [name, content] of pkg.files) zip.file(name, content, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Builds, checks and writes `appPackage.<env>.zip`; throws PackageError listing every problem. */
export async function packageApp(
  env: AppEnvironment,
  options: { overrides?: Readonly<Record<string, string | undefined>>; root?: string; outDir?: string } = {},
): Promise<{ zipPath: string; pkg: AppPackage }> {
  const root = options.root ?? ROOT;
  const pkg = buildAppPackage(env, readEnvironment(env, options.overrides, root), root);
  const problems = await checkAppPackage(pkg);
  if (problems.length > 0) throw new PackageError(problems);
  const zipPath = path.join(options.outDir ?? root, `appPackage.${env}.zip`);
  writeFileSync(zipPath, await zipAppPackage(pkg));
  return { zipPath, pkg };
}

/** `--env dev`, `--env=dev`, or the first positional argument. */
export function environmentArgument(argv: readonly string[]): string | undefined {
  const index = argv.indexOf('--env');
  if (index >= 0) return argv[index + 1];
  const inline = argv.find((arg) => arg.startsWith('--env='));
  return inline ? inline.slice('--env='.length) : argv.find((arg) => !arg.startsWith('-'));
}

async function main(): Promise<void> {
  const env = environmentArgument(process.argv.slice(2)) ?? '';
  if (!isAppEnvironment(env)) {
    process.stderr.write(`Usage : npm run package -- --env ${ENVIRONMENTS.join('|')}\n`);
    process.exit(2);
  }
  try {
    const { zipPath } = await packageApp(env, { overrides: process.env });
    process.stdout.write(`Paquet Teams « ${env} » écrit : ${path.relative(process.cwd(), zipPath)}\n`);
  } catch (err) {
    if (!(err instanceof PackageError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}

if (require.main === module) void main();
