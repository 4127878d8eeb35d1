/**
 * The start-up shared by the end-to-end conversation tests: the real service in its own process
 * (SQLite file — Cosmos DB in the jest project `cosmos` —, demo data, outbox swept every 200 ms), one Microsoft 365 Agents Playground per
 * person (a Playground has one tenant and one current user) and headless Chromium with one page per
 * Playground. Also the few gestures every such test makes, with the selectors of Playground 0.2.28.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { freePort, startGuichetProcess, type Started } from './child-process';
import { testStoreIsCosmos } from '../store/cosmos-service-store';
import { EMULATOR_KEY, startCosmosTestServer, type CosmosTestServer } from '../store/cosmos-test-server';
import { playgroundLog, startPlayground, type StartedPlayground } from './playground';

/** The Playground's message boxes (chat input, new post, replies) are Lexical editors. */
export const PLAYGROUND_EDITOR = '[contenteditable="true"][data-lexical-editor="true"]';

/**
 * The service, one Playground per person (name → Playground config file) and a browser page on each.
 * Created before it starts, so that `afterAll` can stop whatever started even when `beforeAll` timed
 * out half-way: what a late start step brings up after `stop()` is stopped at once.
 */
export class PlaygroundRig<Name extends string> {
  /** The service's base URL, once started. */
  botUrl = '';
  /** One Chromium page per person, each on its own Playground, once started. */
  readonly pages = {} as Record<Name, Page>;
  private readonly work: string;
  private service: Started | undefined;
  private cosmos: CosmosTestServer | undefined;
  private playgrounds: StartedPlayground[] = [];
  private browser: Browser | undefined;
  private stopped = false;
  private failed = false;

  constructor(
    label: string,
    private readonly people: Record<Name, string>,
  ) {
    this.work = mkdtempSync(path.join(tmpdir(), `guichet-${label}-e2e-`));
  }

  /** Starts everything, in order; a part that fails stops what started before it. */
  async start(): Promise<void> {
    try {
      const { url, ...service } = await startServiceProcess(this.work, await this.storeEnvironment());
      this.service = service;
      this.botUrl = url;
      await this.checkNotStopped();
      await this.startPlaygrounds();
      this.browser = await launchBrowser();
      await this.checkNotStopped();
      const names = Object.keys(this.people) as Name[];
      const browser = this.browser;
      const opened = await Promise.all(this.playgrounds.map((p) => openPlayground(browser, p.url)));
      names.forEach((name, i) => (this.pages[name] = opened[i]!));
    } catch (err) {
      this.failed = true;
      await this.stop();
      throw new Error(`${(err as Error).message}\n(logs kept in ${this.work})`);
    }
  }

  /** Stops everything started so far; keeps the working folder (screenshots, logs) when a step failed. */
  async stop(): Promise<void> {
    this.stopped = true;
    const { browser, playgrounds, service, cosmos } = this;
    this.browser = undefined;
    this.playgrounds = [];
    this.service = undefined;
    this.cosmos = undefined;
    await browser?.close();
    await Promise.all(playgrounds.map((p) => p.stop()));
    await service?.stop();
    await cosmos?.close();
    if (!this.failed) rmSync(this.work, { recursive: true, force: true });
  }

  /** Runs a step; on failure, adds every page's screenshot and the end of every log to the error. */
  async step(name: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (err) {
      this.failed = true;
      const shots = await screenshots(this.work, name, this.pages);
      throw new Error(
        `${name}: ${(err as Error).message}\nScreenshots: ${shots.join(', ') || 'none'}\n` +
          `--- service output (end) ---\n${this.service?.output().slice(-3000) ?? ''}\n` +
          this.playgrounds.map((p) => playgroundLog(p.cwd, 1500)).join('\n'),
      );
    }
  }

  /** The store the service says it runs on (`sqlite` or `cosmos`), from its start-up log line. */
  serviceStore(): string | undefined {
    const line = (this.service?.output() ?? '').split('\n').find((l) => l.includes('"Guichet is listening"'));
    return line ? (JSON.parse(line) as { store?: string }).store : undefined;
  }

  /** Lines the service logged at level error or fatal. */
  serviceErrors(): string[] {
    const output = this.service?.output() ?? '';
    return output.split('\n').filter((line) => /"level":(50|60)/.test(line));
  }

  /**
   * The service's store: its SQLite file, or in the jest project `cosmos` the real Cosmos DB adapter
   * on an in-process HTTPS emulator whose certificate only the service process is told to trust.
   */
  private async storeEnvironment(): Promise<Record<string, string>> {
    if (!testStoreIsCosmos()) return {};
    this.cosmos = await startCosmosTestServer();
    const ca = path.join(this.work, 'cosmos-test-ca.pem');
    writeFileSync(ca, this.cosmos.certificate!);
    return {
      STORE: 'cosmos',
      COSMOS_ENDPOINT: this.cosmos.endpoint,
      COSMOS_KEY: EMULATOR_KEY,
      COSMOS_DATABASE: 'guichet-e2e',
      NODE_EXTRA_CA_CERTS: ca,
    };
  }

  private async startPlaygrounds(): Promise<void> {
    const started = await Promise.allSettled(
      Object.entries<string>(this.people).map(([name, config]) =>
        startPlayground({ config, botUrl: this.botUrl, cwd: mkdtempSync(path.join(this.work, `${name}-`)) }),
      ),
    );
    // Keep whichever started, so that stop() stops it even when another one failed.
    this.playgrounds = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failure = started.find((r) => r.status === 'rejected');
    if (failure) throw failure.reason;
    await this.checkNotStopped();
  }

  /** After a timed-out beforeAll has called stop(), a late step stops what it just started. */
  private async checkNotStopped(): Promise<void> {
    if (!this.stopped) return;
    await this.stop();
    throw new Error('stopped while starting (beforeAll timed out?)');
  }
}

async function startServiceProcess(
  work: string,
  storeEnvironment: Record<string, string>,
): Promise<Started & { url: string }> {
  const port = await freePort();
  const started = await startGuichetProcess({
    port,
    dataDir: path.join(work, 'data'),
    env: { LOG_LEVEL: 'info', OUTBOX_INTERVAL_MS: '200', ...storeEnvironment },
  });
  return { ...started, url: `http://127.0.0.1:${port}` };
}

async function screenshots(work: string, step: string, pages: Record<string, Page>): Promise<string[]> {
  const shots: string[] = [];
  for (const [who, page] of Object.entries(pages)) {
    const file = path.join(work, `${step.replace(/\W+/g, '-')}-${who}.png`);
    if (await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)) shots.push(file);
  }
  return shots;
}

/** Opens a Playground in a new page and waits until its chat is ready. */
async function openPlayground(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.locator(PLAYGROUND_EDITOR).first().waitFor({ timeout: 30000 });
  return page;
}

/** Types a message to the bot in the personal chat. */
export async function say(page: Page, text: string): Promise<void> {
  await page.locator(PLAYGROUND_EDITOR).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Waits until a combobox shows `value` (the Playground applies a choice asynchronously). */
export async function expectValue(input: Locator, label: string, value: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while ((await input.inputValue()) !== value) {
    if (Date.now() > deadline)
      throw new Error(`${label} shows « ${await input.inputValue()} », not « ${value} »`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
