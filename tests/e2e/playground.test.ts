/**
 * End to end: the real service (its own process, SQLite file, demo data) and the real Microsoft 365
 * Agents Playground, driven by headless Chromium like a person would: type "bonjour", get the
 * welcome card with its six actions, press Aide.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { WELCOME_ACTION_TITLES } from '../support/bot-harness';
import { launchBrowser } from '../support/browser';
import { freePort, startProcess, type Started } from '../support/child-process';

const ROOT = path.resolve(__dirname, '../..');
const EDITOR = '[contenteditable="true"][data-lexical-editor="true"]';

jest.setTimeout(180000);

describe('the bot in the Agents Playground', () => {
  let service: Started;
  let playground: Started;
  let browser: Browser;
  let page: Page;
  let playgroundUrl: string;

  beforeAll(async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'guichet-e2e-'));
    const botPort = await freePort();
    const playgroundPort = await freePort();
    const env = { PATH: process.env.PATH, HOME: process.env.HOME };
    service = await startProcess(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bot/src/main.ts')], {
      cwd: ROOT,
      env: {
        ...env,
        PORT: String(botPort),
        HOST: '127.0.0.1',
        DATA_DIR: path.join(work, 'data'),
        LOG_LEVEL: 'info',
      },
      ready: /Guichet is listening/,
    });
    playground = await startProcess(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js'),
        '--disable-telemetry',
        '-p',
        String(playgroundPort),
      ],
      {
        cwd: work,
        env: {
          ...env,
          TEAMSAPPTESTER_BROWSER: 'none',
          BOT_ENDPOINT: `http://127.0.0.1:${botPort}/api/messages`,
          M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(ROOT, '.m365agentsplayground.yml'),
        },
        ready: new RegExp(`Listening on ${playgroundPort}`),
      },
    );
    playgroundUrl = `http://127.0.0.1:${playgroundPort}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await service?.stop();
  });

  it('shows the welcome card with its six actions when the user types "bonjour"', async () => {
    await page.goto(playgroundUrl);
    await page.locator(EDITOR).waitFor();
    // Opening the Playground installs the bot, which greets with a card: count what is there first.
    await page.waitForTimeout(2000);
    const cards = page.locator('.ac-adaptiveCard');
    const before = await cards.count();

    await page.locator(EDITOR).click();
    await page.keyboard.type('bonjour');
    await page.keyboard.press('Enter');

    await cards.nth(before).waitFor({ timeout: 20000 });
    const welcome = cards.last();
    await expectVisibleText(welcome, 'Vous agissez pour Ville de Bellerive-sur-Rhône.');
    for (const title of WELCOME_ACTION_TITLES)
      await welcome.locator(`button[aria-label="${title}"]`).waitFor();
    expect(await welcome.locator('button').count()).toBe(6);
  });

  it('answers the Aide button with the help text', async () => {
    await page.locator('.ac-adaptiveCard').last().locator('button[aria-label="Aide"]').click();
    await page
      .locator('p', { hasText: 'ce que vous pouvez me demander' })
      .first()
      .waitFor({ timeout: 20000 });
  });

  it('reached the service over HTTP: the service logged the turns', () => {
    expect(service.output()).toMatch(/"url":"\/api\/messages","status":200/);
  });
});

async function expectVisibleText(scope: ReturnType<Page['locator']>, text: string): Promise<void> {
  await scope.getByText(text.replace(/\*\*/g, ''), { exact: false }).first().waitFor({ timeout: 10000 });
}
