/**
 * The user menu in headless Chromium, in a fake Teams host whose SSO hands the tab an Entra-like token:
 * the real service exchanges it on behalf of the user at a local Entra and reads a local Graph, and the
 * banner shows the Microsoft 365 name, job title and photo. With the local sign-in (no Graph), the
 * menu shows the session's name and the initials, and asks for no photo.
 */
import type { Browser } from 'playwright-core';
import { startFakeMicrosoftCloud, type FakeMicrosoftCloud } from '../api/support/fake-microsoft-cloud';
import { startTestProvider, TEST_AUDIENCE, type TestProvider } from '../api/support/test-provider';
import { launchBrowser } from '../support/browser';
import { startService, type RunningService } from '../support/running-service';
import { ensureTabBuilt, eventually, openInFakeTeams, openPage, signInAs } from './tab-harness';

const BELLERIVE_TENANT = 'b0a1c2d3-0000-4000-8000-000000000001';
const QUIET = { SLA_WATCH_INTERVAL_MS: '0', QUOTE_WATCH_INTERVAL_MS: '0', OUTBOX_INTERVAL_MS: '0' };

let browser: Browser;

beforeAll(async () => {
  ensureTabBuilt();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

describe('in Teams, with the API’s Entra registration', () => {
  let provider: TestProvider;
  let cloud: FakeMicrosoftCloud;
  let svc: RunningService;

  beforeAll(async () => {
    provider = await startTestProvider();
    cloud = await startFakeMicrosoftCloud();
    // A real 48×48 JPEG, as Graph serves it: Chromium draws one and encodes it.
    const canvas = await browser.newPage({ viewport: { width: 48, height: 48 } });
    await canvas.setContent('<body style="margin:0;background:#c43e1c"></body>');
    cloud.photo = await canvas.screenshot({ type: 'jpeg' });
    await canvas.close();
    svc = await startService({
      ...QUIET,
      ...provider.env(),
      ...cloud.env(),
      AUTH_CLIENT_ID: TEST_AUDIENCE.split('/').pop()!,
      AUTH_CLIENT_SECRET: 'test-only-client-secret',
    });
  }, 60_000);
  afterAll(async () => {
    await svc?.stop();
    await cloud?.stop();
    await provider?.stop();
  });

  test('shows the Microsoft 365 name, job title and photo', async () => {
    const token = await provider.sign({
      tid: BELLERIVE_TENANT,
      oid: 'c0ffee00-0000-4000-8000-000000000042',
      name: 'C. Martin',
    });
    const teams = await openInFakeTeams(browser, svc.url, {
      frameContext: 'content',
      tabPath: '/tab/',
      token,
    });
    try {
      const banner = teams.page.frameLocator('iframe[title="Guichet"]').getByRole('banner');
      await banner.getByText('Camille Martin').waitFor({ timeout: 15_000 });
      await banner.getByText('Chargée de mission numérique').waitFor();
      const photo = banner.locator('.fui-Avatar img');
      await photo.waitFor();
      expect(await photo.getAttribute('src')).toMatch(/^blob:/);
      // Decoded by the browser: a real picture, not a broken image.
      const width = await eventually(
        () => photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
        (w) => w > 0,
      );
      expect(width).toBe(48);
      expect(cloud.graphRequests.map((r) => r.path).sort()).toEqual([
        '/v1.0/me',
        '/v1.0/me/photos/48x48/$value',
      ]);
      expect(teams.page.errors).toEqual([]);
    } finally {
      await teams.page.context().close();
    }
  }, 60_000);
});

describe('with the local sign-in', () => {
  let svc: RunningService;

  beforeAll(async () => {
    svc = await startService(QUIET);
  });
  afterAll(async () => {
    await svc?.stop();
  });

  test('shows the session’s name and initials, and asks for no photo', async () => {
    const page = await openPage(browser, `${svc.url}/tab/`);
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    try {
      await signInAs(page, 'Camille Martin');
      const avatar = page.getByRole('banner').locator('.fui-Avatar');
      await avatar.getByText('CM').waitFor();
      expect(await avatar.locator('img').count()).toBe(0);
      await page.waitForLoadState('networkidle');
      expect(asked).toContain('/api/v1/me/profile');
      expect(asked).not.toContain('/api/v1/me/photo');
      expect(page.errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 60_000);
});
