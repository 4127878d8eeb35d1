/**
 * What the tab's browser tests share: the build check, a fresh browser context per test failing on
 * page errors, the local demo sign-in, axe-core's serious and critical findings, and a fake Teams
 * host around the tab.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'tab', 'dist');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const DESKTOP = { width: 1280, height: 900 };
/** Teams mobile width. */
export const MOBILE = { width: 360, height: 740 };

/**
 * Builds the tab when tab/dist is missing or older than any of its sources (CI builds it before), so
 * a local run never tests yesterday's bundle. The tab bundles no server code: tab/ is all it reads.
 */
export function ensureTabBuilt(): void {
  const built = path.join(DIST, 'index.html');
  const newest = (entry: string): number => {
    if (!existsSync(entry)) return 0;
    const stat = statSync(entry);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(stat.mtimeMs, ...readdirSync(entry).map((child) => newest(path.join(entry, child))));
  };
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((entry) =>
    path.join(ROOT, 'tab', entry),
  );
  if (existsSync(built) && sources.every((source) => newest(source) <= statSync(built).mtimeMs)) return;
  const build = spawnSync('npx', ['vite', 'build', '--config', 'tab/vite.config.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`tab build failed:\n${build.stdout}\n${build.stderr}`);
}

export type TabPage = Page & { errors: string[] };

/** A page in a fresh context (own sessionStorage) at `url`, recording uncaught page errors. */
export async function openPage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
): Promise<TabPage> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'fr-FR', ...options });
  const page = Object.assign(await context.newPage(), { errors: [] as string[] });
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.goto(url);
  return page;
}

/** Signs in as a demo user from the local sign-in screen. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name: 'Choisir un utilisateur de démonstration' }).waitFor();
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('banner').getByText(name).waitFor();
}

/** Waits until no spinner is left, so axe and screenshots see the loaded page. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction('document.querySelectorAll(".fui-Spinner").length === 0', undefined, {
    timeout: 15_000,
  });
}

/** Serious and critical axe-core violations of the page (or frame) as it is now, as readable lines. */
export async function axeProblems(page: Page | Frame): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
    violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Settles, screenshots to /tmp/tab-<name>.png and expects no serious or critical axe finding. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: `/tmp/tab-${name}.png`, fullPage: true });
  expect(await axeProblems(page)).toEqual([]);
}

/** True when the page scrolls sideways (content wider than a phone's screen). */
export async function overflowsSideways(page: Page): Promise<boolean> {
  return (await page.evaluate(
    'document.documentElement.scrollWidth > document.documentElement.clientWidth',
  )) as boolean;
}

/** An origin teams-js trusts; the browser never reaches it, Playwright answers in its place. */
export const FAKE_TEAMS_HOST = 'https://teams.microsoft.com/guichet-e2e-host';
/** A public origin for the tab (Chromium forbids a public page to frame a local address). */
export const FAKE_TAB_ORIGIN = 'https://guichet.example';
const TEAMS_JS_CDN = 'https://res.cdn.office.net/teams-js/**';

/** What the fake Teams host tells the tab. */
export interface FakeTeamsOptions {
  /** "content" for a tab, "settings" for a configuration page. */
  frameContext: 'content' | 'settings';
  /** Path and hash of the tab under the service, e.g. "/tab/#/configuration". */
  tabPath: string;
  /** What `authentication.getAuthToken` answers. */
  token?: string;
  /** A deep link's sub-entity id (the context's `page.subPageId`). */
  subEntityId?: string;
  /** The Teams theme the context starts with; "default" unless told. */
  theme?: 'default' | 'dark' | 'contrast';
}

/** A message the tab sent to its Teams host. */
export interface HostMessage {
  func: string;
  args: unknown[];
}

/** What the test can do with the fake Teams host. */
export interface FakeTeamsHost {
  /** Every message the tab sent to the host so far. */
  received: () => Promise<HostMessage[]>;
  /** Calls one of the tab's handlers, as Teams does ("settings.save", "themeChange"). */
  call: (func: string, args: unknown[]) => Promise<void>;
}

/**
 * teams-js, once loaded in a frame, fetches its list of host origins from a Microsoft CDN: answer
 * locally so the test stays offline and deterministic.
 */
export async function answerTeamsJsCdn(page: Page): Promise<void> {
  await page.route(TEAMS_JS_CDN, (route) =>
    route.fulfill({ json: { validOrigins: ['teams.microsoft.com'] } }),
  );
}

/**
 * Makes `page` answer the fake Teams host at FAKE_TEAMS_HOST (see `openInFakeTeams`) and the tab's
 * public origin from `serviceUrl`; the test then goes to FAKE_TEAMS_HOST. For a test that keeps its
 * own page (own listeners); the teams-js CDN is answered by `answerTeamsJsCdn`.
 */
export async function serveFakeTeams(
  page: Page,
  serviceUrl: string,
  options: FakeTeamsOptions,
): Promise<FakeTeamsHost> {
  await page.route(FAKE_TEAMS_HOST, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: fakeTeamsHostPage(`${FAKE_TAB_ORIGIN}${options.tabPath}`, options),
    }),
  );
  await page.route(`${FAKE_TAB_ORIGIN}/**`, async (route) => {
    const { pathname, search } = new URL(route.request().url());
    await route.fulfill({ response: await route.fetch({ url: `${serviceUrl}${pathname}${search}` }) });
  });
  return {
    received: async () => (await page.evaluate('window.received')) as HostMessage[],
    call: async (func, args) => {
      await page.evaluate(
        `document.querySelector('iframe').contentWindow.postMessage(${JSON.stringify({ func, args })}, '*')`,
      );
    },
  };
}

/**
 * A minimal Teams host around the tab, speaking teams-js's postMessage protocol as older Teams clients
 * do (a version string instead of a runtime config): it answers `initialize`, `getContext`, the SSO
 * token and `settings.setSettings`, records every message, and can call the tab's handlers
 * ("settings.save"). The tab's origin is answered by the real service at `serviceUrl`.
 */
export async function openInFakeTeams(
  browser: Browser,
  serviceUrl: string,
  options: FakeTeamsOptions,
): Promise<FakeTeamsHost & { page: TabPage }> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'fr-FR', acceptDownloads: true });
  const page = Object.assign(await context.newPage(), { errors: [] as string[] });
  page.on('pageerror', (error) => page.errors.push(error.message));
  await answerTeamsJsCdn(page);
  const host = await serveFakeTeams(page, serviceUrl, options);
  await page.goto(FAKE_TEAMS_HOST);
  return { page, ...host };
}

function fakeTeamsHostPage(tabUrl: string, options: FakeTeamsOptions): string {
  const context = {
    locale: 'fr-fr',
    theme: options.theme ?? 'default',
    frameContext: options.frameContext,
    hostClientType: 'web',
    tid: 'tenant-e2e',
    userObjectId: 'user-e2e',
    hostName: 'Teams',
    ...(options.subEntityId ? { subEntityId: options.subEntityId } : {}),
  };
  return `<!doctype html><html lang="fr"><title>Teams</title><link rel="icon" href="data:,">
<iframe title="Guichet" src="${tabUrl}" width="1000" height="700"></iframe>
<script>
  window.received = [];
  const context = ${JSON.stringify(context)};
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message.func !== 'string') return;
    window.received.push({ func: message.func, args: message.args || [] });
    const reply = (args) =>
      event.source.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
    if (message.func === 'initialize') reply([context.frameContext, 'web', '2.0.0', '2.0.0']);
    if (message.func === 'getContext') reply([context]);
    if (message.func === 'appInitialization.success') reply([]);
    if (message.func === 'authentication.getAuthToken') reply([true, ${JSON.stringify(options.token ?? '')}]);
    if (message.func === 'settings.setSettings') reply([true]);
  });
</script></html>`;
}

/** The tab's frame inside the fake Teams host. */
export function tabFrame(host: Page): Frame {
  const frame = host.frames().find((candidate) => candidate.url().startsWith(FAKE_TAB_ORIGIN));
  if (!frame) throw new Error('the tab frame is not loaded');
  return frame;
}

/** Polls `read` until it satisfies `done` or 5 s pass; returns the last value for a readable failure. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}
