/**
 * `guichet anonymise`: an operator anonymises a contact on request; the person's name and e-mail are
 * gone from the beneficiary's documents, the history stays, and the command refuses bad arguments.
 */
import { PassThrough } from 'node:stream';
import { runAnonymise } from '../../bot/src/cli/anonymise-command';
import { NotFoundError, ValidationError } from '../../bot/src/domain/errors';
import { readAll } from '../../bot/src/reports/report-queries';
import type { Doc } from '../../bot/src/store/port';
import { BELLERIVE, LEA_EMAIL, twoBeneficiaries } from '../reports/export-fixtures';

function output() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += String(chunk)));
  return { stream, text: () => text };
}

describe('guichet anonymise', () => {
  let rig: Awaited<ReturnType<typeof twoBeneficiaries>>;
  beforeAll(async () => {
    rig = await twoBeneficiaries();
  });
  afterAll(() => rig.close());

  it("replaces the contact's name and e-mail in every document of the partition and keeps the events", async () => {
    const before = await readAll<Doc>(rig.store, { pk: BELLERIVE });
    expect(JSON.stringify(before)).toContain('Léa Dubois');
    const out = output();
    const code = await runAnonymise(
      [
        '--siret',
        BELLERIVE,
        '--name',
        'Léa Dubois',
        '--email',
        LEA_EMAIL,
        '--operator',
        'Nadia Haddad',
        '--reference',
        'courrier 2026-11',
      ],
      out.stream,
      { store: rig.store },
    );
    expect(code).toBe(0);
    expect(out.text()).toMatch(
      /^Contact anonymisé sous « Contact anonymisé [0-9A-F]+ » : \d+ document\(s\) réécrit\(s\)/i,
    );
    const after = await readAll<Doc>(rig.store, { pk: BELLERIVE });
    const text = JSON.stringify(after);
    expect(text).not.toContain('Léa Dubois');
    expect(text).not.toContain(LEA_EMAIL);
    const events = (docs: Doc[]) =>
      docs.filter((d) => String(d.type).endsWith('-event') && d.type !== 'privacy-event').length;
    expect(events(after)).toBe(events(before));
    expect(after.some((d) => d.type === 'privacy-event')).toBe(true);
  });

  it('refuses a missing name or operator, and an unknown beneficiary', async () => {
    const out = output();
    await expect(
      runAnonymise(['--siret', BELLERIVE, '--operator', 'X'], out.stream, { store: rig.store }),
    ).rejects.toThrow(ValidationError);
    await expect(
      runAnonymise(['--siret', BELLERIVE, '--name', 'Léa Dubois'], out.stream, { store: rig.store }),
    ).rejects.toThrow(/Indiquez votre nom/);
    await expect(
      runAnonymise(['--siret', '73282932000074', '--name', 'Léa Dubois', '--operator', 'X'], out.stream, {
        store: rig.store,
      }),
    ).rejects.toThrow(NotFoundError);
  });
});
