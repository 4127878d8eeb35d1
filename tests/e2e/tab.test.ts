/**
 * The tab in headless Chromium: in a plain browser, in a foreign frame, and in a fake Teams host.
 * A tiny node:http server stands in for the Guichet service (static /tab/ + /readyz + /api/v1/ + the
 * local sign-in, /me and empty ticket, quote and order lists) so this test checks the single-page app
 * alone; the pages against the real service are in tab-pages.test.ts.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import {
  answerTeamsJsCdn,
  ensureTabBuilt,
  eventually,
  FAKE_TEAMS_HOST,
  serveFakeTeams,
  tabFrame,
} from './tab-harness';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'tab', 'dist');
const SCREENSHOT = '/tmp/tab.png';
const HEADER = 'Guichet — accord-cadre AOO_2024_PSTM';
const NAV = ['Tableau de bord', 'Tickets', 'Devis', 'Commandes', 'Rapports', 'Catalogue et contacts'];

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
  ensureTabBuilt();
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
  // The framed tests load teams-js, which asks a Microsoft CDN for its host origins.
  await answerTeamsJsCdn(page);
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

test('inside Teams: signs in with SSO, no banner, notifies success and follows the Teams theme live', async () => {
  const { teamsHighContrastTheme, webDarkTheme, webLightTheme } = await import('@fluentui/react-components');
  // The tab's public origin is answered by the local stand-in; the host starts in the dark theme.
  const host = await serveFakeTeams(page, baseUrl, {
    frameContext: 'content',
    tabPath: '/tab/',
    token: TEAMS_TOKEN,
    theme: 'dark',
  });
  await page.goto(FAKE_TEAMS_HOST);
  const tab = page.frameLocator('iframe[title="Guichet"]');
  // Strings, not functions: they run in the browser, and the test's tsconfig has no DOM types.
  const background = (): Promise<string> =>
    tabFrame(page).evaluate(
      "getComputedStyle(document.querySelector('.fui-FluentProvider')).backgroundColor",
    );
  const setTheme = (theme: string): Promise<void> => host.call('themeChange', [theme]);

  await tab.getByText('Service opérationnel').waitFor();
  expect(await tab.getByText('Hors de Teams').count()).toBe(0);
  expect((await host.received()).map((message) => message.func)).toEqual(
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
  expect(await eventually(background, (value) => value === contrast)).toBe(contrast);
  await setTheme('default');
  const light = rgb(webLightTheme.colorNeutralBackground2);
  expect(await eventually(background, (value) => value === light)).toBe(light);
  expect(consoleErrors).toEqual([]);
});

/** "#1f1f1f" → "rgb(31, 31, 31)", the form getComputedStyle answers in. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
