/**
 * The built tab served by the real service (restify's static files under /tab/), in headless
 * Chromium, signing in through the real local sign-in and talking to the real /readyz and /api/v1/
 * over a real SQLite store.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startService, type RunningService } from '../support/running-service';

const DIST = path.resolve(__dirname, '../../tab/dist');

describe('the tab served by the service', () => {
  let svc: RunningService;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html')))
      throw new Error('tab/dist is missing: npm test builds it (npm run build:tab)');
    svc = await startService();
    browser = await launchBrowser();
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
  });

  it('loads at /tab/ and shows the live service status and version', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    // Aborted fetches are the app cancelling its own superseded requests, not failures.
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(r.url());
    });
    await page.goto(`${svc.url}/tab/`);
    await page.getByRole('button', { name: /Camille Martin/ }).click({ timeout: 15000 });
    await page.getByText('Service opérationnel').first().waitFor({ timeout: 15000 });
    await page.getByText('version test', { exact: false }).first().waitFor();
    expect(await page.title()).toMatch(/Guichet/);
    expect(failed.filter((u) => u.startsWith(svc.url))).toEqual([]);
    await page.close();
  });
});
