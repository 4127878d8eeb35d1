/**
 * Starting real programs for end-to-end tests: the service itself and the Agents Playground, each
 * in its own process group so that a test can stop it and everything it spawned.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export interface Started {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** A free loopback TCP port. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Spawns `command` and resolves once `ready` matches its output (or rejects after `timeoutMs`). */
export async function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number },
): Promise<Started> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${command} not ready after ${options.timeoutMs ?? 60000} ms:\n${output}`)),
      options.timeoutMs ?? 60000,
    );
    const check = () => {
      if (options.ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before being ready:\n${output}`));
    });
  });
  return { child, output: () => output, stop };
}

/** The repository's root. */
const ROOT = path.resolve(__dirname, '../..');

/** How to run the service for a test or a benchmark. */
export interface GuichetProcessOptions {
  port: number;
  dataDir: string;
  /** Further settings (log level, outbox pace, store), over the loopback defaults. */
  env?: Record<string, string>;
  /** Node options before the entry point (e.g. a module that moves the clock). */
  nodeArgs?: string[];
}

/** Runs the service (`bot/src/main.ts`, as `npm start` does) and resolves once it has started. */
export function startGuichetProcess(options: GuichetProcessOptions): Promise<Started> {
  const args = ['--import', 'tsx', ...(options.nodeArgs ?? []), path.join(ROOT, 'bot/src/main.ts')];
  return startProcess(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      ...options.env,
    },
    ready: /Guichet est démarré/,
  });
}
