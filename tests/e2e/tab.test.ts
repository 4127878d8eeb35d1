/**
 * The tab in headless Chromium: in a plain browser, in a foreign frame, and in a fake Teams host.
 * A tiny node:http server stands in for the Guichet service (static /tab/ + /readyz + /api/v1/ + the
 * local sign-in, /me and empty ticket, quote and order lists) so this test checks the single-page app
 * alone; the pages against the real service are in tab-pages.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, ConsoleMessage, Frame, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'tab', 'dist');
const SCREENSHOT = '/tmp/tab.png';
const HEADER = 'Guichet — accord-cadre AOO_2024_PSTM';
const NAV = ['Tableau de bord', 'Tickets', 'Devis', 'Commandes', 'Rapports', 'Catalogue et contacts'];
const TEAMS_JS_CDN = 'https://res.cdn.office.net/teams-js/**';
/** An origin teams-js trusts; the browser never reaches it, Playwright answers in its place. */
const FAKE_TEAMS_HOST = 'https://teams.microsoft.com/guichet-e2e-host';
const FAKE_TAB_ORIGIN = 'https://guichet.example';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

interface FakeService {
  readyz: { status: number; body: unknown };
  api: { status: number; body: unknown };
}

const LOCAL_TOKEN = 'jeton-local-e2e';
const TEAMS_TOKEN = 'jeton-teams-e2e';
const DEMO_USER = {
  id: 'a1b2c3d4-0000-4000-8000-000000000005',
  name: 'Léa Dubois',
  email: 'lea.dubois@bellerive.example',
  tenantId: 'b0a1c2d3-0000-4000-8000-000000000001',
  organisation: 'Ville de Bellerive-sur-Rhône',
  role: 'Agent du bénéficiaire',
  roles: [],
};
const ME = {
  name: 'Léa Dubois',
  tenantId: DEMO_USER.tenantId,
  objectId: DEMO_USER.id,
  kind: 'beneficiary',
  roles: [],
  readOnly: false,
  allBeneficiaries: false,
  beneficiaries: [{ id: '21690012300029', name: 'Ville de Bellerive-sur-Rhône', active: true }],
};

function healthyService(): FakeService {
  return {
    readyz: { status: 200, body: { status: 'ok', store: 'sqlite' } },
    api: { status: 200, body: { name: 'guichet', version: '0.1.0-e2e' } },
  };
}

let fake = healthyService();

function sendJson(res: http.ServerResponse, { status, body }: { status: number; body: unknown }): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The signed-in part of the API: the local sign-in, then /me and empty lists for a valid bearer. */
function apiAnswer(req: http.IncomingMessage, pathname: string): { status: number; body: unknown } {
  if (pathname === '/api/v1/local-sign-in/users') return { status: 200, body: { users: [DEMO_USER] } };
  if (pathname === '/api/v1/local-sign-in' && req.method === 'POST') {
    return {
      status: 200,
      body: { accessToken: LOCAL_TOKEN, tokenType: 'Bearer', expiresIn: 3600, user: DEMO_USER },
    };
  }
  const bearer = req.headers.authorization?.replace(/^Bearer /, '');
  if (bearer !== LOCAL_TOKEN && bearer !== TEAMS_TOKEN) {
    return {
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED', message: 'Jeton absent ou invalide.' } },
    };
  }
  if (pathname === '/api/v1/me') return { status: 200, body: ME };
  if (pathname === '/api/v1/me/profile')
    return { status: 200, body: { source: 'token', displayName: ME.name } };
  if (['/api/v1/tickets', '/api/v1/quotes', '/api/v1/orders'].includes(pathname))
    return { status: 200, body: { items: [] } };
  return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Ressource introuvable.' } } };
}

/** Signs in as the fake's one demo user, from the sign-in screen shown outside Teams. */
async function signIn(scope: Pick<Page, 'getByRole'>): Promise<void> {
  await scope.getByRole('button', { name: /Léa Dubois/ }).click();
  await scope.getByRole('button', { name: "Se déconnecter / changer d'utilisateur" }).waitFor();
}

/** Serves tab/dist under /tab/ (index.html for the folder itself) plus the two JSON endpoints. */
async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname === '/readyz') return sendJson(res, fake.readyz);
  if (pathname === '/api/v1/' || pathname === '/api/v1') return sendJson(res, fake.api);
  if (pathname.startsWith('/api/v1/')) return sendJson(res, apiAnswer(req, pathname));
  if (pathname === '/cadre') {
    // A page that frames the tab without being Teams: teams-js gets no answer from its parent.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><html lang="fr"><title>Cadre</title><link rel="icon" href="data:,"><iframe title="Guichet" src="/tab/" width="1000" height="700"></iframe></html>',
    );
    return;
  }
  if (pathname === '/tab') {
    res.writeHead(301, { location: '/tab/' }).end();
    return;
  }
  if (!pathname.startsWith('/tab/')) {
    res.writeHead(404).end();
    return;
  }
  const relative = pathname.slice('/tab/'.length) || 'index.html';
  const file = path.resolve(DIST, decodeURIComponent(relative));
  if (!file.startsWith(DIST + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const content = await readFile(file);
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(content);
  } catch {
    res.writeHead(404).end();
  }
}

/**
 * CI builds the tab before the tests; build here only when tab/dist is missing or older than its
 * sources, so a local run never tests yesterday's bundle.
 */
function isTabBuildStale(): boolean {
  const built = path.join(DIST, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((entry) =>
    path.join(ROOT, 'tab', entry),
  );
  return sources.some((source) => newestMtime(source) > builtAt);
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((child) => newestMtime(path.join(entry, child))));
}

/** Console errors that would mean a broken page; failing web fonts are harmless and ignored. */
function isRelevantError(message: ConsoleMessage): boolean {
  if (message.type() !== 'error') return false;
  const url = message.location().url;
  return !/\.(woff2?|ttf|otf|eot)(\?|$)|fonts\.(googleapis|gstatic)\.com|static2\.sharepointonline\.com/.test(
    url,
  );
}

let server: http.Server;
let baseUrl: string;
let browser: Browser;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  if (isTabBuildStale()) {
    const build = spawnSync('npx', ['vite', 'build', '--config', 'tab/vite.config.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`tab build failed:\n${build.stdout}\n${build.stderr}`);
  }
  server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

beforeEach(async () => {
  fake = healthyService();
  consoleErrors = [];
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  page.on('console', (message) => {
    if (isRelevantError(message)) consoleErrors.push(`${message.text()} @ ${message.location().url}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  // teams-js, once loaded (in a frame), fetches its list of host origins from a Microsoft CDN:
  // answer locally so the test stays offline and deterministic.
  await page.route(TEAMS_JS_CDN, (route) =>
    route.fulfill({ json: { validOrigins: ['teams.microsoft.com'] } }),
  );
});

afterEach(async () => {
  await page.close();
});

/** Errors the browser logs for a request we deliberately made fail, e.g. the 503 of /readyz. */
function withoutExpectedFailures(errors: string[], failingPath: string): string[] {
  return errors.filter(
    (error) => !(error.includes('Failed to load resource') && error.includes(`${baseUrl}${failingPath}`)),
  );
}

test('shows the header, the French nav and an operational service outside Teams', async () => {
  await page.goto(`${baseUrl}/tab/`);
  await page.getByRole('heading', { name: 'Choisir un utilisateur de démonstration' }).waitFor();
  await signIn(page);

  expect(await page.getByRole('banner').getByRole('heading', { level: 1 }).textContent()).toBe(HEADER);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  expect(await nav.getByRole('link').allTextContents()).toEqual(NAV);
  expect(await nav.getByRole('link', { name: 'Tableau de bord' }).getAttribute('aria-current')).toBe('page');

  await page.getByText('Service opérationnel').waitFor();
  await page.getByText('0.1.0-e2e').waitFor();
  await page.getByText('Hors de Teams : connexion locale de démonstration').waitFor();
  expect(await page.getByRole('main').getByRole('heading', { level: 2 }).textContent()).toBe(
    'Tableau de bord',
  );
  expect(await page.title()).toBe('Tableau de bord — Guichet');
  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  // This stand-in service has no quotes: the Devis page must still open and say so in French.
  await nav.getByRole('link', { name: 'Devis' }).click();
  await page.waitForFunction('document.title.startsWith("Devis")');
  expect(await page.getByRole('main').getByRole('heading', { level: 2 }).textContent()).toBe('Devis');
  expect(await nav.getByRole('link', { name: 'Devis' }).getAttribute('aria-current')).toBe('page');
  expect(withoutExpectedFailures(consoleErrors, '/api/v1/')).toEqual([]);
});

test('shows "Service indisponible" when /readyz answers 503', async () => {
  await page.goto(`${baseUrl}/tab/`);
  await signIn(page);
  await page.getByText('Service opérationnel').waitFor();

  fake.readyz = { status: 503, body: { status: 'unavailable' } };
  await page.getByRole('button', { name: 'Actualiser' }).click();

  await page.getByText('Service indisponible').waitFor();
  await page.getByText('État signalé par le service : unavailable').waitFor();
  expect(await page.getByText('Service opérationnel').count()).toBe(0);
  expect(withoutExpectedFailures(consoleErrors, '/readyz')).toEqual([]);
});

test('explains a failing API in French instead of showing a blank page', async () => {
  fake.api = { status: 500, body: { error: 'boom' } };
  await page.goto(`${baseUrl}/tab/`);
  await signIn(page);

  await page.getByText("Version de l'API inconnue.").waitFor();
  await page.getByText('Le service a répondu par une erreur 500').waitFor();
  await page.getByText('Service opérationnel').waitFor();
  expect(withoutExpectedFailures(consoleErrors, '/api/v1/')).toEqual([]);
});

test('answers an unknown page with a way back', async () => {
  await page.goto(`${baseUrl}/tab/#/nulle-part`);
  await signIn(page);

  await page.getByText("Cette page n'existe pas.").waitFor();
  await page.getByRole('link', { name: 'Revenir au tableau de bord' }).click();
  await page.getByText('Service opérationnel').waitFor();
  expect(consoleErrors).toEqual([]);
});

test('falls back to the browser mode when a framing page is not Teams', async () => {
  await page.goto(`${baseUrl}/cadre`);
  const tab = page.frameLocator('iframe[title="Guichet"]');

  // Only after app.initialize() times out (3 s): the tab must not hang on its spinner.
  await tab.getByText('Hors de Teams : connexion locale de démonstration').waitFor({ timeout: 10_000 });
  await signIn(tab);
  await tab.getByText('Service opérationnel').waitFor();
  expect(consoleErrors).toEqual([]);
});

/**
 * A minimal Teams host: answers teams-js's `initialize` and `getContext` over postMessage (the
 * protocol older Teams clients speak: a version string instead of a runtime config), records what
 * the tab sends, and can push a theme change.
 */
function fakeTeamsHostPage(tabUrl: string): string {
  return `<!doctype html><html lang="fr"><title>Teams</title><link rel="icon" href="data:,">
<iframe title="Guichet" src="${tabUrl}" width="1000" height="700"></iframe>
<script>
  window.received = [];
  const context = { locale: 'fr-fr', theme: 'dark', frameContext: 'content', hostClientType: 'web',
    tid: 'tenant-e2e', userObjectId: 'user-e2e', hostName: 'Teams' };
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message.func !== 'string') return;
    window.received.push(message.func);
    const reply = (args) =>
      event.source.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
    if (message.func === 'initialize') reply(['content', 'web', '2.0.0', '2.0.0']);
    if (message.func === 'getContext') reply([context]);
    if (message.func === 'appInitialization.success') reply([]);
    if (message.func === 'authentication.getAuthToken') reply([true, '${TEAMS_TOKEN}']);
  });
  window.changeTheme = (theme) =>
    document.querySelector('iframe').contentWindow.postMessage({ func: 'themeChange', args: [theme] }, '*');
</script></html>`;
}

test('inside Teams: signs in with SSO, no banner, notifies success and follows the Teams theme live', async () => {
  const { teamsHighContrastTheme, webDarkTheme, webLightTheme } = await import('@fluentui/react-components');
  await page.route(FAKE_TEAMS_HOST, (route) =>
    route.fulfill({ contentType: 'text/html', body: fakeTeamsHostPage(`${FAKE_TAB_ORIGIN}/tab/`) }),
  );
  // Chromium forbids a public page (the host) to frame a local address: give the tab a public origin
  // too, answered by the local stand-in.
  await page.route(`${FAKE_TAB_ORIGIN}/**`, async (route) => {
    const { pathname, search } = new URL(route.request().url());
    route.fulfill({ response: await route.fetch({ url: `${baseUrl}${pathname}${search}` }) });
  });
  await page.goto(FAKE_TEAMS_HOST);
  const tab = page.frameLocator('iframe[title="Guichet"]');
  // Strings, not functions: they run in the browser, and the test's tsconfig has no DOM types.
  const background = (): Promise<string> =>
    tabFrame(page).evaluate(
      "getComputedStyle(document.querySelector('.fui-FluentProvider')).backgroundColor",
    );
  const setTheme = (theme: string): Promise<unknown> =>
    page.evaluate(`window.changeTheme(${JSON.stringify(theme)})`);

  await tab.getByText('Service opérationnel').waitFor();
  expect(await tab.getByText('Hors de Teams').count()).toBe(0);
  expect(await page.evaluate('window.received')).toEqual(
    expect.arrayContaining([
      'initialize',
      'getContext',
      'appInitialization.success',
      'authentication.getAuthToken',
    ]),
  );
  // The Teams token opened the session; Teams owns the identity, so there is no sign-out.
  await tab.getByText('Léa Dubois').first().waitFor();
  expect(await tab.getByRole('button', { name: /Se déconnecter/ }).count()).toBe(0);
  expect(await background()).toBe(rgb(webDarkTheme.colorNeutralBackground2));

  await setTheme('contrast');
  const contrast = rgb(teamsHighContrastTheme.colorNeutralBackground2);
  expect(await settled(background, contrast)).toBe(contrast);
  await setTheme('default');
  const light = rgb(webLightTheme.colorNeutralBackground2);
  expect(await settled(background, light)).toBe(light);
  expect(consoleErrors).toEqual([]);
});

function tabFrame(host: Page): Frame {
  const frame = host.frames().find((candidate) => candidate.url().startsWith(FAKE_TAB_ORIGIN));
  if (!frame) throw new Error('the tab frame is not loaded');
  return frame;
}

/** Polls `read` until it returns `expected` or 5 s pass; returns the last value for a readable failure. */
async function settled(read: () => Promise<string>, expected: string): Promise<string> {
  const deadline = Date.now() + 5000;
  let value = await read();
  while (value !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** "#1f1f1f" → "rgb(31, 31, 31)", the form getComputedStyle answers in. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
