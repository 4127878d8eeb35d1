import { ValidationError } from '../../../bot/src/domain/errors';
import { parseOnBehalfIncidentForm } from '../../../bot/src/domain/tickets/on-behalf-form';
import { formValues } from './factories';

const guyane = { zone: 'guyane' as const, conventionDate: '2025-01-06' };
// Tuesday 3 March 2026, 11:00 in Cayenne (UTC−3).
const now = '2026-03-03T14:00:00Z';
const parse = (values: Record<string, unknown>, beneficiary = guyane) =>
  parseOnBehalfIncidentForm(formValues({ channel: 'phone', receivedAt: '2026-03-03T09:30', ...values }), {
    beneficiary,
    now,
  });

function issuesOf(values: Record<string, unknown>): Record<string, string> {
  try {
    parse(values);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return Object.fromEntries((err as ValidationError).issues.map((i) => [i.path, i.message]));
  }
  throw new Error('expected the form to be refused');
}

describe('declaration on behalf of a beneficiary (phone, e-mail)', () => {
  it('reads a local "YYYY-MM-DDTHH:mm" in the beneficiary\'s zone: 09:30 in Cayenne is 12:30 UTC', () => {
    const form = parse({});
    expect(form.channel).toBe('phone');
    expect(form.receivedAt).toBe('2026-03-03T12:30:00Z');
    expect(form.severity).toBe(3);
  });

  it('accepts a space instead of the T, and seconds', () => {
    expect(parse({ receivedAt: '2026-03-03 09:30:15' }).receivedAt).toBe('2026-03-03T12:30:15Z');
  });

  it('takes an ISO-8601 instant with its offset as it is', () => {
    expect(parse({ receivedAt: '2026-03-03T10:00:00+01:00' }).receivedAt).toBe('2026-03-03T09:00:00Z');
    expect(parse({ receivedAt: '2026-03-03T09:00:00Z', channel: 'email' }).receivedAt).toBe(
      '2026-03-03T09:00:00Z',
    );
  });

  it('reads a wall time skipped by the spring change in Paris as the clock moved forward', () => {
    const paris = { zone: 'metropole' as const, conventionDate: '2025-01-06' };
    const form = parseOnBehalfIncidentForm(formValues({ channel: 'email', receivedAt: '2026-03-29T02:30' }), {
      beneficiary: paris,
      now: '2026-03-30T08:00:00Z',
    });
    expect(form.receivedAt).toBe('2026-03-29T01:30:00Z');
  });

  it('accepts a reception at the present minute and on the convention day itself', () => {
    expect(parse({ receivedAt: '2026-03-03T11:00' }).receivedAt).toBe(now);
    expect(parse({ receivedAt: '2025-01-06T00:00' }).receivedAt).toBe('2025-01-06T03:00:00Z');
  });

  it.each([
    ['', "Indiquez la date et l'heure de réception de la demande (heure locale du bénéficiaire)."],
    [undefined, "Indiquez la date et l'heure de réception de la demande (heure locale du bénéficiaire)."],
    [
      'hier 9h',
      'Date de réception invalide : saisissez-la comme 2026-03-03T09:30 (heure locale du bénéficiaire) ou avec son décalage, comme 2026-03-03T09:30:00-04:00.',
    ],
    [
      '2026-02-30T09:30',
      'Date de réception invalide : saisissez-la comme 2026-03-03T09:30 (heure locale du bénéficiaire) ou avec son décalage, comme 2026-03-03T09:30:00-04:00.',
    ],
    [
      '2026-03-03T11:01',
      'La date de réception ne peut pas être dans le futur (il est mardi 3 mars 2026 à 11:00, heure de la Guyane).',
    ],
    [
      '2025-01-05T23:59',
      'La date de réception ne peut pas précéder la convention du bénéficiaire, du 06/01/2025.',
    ],
  ])('refuses the reception time %p: %p', (receivedAt, message) => {
    expect(issuesOf({ receivedAt })).toEqual({ receivedAt: message });
  });

  it.each(['', 'fax', undefined])('refuses the channel %p', (channel) => {
    expect(issuesOf({ channel })).toEqual({
      channel: 'Indiquez par quel canal la demande est arrivée : Teams, téléphone ou e-mail.',
    });
  });

  it('reports the reception time together with the other inputs, in card order', () => {
    try {
      parse({ receivedAt: 'demain', title: '', channel: 'pigeon' });
      throw new Error('expected a refusal');
    } catch (err) {
      const e = err as ValidationError;
      expect(e.issues.map((i) => i.path)).toEqual(['title', 'channel', 'receivedAt']);
      expect(e.message).toBe(
        'Le formulaire contient 3 erreurs : titre, canal de réception, date de réception.',
      );
    }
  });

  it('normalises the phone of the caller as the beneficiary form does', () => {
    expect(parse({ phone: '0694 12 34 56' }).phone).toBe('+594694123456');
    expect('phone' in parse({})).toBe(false);
  });
});
