/**
 * The channel tab's configuration page (`#/configuration`, the manifest's `configurationUrl`) in
 * headless Chromium, served by the real service: in a browser it explains what it is for without
 * asking anyone to sign in; in a fake Teams host (teams-js's postMessage protocol, frame context
 * "settings") the user picks a page, which makes the settings valid, and Teams' "Enregistrer" stores
 * that page's address before the save succeeds. axe-core checks both.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startService, type RunningService } from '../support/running-service';
import {
  axeProblems,
  checkPage,
  eventually,
  ensureTabBuilt,
  FAKE_TAB_ORIGIN,
  MOBILE,
  openInFakeTeams,
  openPage,
  overflowsSideways,
  tabFrame,
  type HostMessage,
} from './tab-harness';

let svc: RunningService;
let browser: Browser;

beforeAll(async () => {
  ensureTabBuilt();
  svc = await startService({
    SLA_WATCH_INTERVAL_MS: '0',
    QUOTE_WATCH_INTERVAL_MS: '0',
    OUTBOX_INTERVAL_MS: '0',
  });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await svc?.stop();
});

test('outside Teams it explains itself, without the sign-in, at desktop and mobile width', async () => {
  for (const [name, viewport] of [
    ['configuration', undefined],
    ['configuration-mobile', MOBILE],
  ] as const) {
    const page = await openPage(browser, `${svc.url}/tab/#/configuration`, viewport ? { viewport } : {});
    try {
      const main = page.getByRole('main');
      await main.getByRole('heading', { name: 'Configurer l’onglet Guichet', level: 2 }).waitFor();
      await main.getByText(/Teams ouvre cette page lorsque vous ajoutez Guichet comme onglet/).waitFor();
      expect(await page.getByText('Choisir un utilisateur de démonstration').count()).toBe(0);
      expect(await page.getByRole('radiogroup').count()).toBe(0);
      expect(await page.title()).toBe('Configurer l’onglet Guichet — Guichet');
      await checkPage(page, name);
      expect(await overflowsSideways(page)).toBe(false);
      expect(page.errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }
}, 60_000);

test('inside Teams the chosen page is saved as the channel tab’s address', async () => {
  const teams = await openInFakeTeams(browser, svc.url, {
    frameContext: 'settings',
    tabPath: '/tab/#/configuration',
  });
  const tab = teams.page.frameLocator('iframe[title="Guichet"]');
  const named = async (func: string): Promise<HostMessage[]> =>
    (await teams.received()).filter((m) => m.func === func);
  try {
    const choices = tab.getByRole('radiogroup');
    await choices.waitFor();
    expect(await choices.getByRole('radio').count()).toBe(5);
    for (const label of ['Tableau de bord', 'Tickets', 'Devis', 'Commandes', 'Rapports'])
      expect(await choices.getByRole('radio', { name: label }).count()).toBe(1);
    expect(await tab.getByText('Choisir un utilisateur de démonstration').count()).toBe(0);
    // The save handler is registered, and nothing is valid before a choice.
    const handlers = await eventually(
      async () => (await named('registerHandler')).map((m) => m.args),
      (args) => args.length > 0,
    );
    expect(handlers).toContainEqual(['save']);
    expect(await named('settings.setValidityState')).toEqual([]);
    expect(await axeProblems(tabFrame(teams.page))).toEqual([]);

    await tab.getByRole('radio', { name: 'Tickets' }).check();
    const validity = await eventually(
      async () => (await named('settings.setValidityState')).map((m) => m.args),
      (args) => args.length > 0,
    );
    expect(validity).toEqual([[true]]);

    await teams.call('settings.save', [{}]);
    const saved = await eventually(
      () => named('settings.save.success'),
      (messages) => messages.length > 0,
    );
    expect(saved).toHaveLength(1);
    const url = `${FAKE_TAB_ORIGIN}/tab/#/tickets`;
    expect((await named('settings.setSettings')).map((m) => m.args)).toEqual([
      [
        {
          entityId: 'guichet-tickets',
          contentUrl: url,
          websiteUrl: url,
          suggestedDisplayName: 'Guichet — Tickets',
        },
      ],
    ]);
    expect(await named('settings.save.failure')).toEqual([]);
    expect(teams.page.errors).toEqual([]);
  } finally {
    await teams.page.context().close();
  }
}, 60_000);
