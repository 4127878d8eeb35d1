/**
 * The Rapports page in headless Chromium against the real service: a generated data set (orders,
 * quotes, tickets over 2025–2026) on top of the demo data; CANUT staff pick a year, read the key
 * figures (checked against the API's own JSON), see the three charts (SVG) with their tables, and
 * download the XLSX workbook (a zip: "PK"). axe-core finds no serious or critical issue. A link to
 * a period with a file asked for (the CANUT card's), in a browser or as a Teams deep link's
 * sub-page, opens that period and downloads the file once.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { buildDataset } from '../domain/reports/report-dataset';
import { storeDataset } from '../reports/report-store';
import { launchBrowser } from '../support/browser';
import { startService, type RunningService } from '../support/running-service';
import { checkPage, ensureTabBuilt, openInFakeTeams, openPage, signInAs } from './tab-harness';

const PERIOD = '2025';

let svc: RunningService;
let browser: Browser;

beforeAll(async () => {
  ensureTabBuilt();
  svc = await startService();
  await storeDataset(svc.store, buildDataset(11, 60, 80));
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await svc?.stop();
});

/** A token for a demo user, through the same local sign-in as the tab. */
async function tokenFor(name: string): Promise<string> {
  const { users } = (await (await fetch(`${svc.url}/api/v1/local-sign-in/users`)).json()) as {
    users: { id: string; name: string }[];
  };
  const user = users.find((u) => u.name === name);
  if (!user) throw new Error(`no demo user ${name}`);
  const answer = await svc.post('/api/v1/local-sign-in', { userId: user.id });
  return ((await answer.json()) as { accessToken: string }).accessToken;
}

interface Trace {
  ids: string[];
}
interface ApiReport {
  period: { label: string };
  volume: {
    total: { htCents: number; orderCount: number };
    rows: { siret: string | null; bucket: { kind: string } }[];
  };
  priceLines: unknown[];
  sla: {
    total: { onTime: Trace; late: Trace; openLate: Trace; pending: Trace; complianceBp: number | null };
  };
  quotes: { total: { onTimeBp: number | null } };
  penalties: { totalCents: number };
}

const euros = (cents: number) =>
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const rate = (bp: number | null) =>
  bp === null
    ? '—'
    : new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 }).format(bp / 10_000);
const count = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
/** Browsers and Node may differ in which space groups digits: compare with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

test('CANUT staff pick a year, read its key figures and charts, and download the workbook', async () => {
  const token = await tokenFor('Sophie Laurent');
  const api = await fetch(`${svc.url}/api/v1/reports?period=${PERIOD}&format=json`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(api.status).toBe(200);
  const report = (await api.json()) as ApiReport;
  // The data set must give the page something to draw.
  expect(report.volume.total.orderCount).toBeGreaterThan(0);
  expect(report.priceLines.length).toBeGreaterThan(0);

  const page = await openPage(browser, `${svc.url}/tab/`);
  try {
    await signInAs(page, 'Sophie Laurent');
    await page.getByRole('navigation').getByRole('link', { name: 'Rapports' }).click();

    const main = page.getByRole('main');
    await main.getByLabel('Type de période').selectOption('year');
    await main.getByLabel('Année').selectOption(PERIOD);
    await main
      .getByRole('heading', { name: `Rapport ${report.period.label} — tous les bénéficiaires` })
      .waitFor();
    expect(page.url()).toContain(`period=${PERIOD}`);

    const figure = async (id: string) =>
      plain(await main.locator(`[data-figure="${id}"] [data-figure-value]`).textContent());
    const sla = report.sla.total;
    const tickets =
      sla.onTime.ids.length + sla.late.ids.length + sla.openLate.ids.length + sla.pending.ids.length;
    expect(await figure('volume')).toBe(plain(euros(report.volume.total.htCents)));
    expect(await figure('orders')).toBe(plain(count(report.volume.total.orderCount)));
    expect(await figure('tickets')).toBe(plain(count(tickets)));
    expect(await figure('sla')).toBe(plain(rate(sla.complianceBp)));
    expect(await figure('quotes')).toBe(plain(rate(report.quotes.total.onTimeBp)));
    expect(await figure('penalties')).toBe(plain(euros(report.penalties.totalCents)));

    // Three charts drawn as SVG, each with its table.
    for (const chart of ['volume', 'sla', 'price-lines']) {
      await main.locator(`[data-chart="${chart}"] svg`).first().waitFor();
    }
    const months = report.volume.rows.filter((r) => r.siret === null && r.bucket.kind === 'month');
    const volumeTable = main.getByRole('table', { name: "Volume d'affaires HT par mois (tableau)" });
    expect(await volumeTable.locator('tbody tr').count()).toBe(months.length);
    await main.getByRole('table', { name: /par gravité \(tableau\)/ }).waitFor();
    const linesTable = main.getByRole('table', { name: /bordereau de prix \(tableau\)/ });
    expect(await linesTable.locator('tbody tr').count()).toBe(report.priceLines.length);

    await checkPage(page, 'reports');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main.getByRole('button', { name: /classeur Excel/ }).click(),
    ]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await main
      .getByRole('status')
      .getByText(/téléchargé/)
      .waitFor();
    expect(page.errors).toEqual([]);
  } finally {
    await page.context().close();
  }
}, 120_000);

test('a link to a period with a file asked for selects the period and downloads the file once', async () => {
  // The period as the CANUT card writes it (the API's key), before anyone signed in.
  const page = await openPage(browser, `${svc.url}/tab/#/rapports?period=2025-T3&download=csv`);
  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  try {
    await page.getByRole('heading', { name: 'Choisir un utilisateur de démonstration' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Sophie Laurent/ }).click(),
    ]);
    const main = page.getByRole('main');
    await main.getByRole('heading', { name: 'Rapport T3 2025 — tous les bénéficiaires' }).waitFor();
    expect(await main.getByLabel('Type de période').inputValue()).toBe('quarter');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(readFileSync(await download.path(), 'utf8')).toContain(';');
    // Dropped from the address once started: a reload shows the report without downloading again.
    await page.waitForFunction('!location.hash.includes("download=")');
    expect(page.url()).toMatch(/#\/rapports\?period=2025-T3$/);
    await page.reload();
    await main.getByRole('heading', { name: 'Rapport T3 2025 — tous les bénéficiaires' }).waitFor();
    await page.waitForTimeout(1000);
    expect(downloads).toHaveLength(1);
    expect(page.errors).toEqual([]);
  } finally {
    await page.context().close();
  }
}, 60_000);

test('a Teams deep link to the personal tab opens the period and downloads the workbook', async () => {
  const teams = await openInFakeTeams(browser, svc.url, {
    frameContext: 'content',
    tabPath: '/tab/',
    token: await tokenFor('Sophie Laurent'),
    subEntityId: 'rapports?period=2025-T3&download=xlsx',
  });
  try {
    const download = await teams.page.waitForEvent('download', { timeout: 30_000 });
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      readFileSync(await download.path())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    const tab = teams.page.frameLocator('iframe[title="Guichet"]');
    await tab.getByRole('heading', { name: 'Rapport T3 2025 — tous les bénéficiaires' }).waitFor();
    expect(teams.page.errors).toEqual([]);
  } finally {
    await teams.page.context().close();
  }
}, 60_000);
