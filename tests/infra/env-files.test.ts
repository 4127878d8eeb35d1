/**
 * env/.env.dev, .env.local and .env.prod are committed: placeholders and non-secret values only.
 * Secrets the Toolkit creates (SECRET_*) go to env/.env.<env>.user, which git ignores.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';

const ENV_DIR = path.resolve(__dirname, '../../env');
const ENVIRONMENTS = ['dev', 'local', 'prod'];

/** Shapes of real credentials: Entra client secrets, storage/Cosmos keys, tokens, private keys. */
const SECRET_VALUES = [
  /[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}/, // Entra client secret ("…8Q~…")
  /AccountKey=|SharedAccessKey=|InstrumentationKey=/i,
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, // a JWT
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /^[A-Za-z0-9+/]{40,}={0,2}$/, // a long base64 key
];

describe.each(ENVIRONMENTS)('env/.env.%s', (env) => {
  const text = readFileSync(path.join(ENV_DIR, `.env.${env}`), 'utf8');
  const vars = parseDotenv(text);

  it('names its environment and holds no secret variable', () => {
    expect(vars.TEAMSFX_ENV).toBe(env);
    expect(
      Object.keys(vars).filter((name) => /SECRET|PASSWORD|TOKEN|_KEY$|CONNECTION_STRING/.test(name)),
    ).toEqual([]);
  });

  it('holds no value shaped like a credential, in values or comments', () => {
    for (const pattern of SECRET_VALUES) {
      expect({ pattern: String(pattern), found: pattern.test(text) }).toMatchObject({ found: false });
      for (const value of Object.values(vars)) expect(pattern.test(value)).toBe(false);
    }
  });

  it('leaves every id and URL to provisioning or to the operator: no plain http, no localhost', () => {
    for (const [name, value] of Object.entries(vars)) {
      expect({ name, value }).not.toEqual({
        name,
        value: expect.stringMatching(/^http:\/\/|localhost|127\.0\.0\.1/),
      });
      // Ids are written by `atk provision`; a committed GUID would tie every clone to one tenant's apps.
      expect({ name, value }).not.toEqual({
        name,
        value: expect.stringMatching(/[0-9a-f]{8}-[0-9a-f]{4}-/i),
      });
    }
  });
});

describe('env/ folder', () => {
  it("keeps the Toolkit's secret files (.env.<env>.user) out of git, and commits nothing else", () => {
    expect(readFileSync(path.join(ENV_DIR, '.gitignore'), 'utf8').split('\n')).toContain('*.user');
    const committed = readdirSync(ENV_DIR).filter((name) => !name.endsWith('.user'));
    expect(committed.sort()).toEqual(['.env.dev', '.env.local', '.env.prod', '.gitignore']);
  });
});
