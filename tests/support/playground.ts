/**
 * Starting a Microsoft 365 Agents Playground (a local Teams-like client) for end-to-end tests: one
 * process per config file, since the Playground serves a single tenant and current user. Its
 * working directory is a temporary folder, so its devTools/ logs stay out of the repository.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startProcess, type Started } from './child-process';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js');

/** The beneficiary side (Léa Dubois, Ville de Bellerive-sur-Rhône) and the Titulaire's support side. */
export const BENEFICIARY_PLAYGROUND_CONFIG = path.join(ROOT, '.m365agentsplayground.yml');
export const SUPPORT_PLAYGROUND_CONFIG = path.join(ROOT, 'playground/support.m365agentsplayground.yml');

export interface PlaygroundOptions {
  /** The Playground config file (tenant, current user, chats, team). */
  config: string;
  /** The bot's base URL, e.g. http://127.0.0.1:3978 (the Playground posts to `/api/messages`). */
  botUrl: string;
  /** The UI's port; default: a free one. */
  port?: number;
  /** Working directory (devTools/ logs); default: a new temporary folder. */
  cwd?: string;
  timeoutMs?: number;
}

export interface StartedPlayground {
  /** The UI's address, e.g. http://127.0.0.1:56150. */
  url: string;
  /** Where the Playground writes devTools/m365agentsplayground.log. */
  cwd: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts a Playground on `config`, resolving once it listens; the caller stops it. */
export async function startPlayground(options: PlaygroundOptions): Promise<StartedPlayground> {
  const port = options.port ?? (await freePort());
  const cwd = options.cwd ?? mkdtempSync(path.join(tmpdir(), 'guichet-playground-'));
  const botUrl = options.botUrl.replace(/\/+$/, '');
  let started: Started;
  try {
    started = await startProcess(process.execPath, [CLI, '--disable-telemetry', '-p', String(port)], {
      cwd,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TEAMSAPPTESTER_BROWSER: 'none',
        BOT_ENDPOINT: `${botUrl}/api/messages`,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.config,
      },
      ready: new RegExp(`Listening on ${port}`),
      timeoutMs: options.timeoutMs,
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${playgroundLog(cwd)}`);
  }
  const url = `http://127.0.0.1:${port}`;
  // The Playground says "Listening" before it reads its config; a bad config (e.g. not exactly five
  // users) then stops it, with the reason only in its log file. Its config API answers once the config
  // is loaded and the bot's endpoint is reachable (it holds requests until then).
  const problem = await configProblem(url, botUrl, options.timeoutMs ?? 30000);
  if (problem) {
    await started.stop();
    throw new Error(`the Playground on ${options.config} is not ready: ${problem}\n${playgroundLog(cwd)}`);
  }
  return { url, cwd, output: started.output, stop: started.stop };
}

/** Undefined once GET /_internal/v1/config answers 200; otherwise why not. */
async function configProblem(url: string, botUrl: string, timeoutMs: number): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  let last = `no answer within ${timeoutMs} ms (does the bot answer on ${botUrl}?)`;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/_internal/v1/config`, {
        signal: AbortSignal.timeout(Math.max(deadline - Date.now(), 1)),
      });
      if (res.ok) return undefined;
      last = `GET /_internal/v1/config answered ${res.status}`;
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') break;
      return `it stopped listening (${(err as Error).message})`;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return last;
}

/** The tail of the Playground's own log, or an empty string when there is none. */
export function playgroundLog(cwd: string, maxChars = 4000): string {
  const file = path.join(cwd, 'devTools/m365agentsplayground.log');
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8');
  return `--- ${file} (end) ---\n${text.slice(-maxChars)}`;
}
