import { ValidationError } from '../../../bot/src/domain/errors';
import {
  type QuoteFormContext,
  parseEmailQuoteRequestForm,
  parseQuoteRequestForm,
} from '../../../bot/src/domain/quotes/quote-request-form';
import { deepFreeze, errorOf } from './factories';

const paris: QuoteFormContext = {
  beneficiary: { zone: 'metropole', conventionDate: '2024-09-02' },
  now: '2026-04-30T09:00:00Z',
};
const values = (overrides: Record<string, unknown> = {}) => ({
  action: 'quote.request',
  subject: '  Migration   de la messagerie ',
  need: 'Migrer 420 boîtes aux lettres vers Exchange Online.',
  wishedStart: '2026-06-01',
  domain: 'modern-workplace',
  ...overrides,
});
const issuesOf = (fn: () => unknown) => (errorOf(fn) as ValidationError).issues;

describe('request-a-quote form', () => {
  it('gives a trimmed request, with the wished start as a local date', () => {
    expect(parseQuoteRequestForm(values(), paris)).toEqual({
      subject: 'Migration de la messagerie',
      need: 'Migrer 420 boîtes aux lettres vers Exchange Online.',
      wishedStart: '2026-06-01',
      domain: 'modern-workplace',
    });
  });

  it('leaves the wished start out when none is given', () => {
    expect(parseQuoteRequestForm(values({ wishedStart: '' }), paris)).not.toHaveProperty('wishedStart');
  });

  it('reports each bad input in French, in form order, with a summary naming them', () => {
    const input = deepFreeze(
      values({ subject: '', need: 'court', domain: 'cuisine', wishedStart: '2026-04-29' }),
    );
    const error = errorOf(() => parseQuoteRequestForm(input, paris)) as ValidationError;
    expect(error.message).toBe('Le formulaire contient 4 erreurs : objet, besoin, début souhaité, domaine.');
    expect(error.issues).toEqual([
      { path: 'subject', message: 'Donnez un objet à votre demande de devis.' },
      { path: 'need', message: 'La description du besoin doit compter au moins 10 caractères.' },
      {
        path: 'wishedStart',
        message: 'La date de début souhaitée ne peut pas être passée (nous sommes le 2026-04-30).',
      },
      { path: 'domain', message: expect.stringMatching(/^Choisissez un domaine/) },
    ]);
  });

  it('refuses an impossible date and one more than three years ahead', () => {
    expect(
      issuesOf(() => parseQuoteRequestForm(values({ wishedStart: '2026-02-30' }), paris))[0]!.message,
    ).toMatch(/^Date de début souhaitée invalide/);
    expect(
      issuesOf(() => parseQuoteRequestForm(values({ wishedStart: '2030-01-01' }), paris))[0]!.message,
    ).toMatch(/à plus de trois ans/);
  });

  it('judges "today" in the beneficiary’s zone: 1 May already in Nouméa while 30 April in Paris', () => {
    const noumea = {
      ...paris,
      beneficiary: { ...paris.beneficiary, zone: 'nouvelle-caledonie' as const },
      now: '2026-04-30T14:00:00Z',
    };
    expect(() => parseQuoteRequestForm(values({ wishedStart: '2026-04-30' }), noumea)).toThrow(
      ValidationError,
    );
    expect(
      parseQuoteRequestForm(values({ wishedStart: '2026-04-30' }), { ...paris, now: '2026-04-30T14:00:00Z' }),
    ).toBeDefined();
  });
});

describe('request received by e-mail', () => {
  const now = { ...paris, now: '2026-05-04T08:00:00Z' };

  it('reads the reception time in the beneficiary’s zone and keeps the contact who wrote', () => {
    const form = parseEmailQuoteRequestForm(
      values({
        receivedAt: '2026-04-30T17:45',
        contactName: 'Léa Dubois',
        contactEmail: 'Lea.Dubois@Bellerive.fr',
      }),
      now,
    );
    expect(form).toMatchObject({
      receivedAt: '2026-04-30T15:45:00Z',
      contact: { name: 'Léa Dubois', email: 'lea.dubois@bellerive.fr' },
    });
  });

  it('refuses a reception in the future, before the convention, or missing, and a contact without a name', () => {
    expect(
      issuesOf(() =>
        parseEmailQuoteRequestForm(values({ receivedAt: '2026-05-05T09:00', contactName: 'Léa' }), now),
      ),
    ).toEqual([
      {
        path: 'receivedAt',
        message: expect.stringMatching(
          /^La date de réception ne peut pas être dans le futur \(il est lundi 4 mai 2026/,
        ),
      },
    ]);
    expect(
      issuesOf(() =>
        parseEmailQuoteRequestForm(values({ receivedAt: '2024-09-01T10:00', contactName: 'Léa' }), now),
      )[0]!.message,
    ).toBe('La date de réception ne peut pas précéder la convention du bénéficiaire, du 02/09/2024.');
    expect(
      issuesOf(() => parseEmailQuoteRequestForm(values({ contactEmail: 'pas-une-adresse' }), now)).map(
        (i) => i.path,
      ),
    ).toEqual(['receivedAt', 'contactName', 'contactEmail']);
  });

  it('checks the wished start against the day of reception, not against today', () => {
    const form = parseEmailQuoteRequestForm(
      values({ receivedAt: '2026-04-30T10:00', contactName: 'Léa Dubois', wishedStart: '2026-05-01' }),
      now,
    );
    expect(form.wishedStart).toBe('2026-05-01');
  });
});
