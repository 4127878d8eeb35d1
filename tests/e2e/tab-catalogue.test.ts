/**
 * Catalogue et contacts in headless Chromium against the real service (demo data, local sign-in):
 * a beneficiary's agent reads the offer, the price schedule in force and the account managers, sends
 * an empty form (French messages next to the inputs, nothing stored), then a request whose answer
 * is lost on the way (the retry records one request, not two), and follows the link to it. CANUT
 * staff read the same page without the form, at Teams mobile width. axe-core checks each state.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { QUIET } from '../api/quote-harness';
import { launchBrowser } from '../support/browser';
import { countAllDocuments, startService, type RunningService } from '../support/running-service';
import {
  checkPage,
  ensureTabBuilt,
  MOBILE,
  openPage,
  overflowsSideways,
  signInAs,
  type TabPage,
} from './tab-harness';

const BELLERIVE = '21690012300029';

let svc: RunningService;
let browser: Browser;
const open: Page[] = [];

beforeAll(async () => {
  ensureTabBuilt();
  svc = await startService(QUIET);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await svc?.stop();
});

afterEach(async () => {
  for (const page of open.splice(0)) await page.context().close();
});

async function tab(options: Parameters<typeof openPage>[2] = {}): Promise<TabPage> {
  const page = await openPage(browser, `${svc.url}/tab/`, options);
  open.push(page);
  return page;
}

/** The API's answer for a demo user, through the same local sign-in as the tab. */
async function apiGet<T>(userName: string, path: string): Promise<T> {
  const { users } = (await (await fetch(`${svc.url}/api/v1/local-sign-in/users`)).json()) as {
    users: { id: string; name: string }[];
  };
  const user = users.find((u) => u.name === userName)!;
  const signIn = await svc.post('/api/v1/local-sign-in', { userId: user.id });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const res = await fetch(`${svc.url}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** The texts an input's aria-describedby points to: what a screen reader says after its label. */
async function descriptionOf(input: Locator): Promise<string> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const page = input.page();
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

type QuoteList = { items: { id: string; number: string; dueDate: string; request: { subject: string } }[] };

test('an agent reads the offer and contacts, and her message becomes one quote request', async () => {
  const schedule = await apiGet<{ version: string; lines: unknown[] }>(
    'Léa Dubois',
    '/api/v1/catalogue/price-schedule',
  );
  const page = await tab();
  await signInAs(page, 'Léa Dubois');
  await page.getByRole('navigation').getByRole('link', { name: 'Catalogue et contacts' }).click();
  const main = page.getByRole('main');
  await main.getByRole('heading', { name: 'Catalogue et contacts', level: 2 }).waitFor();

  const prices = main.getByRole('table', {
    name: `Bordereau des prix unitaires, version ${schedule.version}`,
  });
  await prices.waitFor();
  expect(await prices.locator('tbody tr').count()).toBe(schedule.lines.length);
  const contacts = main.getByRole('list', { name: 'Chargés de compte du Titulaire' });
  await contacts.getByText('Julien Bernard').waitFor();
  expect(
    await contacts.getByRole('link', { name: 'julien.bernard@titulaire.example' }).getAttribute('href'),
  ).toBe('mailto:julien.bernard@titulaire.example');
  // One beneficiary: nothing to choose.
  const form = main.getByRole('form', { name: 'Demander un devis' });
  expect(await form.getByLabel('Bénéficiaire').count()).toBe(0);
  await checkPage(page, 'catalogue');

  // Empty: each input says what it needs, focus is on the first, and nothing is written.
  const before = await countAllDocuments(svc.store);
  await form.getByRole('button', { name: 'Envoyer la demande' }).click();
  await form.getByText('Demande non enregistrée.').waitFor();
  expect(await descriptionOf(form.getByLabel('Objet'))).toContain(
    'Donnez un objet à votre demande de devis.',
  );
  expect(await descriptionOf(form.getByLabel('Domaine'))).toMatch(/Choisissez un domaine : Modern Workplace/);
  expect(await descriptionOf(form.getByLabel('Message'))).toContain(
    'Décrivez votre besoin : le contexte, le résultat attendu, les contraintes.',
  );
  expect(await page.evaluate('document.activeElement.id')).toBe('contact-subject');
  expect(await countAllDocuments(svc.store)).toBe(before);
  await checkPage(page, 'catalogue-errors');

  // The first answer is lost on the way: the user sends again, the service records once.
  const subject = `Audit de sécurité ${Date.now()}`;
  let lost = false;
  await page.route(`${svc.url}/api/v1/quotes`, async (route) => {
    if (lost || route.request().method() !== 'POST') return route.continue();
    lost = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await form.getByLabel('Objet').fill(subject);
  await form.getByLabel('Domaine').selectOption('protection-donnees');
  await form
    .getByLabel('Message')
    .fill('Auditer la configuration de sécurité de notre tenant Microsoft 365.');
  await form.getByRole('button', { name: 'Envoyer la demande' }).click();
  await form.getByText(/injoignable/).waitFor();
  await form.getByRole('button', { name: 'Envoyer la demande' }).click();
  const done = main.locator('[data-request-recorded]');
  await done.getByText(/^Demande DEV-\S+ enregistrée\.$/).waitFor();
  expect(lost).toBe(true);

  const { items } = await apiGet<QuoteList>(
    'Léa Dubois',
    `/api/v1/quotes?beneficiary=${BELLERIVE}&limit=100`,
  );
  const mine = items.filter((q) => q.request.subject === subject);
  expect(mine).toHaveLength(1);
  const [y, m, d] = mine[0]!.dueDate.split('-');
  expect(await done.textContent()).toContain(`Demande ${mine[0]!.number} enregistrée.`);
  expect(await done.textContent()).toContain(`au plus tard le ${d}/${m}/${y} (10 jours ouvrés)`);
  expect(await form.getByLabel('Objet').inputValue()).toBe('');
  await checkPage(page, 'catalogue-recorded');

  await done.getByRole('link', { name: `Voir la demande ${mine[0]!.number}` }).click();
  await main.getByRole('heading', { name: new RegExp(`^${mine[0]!.number}`) }).waitFor();
  expect(page.errors).toEqual([]);
}, 90_000);

test('CANUT staff read the catalogue and the contacts without the form, at Teams mobile width', async () => {
  const page = await tab({ viewport: MOBILE });
  await signInAs(page, 'Sophie Laurent');
  await page.goto(`${svc.url}/tab/#/catalogue`);
  const main = page.getByRole('main');
  await main
    .getByRole('list', { name: 'Chargés de compte du Titulaire' })
    .getByText('Julien Bernard')
    .waitFor();
  await main.getByRole('table', { name: /^Bordereau des prix unitaires/ }).waitFor();
  expect(await main.getByRole('heading', { name: 'Nous écrire' }).count()).toBe(0);
  expect(await main.getByRole('form').count()).toBe(0);
  await checkPage(page, 'catalogue-mobile');
  expect(await overflowsSideways(page)).toBe(false);
  expect(page.errors).toEqual([]);
}, 60_000);
