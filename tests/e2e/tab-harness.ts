/**
 * What the tab's browser tests share: the build check, a fresh browser context per test failing on
 * page errors, the local demo sign-in, and axe-core's serious and critical findings.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'tab', 'dist');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const DESKTOP = { width: 1280, height: 900 };
/** Teams mobile width. */
export const MOBILE = { width: 360, height: 740 };

/** Builds the tab when tab/dist is missing or older than its sources (CI builds it before). */
export function ensureTabBuilt(): void {
  const built = path.join(DIST, 'index.html');
  const newest = (entry: string): number => {
    if (!existsSync(entry)) return 0;
    const stat = statSync(entry);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(stat.mtimeMs, ...readdirSync(entry).map((child) => newest(path.join(entry, child))));
  };
  if (existsSync(built) && newest(path.join(ROOT, 'tab', 'src')) <= statSync(built).mtimeMs) return;
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

/** Serious and critical axe-core violations of the page as it is now, as readable lines. */
export async function axeProblems(page: Page): Promise<string[]> {
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
