/**
 * `npm run playground`: opens the Microsoft 365 Agents Playground (a local Teams-like client) on the
 * running bot. Start the service first with `npm start` (in another terminal).
 * BOT_URL overrides the bot's address (default http://127.0.0.1:3978); PLAYGROUND_PORT the UI's port.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const botUrl = (process.env.BOT_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3978}`).replace(/\/+$/, '');
const uiPort = process.env.PLAYGROUND_PORT ?? '56150';

async function main(): Promise<void> {
  try {
    const res = await fetch(`${botUrl}/healthz`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (err) {
    process.stderr.write(
      `Le bot ne répond pas sur ${botUrl} (${(err as Error).message}).\n` +
        'Démarrez Guichet dans un autre terminal avec « npm start », puis relancez « npm run playground ».\n',
    );
    process.exit(1);
  }
  process.stdout.write(
    `Agents Playground : http://localhost:${uiPort}  (bot : ${botUrl}/api/messages)\n` +
      'Vous êtes Léa Dubois, agent de la Ville de Bellerive-sur-Rhône (données de démonstration). Ctrl+C pour arrêter.\n',
  );
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules/@microsoft/m365agentsplayground/cli.js'),
      '--disable-telemetry',
      '-p',
      uiPort,
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? 'none',
        BOT_ENDPOINT: `${botUrl}/api/messages`,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(root, '.m365agentsplayground.yml'),
      },
    },
  );
  child.on('exit', (code) => process.exit(code ?? 0));
}

main();
