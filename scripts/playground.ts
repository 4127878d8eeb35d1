/**
 * `npm run playground`: opens the Microsoft 365 Agents Playground (a local Teams-like client) on the
 * running bot. Start the service first with `npm start` (in another terminal).
 *
 * - `npm run playground`: the beneficiary side (.m365agentsplayground.yml) on http://localhost:56150,
 *   as Léa Dubois, agent of the Ville de Bellerive-sur-Rhône.
 * - `npm run playground -- --support`: the Titulaire's support side
 *   (playground/support.m365agentsplayground.yml) on http://localhost:56151, as Camille Martin,
 *   support engineer. A Playground serves one tenant, so run both, in two terminals, to follow an
 *   incident from declaration to handling. In the team's channel « Support Guichet », write
 *   "@Guichet bonjour" once (pick Guichet in the list that "@" opens: in a channel the bot only hears
 *   messages that mention it); new tickets are then posted there. Its log: playground/devTools/.
 *
 * BOT_URL overrides the bot's address (default http://127.0.0.1:3978); PLAYGROUND_PORT the UI's port.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const botUrl = (process.env.BOT_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3978}`).replace(/\/+$/, '');

interface Side {
  config: string;
  port: string;
  /** Working directory: the Playground writes its log to devTools/ there (one per side). */
  cwd: string;
  who: string;
}

const SIDES: Record<'beneficiary' | 'support', Side> = {
  beneficiary: {
    config: path.join(root, '.m365agentsplayground.yml'),
    port: '56150',
    cwd: root,
    who: 'Vous êtes Léa Dubois, agent de la Ville de Bellerive-sur-Rhône (données de démonstration).',
  },
  support: {
    config: path.join(root, 'playground/support.m365agentsplayground.yml'),
    port: '56151',
    cwd: path.join(root, 'playground'),
    who:
      'Vous êtes Camille Martin, ingénieure support du Titulaire (données de démonstration).\n' +
      'Dans le canal « Support Guichet », écrivez « @Guichet bonjour » (choisissez Guichet dans la liste) :\n' +
      'les nouveaux tickets y seront publiés.',
  },
};

function sideOf(args: string[]): Side {
  const unknown = args.filter((a) => a !== '--support');
  if (unknown.length > 0) {
    process.stderr.write(
      `Option inconnue : ${unknown.join(' ')}\nUsage : npm run playground [-- --support]\n`,
    );
    process.exit(2);
  }
  return args.includes('--support') ? SIDES.support : SIDES.beneficiary;
}

async function main(): Promise<void> {
  const side = sideOf(process.argv.slice(2));
  const uiPort = process.env.PLAYGROUND_PORT ?? side.port;
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
      `${side.who} Ctrl+C pour arrêter.\n`,
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
      cwd: side.cwd,
      stdio: 'inherit',
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? 'none',
        BOT_ENDPOINT: `${botUrl}/api/messages`,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: side.config,
      },
    },
  );
  child.on('exit', (code) => process.exit(code ?? 0));
}

main();
