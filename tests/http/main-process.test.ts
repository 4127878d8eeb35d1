/**
 * The service as its own process: starts on embedded defaults with demo data, prints where it
 * listens, and stops cleanly on SIGTERM.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startProcess } from '../support/child-process';

const ROOT = path.resolve(__dirname, '../..');

describe('the service process', () => {
  it('starts with demo data, serves, and exits 0 on SIGTERM after closing the store', async () => {
    const port = await freePort();
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'guichet-main-')), 'data');
    const service = await startProcess(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'bot/src/main.ts')],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
        ready: /Guichet is listening/,
      },
    );
    expect(service.output()).toContain(`Onglet : http://localhost:${port}/tab/`);
    expect(service.output()).toContain(`http://localhost:${port}/api/messages`);
    expect(service.output()).toMatch(/"beneficiaries":14,"staff":5,"msg":"demo data seeded"/);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    const exited = new Promise<number | null>((resolve) =>
      service.child.once('exit', (code) => resolve(code)),
    );
    service.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(service.output()).toMatch(/"signal":"SIGTERM","msg":"shutting down"/);
  });
});
