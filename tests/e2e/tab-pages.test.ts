/**
 * The tab's pages in headless Chromium against the real service (demo data, local sign-in): a
 * beneficiary agent sees only her beneficiary's tickets and a live countdown; a support engineer takes
 * a ticket and answers it from the tab; the CANUT reads without actions; a refused token sends back to
 * the sign-in. axe-core checks every page, in light and dark themes and at Teams mobile width.
 * Screenshots go to /tmp/tab-*.png.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import type { Ticket } from '../../bot/src/domain/tickets/ticket';
import { QuoteFactory } from '../api/quote-harness';
import { signIn, TicketFactory, USERS } from '../api/support/api-harness';
import { launchBrowser } from '../support/browser';
import { startService, type RunningService } from '../support/running-service';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'tab', 'dist');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BELLERIVE = '21690012300029';
const LAMENTIN = '21972234500028';
const HAUTE_VALLEE = '22010045600015';
const DESKTOP = { width: 1280, height: 900 };
const MOBILE = { width: 375, height: 740 };

/** Builds the tab when tab/dist is missing or older than its sources (CI builds it before). */
function ensureTabBuilt(): void {
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

let svc: RunningService;
let browser: Browser;
const tickets: Record<'belleriveCritical' | 'belleriveModerate' | 'lamentin', Ticket> = {} as never;
const open: Page[] = [];

beforeAll(async () => {
  ensureTabBuilt();
  svc = await startService();
  browser = await launchBrowser();
  const factory = new TicketFactory(svc.store);
  tickets.belleriveCritical = await factory.declare(BELLERIVE, {
    title: 'Messagerie arrêtée',
    severity: '1',
  });
  tickets.belleriveModerate = await factory.declare(BELLERIVE, { title: 'Imprimante lente', severity: '3' });
  tickets.lamentin = await factory.declare(LAMENTIN, { title: 'Réseau du Lamentin coupé', severity: '2' });
  // Enough tickets for the staff's list to need a second page (20 per page).
  for (let i = 1; i <= 21; i++)
    await factory.declare(HAUTE_VALLEE, { title: `Poste ${i} bloqué`, severity: '4' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await svc?.stop();
});

afterEach(async () => {
  for (const page of open.splice(0)) await page.close();
});

/** A fresh browser context (own sessionStorage) on the tab, failing the test on any page error. */
async function openTab(options: BrowserContextOptions = {}): Promise<Page & { errors: string[] }> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'fr-FR', ...options });
  const page = Object.assign(await context.newPage(), { errors: [] as string[] });
  page.on('pageerror', (error) => page.errors.push(error.message));
  open.push(page);
  await page.goto(`${svc.url}/tab/`);
  return page;
}

async function signInAs(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name: 'Choisir un utilisateur de démonstration' }).waitFor();
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('banner').getByText(name).waitFor();
}

/** Serious and critical axe-core violations of the page as it is now, as readable lines. */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  const violations = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
    violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  };
  return violations.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Waits until no spinner is left, so axe and screenshots see the loaded page. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction('document.querySelectorAll(".fui-Spinner").length === 0', undefined, {
    timeout: 15_000,
  });
}

async function checkPage(page: Page, screenshot: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: `/tmp/tab-${screenshot}.png`, fullPage: true });
  expect(await axeProblems(page)).toEqual([]);
}

const main = (page: Page) => page.getByRole('main');

/**
 * The locator's text once it differs from `before`, or after 3 s the same text (for the failure
 * message). A loaded machine may run the page's one-second timer late: poll instead of one reading.
 */
async function changedText(locator: Locator, before: string | null): Promise<string | null> {
  const deadline = Date.now() + 3000;
  let text = await locator.textContent();
  while (text === before && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    text = await locator.textContent();
  }
  return text;
}

test('a beneficiary agent sees only her tickets, opens one and watches its countdown tick', async () => {
  const page = await openTab();
  await checkPage(page, 'sign-in');
  await signInAs(page, 'Léa Dubois');

  const waiting = main(page).getByRole('list', { name: 'Tickets en attente de première réponse' });
  await waiting.getByRole('link', { name: /Messagerie arrêtée/ }).waitFor();
  expect(await main(page).getByText('Réseau du Lamentin coupé').count()).toBe(0);
  await checkPage(page, 'dashboard');

  await page.getByRole('navigation').getByRole('link', { name: 'Tickets' }).click();
  const table = main(page).getByRole('table', { name: 'Tickets' });
  await table.getByRole('link', { name: 'Imprimante lente' }).waitFor();
  const titles = await table.locator('a[data-ticket-link]').allTextContents();
  expect(titles.sort()).toEqual(['Imprimante lente', 'Messagerie arrêtée']);
  // A single beneficiary: no beneficiary filter, no beneficiary column.
  expect(await main(page).getByLabel('Bénéficiaire').count()).toBe(0);
  await checkPage(page, 'tickets');

  await table.getByRole('link', { name: 'Messagerie arrêtée' }).click();
  await main(page)
    .getByRole('heading', { name: `${tickets.belleriveCritical.number} — Messagerie arrêtée` })
    .waitFor();
  await main(page)
    .getByText(/Attendue au plus tard le .+, heure de Paris/)
    .waitFor();
  const timer = main(page).getByRole('timer').first();
  const first = await timer.textContent();
  await page.waitForTimeout(1000);
  const second = await changedText(timer, first);
  expect(first).toMatch(/^(dans|en retard de) /);
  expect(second).toMatch(/^(dans|en retard de) /);
  expect(second).not.toBe(first);
  // An agent may add information, never take the ticket.
  expect(await main(page).getByRole('button', { name: 'Prendre en charge' }).count()).toBe(0);
  await main(page).getByRole('button', { name: 'Compléter' }).waitFor();
  await checkPage(page, 'ticket-agent');

  // Another beneficiary's ticket is "not found", exactly like one that does not exist.
  await page.goto(`${svc.url}/tab/#/tickets/${LAMENTIN}/${tickets.lamentin.id}`);
  await main(page).getByText('Ticket indisponible.').waitFor();
  await main(page)
    .getByText(/introuvable/)
    .waitFor();
  expect(page.errors).toEqual([]);
}, 60_000);

test('a support engineer takes a ticket from the tab, then answers it', async () => {
  const page = await openTab();
  await signInAs(page, 'Camille Martin');
  await page.goto(`${svc.url}/tab/#/tickets/${BELLERIVE}/${tickets.belleriveModerate.id}`);
  const ticket = main(page);
  await ticket.getByRole('button', { name: 'Prendre en charge' }).click();

  await ticket.getByRole('status').getByText('Ticket pris en charge.').waitFor();
  const badges = ticket.locator('.fui-Badge', { hasText: 'Pris en charge' });
  await badges.first().waitFor();
  const timeline = ticket.getByRole('region', { name: 'Chronologie' });
  await timeline.getByText(/Camille Martin.*a pris en charge le ticket/).waitFor();
  await timeline.getByText('Statut : Nouveau → Pris en charge').waitFor();
  await ticket.getByText(/Donnée le .+ par Camille Martin/).waitFor();
  await checkPage(page, 'ticket-taken');

  // An empty answer: the API's French message shows under the field.
  await ticket.getByRole('button', { name: 'Répondre' }).click();
  const form = ticket.getByRole('form', { name: 'Répondre' });
  await form.getByRole('button', { name: 'Répondre' }).click();
  await ticket.getByText('Action refusée.').waitFor();
  await form.getByText('Écrivez votre réponse au bénéficiaire.').waitFor();
  await checkPage(page, 'ticket-reply-error');

  await form.getByLabel(/Votre réponse au bénéficiaire/).fill('Nous redémarrons le serveur d’impression.');
  await form.getByRole('button', { name: 'Répondre' }).click();
  await ticket.getByRole('status').getByText('Réponse envoyée au bénéficiaire.').waitFor();
  await timeline.getByText('Nous redémarrons le serveur d’impression.').waitFor();
  await ticket.locator('.fui-Badge', { hasText: 'En cours' }).first().waitFor();

  // The intervention report: three texts and the restoration time, prefilled with now (Paris time).
  await ticket.getByRole('button', { name: 'Résoudre' }).click();
  const report = ticket.getByRole('form', { name: 'Résoudre' });
  await report.getByLabel(/Diagnostic/).fill('File d’impression bloquée.');
  await report.getByLabel(/Actions menées/).fill('Redémarrage du spouleur.');
  await report.getByLabel(/Cause de l'incident/).fill('Pilote défectueux.');
  expect(await report.getByLabel(/Service rétabli le \(heure de Paris\)/).inputValue()).toMatch(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/,
  );
  await report.getByRole('button', { name: 'Résoudre' }).click();
  await ticket
    .getByRole('status')
    .getByText(/Ticket résolu/)
    .waitFor();
  const written = ticket.getByRole('region', { name: "Rapport d'intervention" });
  await written.getByText('Redémarrage du spouleur.').waitFor();
  await ticket.locator('.fui-Badge', { hasText: 'Résolu' }).first().waitFor();
  await checkPage(page, 'ticket-resolved');
  expect(page.errors).toEqual([]);
}, 60_000);

test('staff filter by beneficiary and page through the list with "Charger plus"', async () => {
  const page = await openTab();
  await signInAs(page, 'Camille Martin');
  await page.getByRole('navigation').getByRole('link', { name: 'Tickets' }).click();
  const table = main(page).getByRole('table', { name: 'Tickets' });
  await table.locator('a[data-ticket-link]').first().waitFor();
  expect(await table.locator('a[data-ticket-link]').count()).toBe(20);

  await main(page).getByRole('button', { name: 'Charger plus' }).click();
  await main(page)
    .getByText(/tous les tickets sont affichés/)
    .waitFor();
  expect(await table.locator('a[data-ticket-link]').count()).toBe(24);

  await main(page).getByLabel('Bénéficiaire').selectOption(LAMENTIN);
  await table.getByRole('link', { name: 'Réseau du Lamentin coupé' }).waitFor();
  await page.waitForFunction('document.querySelectorAll("a[data-ticket-link]").length === 1');
  expect(page.url()).toContain(`beneficiary=${LAMENTIN}`);
  await checkPage(page, 'tickets-staff');
  expect(page.errors).toEqual([]);
}, 60_000);

test('the CANUT reads every ticket but is offered no action', async () => {
  const page = await openTab();
  await signInAs(page, 'Sophie Laurent');
  await page.goto(`${svc.url}/tab/#/tickets/${LAMENTIN}/${tickets.lamentin.id}`);
  await main(page)
    .getByRole('heading', { name: /Réseau du Lamentin coupé/ })
    .waitFor();
  await main(page)
    .getByText(/heure de la Martinique/)
    .first()
    .waitFor();
  expect(await main(page).getByRole('region', { name: 'Actions' }).count()).toBe(0);
  expect(page.errors).toEqual([]);
}, 60_000);

test('a refused token sends back to the sign-in with a French message', async () => {
  const page = await openTab();
  await signInAs(page, 'Léa Dubois');
  await page.evaluate(
    'sessionStorage.setItem("guichet.session", JSON.stringify({ accessToken: "abc.def.ghi" }))',
  );
  await page.reload();
  await page.getByText(/Votre session a expiré ou n'est plus reconnue par le service/).waitFor();
  await page.getByRole('heading', { name: 'Choisir un utilisateur de démonstration' }).waitFor();

  await signInAs(page, 'Léa Dubois');
  await page.getByRole('button', { name: "Se déconnecter / changer d'utilisateur" }).click();
  await page.getByText('Vous êtes déconnecté.').waitFor();
  expect(await page.evaluate('sessionStorage.getItem("guichet.session")')).toBeNull();
});

test.each([
  ['dark', { colorScheme: 'dark' as const, viewport: DESKTOP }],
  ['mobile', { colorScheme: 'light' as const, viewport: MOBILE, isMobile: true, hasTouch: true }],
  ['mobile-dark', { colorScheme: 'dark' as const, viewport: MOBILE, isMobile: true, hasTouch: true }],
])(
  'every page passes axe in the %s layout',
  async (name, options) => {
    const page = await openTab(options);
    await checkPage(page, `${name}-sign-in`);
    await signInAs(page, 'Camille Martin');
    await main(page).getByRole('list', { name: 'Tickets en attente de première réponse' }).waitFor();
    await checkPage(page, `${name}-dashboard`);
    await page.goto(`${svc.url}/tab/#/tickets`);
    await main(page).getByRole('table', { name: 'Tickets' }).waitFor();
    await checkPage(page, `${name}-tickets`);
    await page.goto(`${svc.url}/tab/#/tickets/${BELLERIVE}/${tickets.belleriveCritical.id}`);
    await main(page).getByRole('region', { name: 'Chronologie' }).waitFor();
    // Taken by the first layout's run; the report form needs a taken ticket.
    const take = main(page).getByRole('button', { name: 'Prendre en charge' });
    if ((await take.count()) > 0) await take.click();
    await main(page).getByRole('button', { name: 'Résoudre' }).click();
    await main(page).getByRole('form', { name: 'Résoudre' }).waitFor();
    await checkPage(page, `${name}-ticket`);
    expect(page.errors).toEqual([]);
  },
  60_000,
);

test('the dashboard lists the quotes to send soonest and the orders under way, or says there are none', async () => {
  const quotes = new QuoteFactory(svc.store);
  const requested = await quotes.quote(BELLERIVE, 'requested');
  const order = await quotes.order(BELLERIVE);
  const page = await openTab({ viewport: MOBILE, isMobile: true, hasTouch: true });
  await signInAs(page, 'Julien Bernard');

  const toSend = main(page).getByRole('list', { name: "Devis à rendre, date limite la plus proche d'abord" });
  const line = toSend.getByRole('listitem').filter({ hasText: requested.number });
  await line.getByRole('link', { name: `${requested.number} — ${requested.request.subject}` }).waitFor();
  const [y, m, d] = requested.dueDate.split('-');
  expect(await line.textContent()).toMatch(
    new RegExp(`À envoyer au plus tard le ${d}/${m}/${y} — (encore \\d+ jours? ouvrés?|dernier jour)`),
  );
  // Its order's quote, accepted, has nothing left to send.
  expect(await toSend.getByText(order.quote.subject).count()).toBe(0);
  const underWay = main(page).getByRole('list', { name: 'Commandes en cours' });
  const orderLine = underWay.getByRole('listitem').filter({ hasText: order.number });
  await orderLine.getByRole('link', { name: `${order.number} — ${order.quote.subject}` }).waitFor();
  await orderLine.getByText('Émis').waitFor();
  await checkPage(page, 'dashboard-commercial-mobile');
  expect(
    await page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth'),
  ).toBe(false);

  // Another beneficiary's agent has neither.
  const other = await openTab();
  await signInAs(other, 'Joël Célestine');
  await main(other).getByText("Aucun devis n'attend d'être envoyé.").waitFor();
  await main(other).getByText("Aucune commande n'est en cours.").waitFor();
  expect([...page.errors, ...other.errors]).toEqual([]);
}, 60_000);

test('an old ticket changed just now comes first under "Modifiés récemment"', async () => {
  // More newer tickets than the dashboard ever read when it sorted by reception.
  const factory = new TicketFactory(svc.store);
  const old = await factory.declare(BELLERIVE, { title: 'Agenda partagé indisponible', severity: '3' });
  for (let i = 1; i <= 31; i++) await factory.declare(LAMENTIN, { title: `Lenteur ${i}`, severity: '4' });
  const token = await signIn(svc, USERS.engineer);
  const changed = await fetch(`${svc.url}/api/v1/tickets/${BELLERIVE}/${old.id}/actions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'take' }),
  });
  expect(changed.status).toBe(200);

  const page = await openTab();
  await signInAs(page, 'Camille Martin');
  const recent = main(page).getByRole('list', { name: 'Tickets modifiés récemment' });
  await recent.getByRole('listitem').first().waitFor();
  expect(await recent.getByRole('link').first().textContent()).toBe(`${old.number} — ${old.title}`);
  expect(page.errors).toEqual([]);
}, 60_000);
