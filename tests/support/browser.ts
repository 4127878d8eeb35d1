/**
 * Headless Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core (no
 * Playwright browser download, which CI cannot reach). Installs Chromium first when it is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, offline-friendly run: no sandbox (root in CI), no GPU, no background traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const ENSURE_SCRIPT = path.resolve(__dirname, '../../scripts/ensure-chromium.sh');

/** Runs scripts/ensure-chromium.sh when Chromium is missing, so `npm test` on a clean machine sets it up. */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const result = spawnSync('bash', [ENSURE_SCRIPT], { stdio: 'inherit' });
  if (result.error) throw new Error(`cannot run ${ENSURE_SCRIPT}: ${result.error.message}`);
  if (result.status !== 0 || !existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH} and ${ENSURE_SCRIPT} could not install it (see its output above)`,
    );
  }
}

/** Launches headless Chromium; the caller closes it (`await browser.close()` in afterAll). */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  ensureChromium();
  return chromium.launch({
    ...options,
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
