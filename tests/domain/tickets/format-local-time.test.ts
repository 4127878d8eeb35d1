import { ValidationError } from '../../../bot/src/domain/errors';
import {
  formatLocalDateTime,
  formatLocalDateTimeWithoutZone,
  formatShortLocalDateTime,
} from '../../../bot/src/domain/tickets/format-local-time';

describe('local date-time texts', () => {
  it('writes "mardi 3 mars 2026 à 09:30, heure de la Martinique"', () => {
    expect(formatLocalDateTime('2026-03-03T13:30:00Z', 'martinique')).toBe(
      'mardi 3 mars 2026 à 09:30, heure de la Martinique',
    );
  });

  it('writes the first day of a month as « 1er »', () => {
    expect(formatLocalDateTime('2026-03-01T08:00:00Z', 'metropole')).toBe(
      'dimanche 1er mars 2026 à 09:00, heure de Paris',
    );
  });

  it('follows summer time in Paris', () => {
    expect(formatLocalDateTime('2026-06-08T07:00:00Z', 'alsace-moselle')).toBe(
      'lundi 8 juin 2026 à 09:00, heure de Paris',
    );
  });

  it('crosses the date line: New Year in Nouméa while Paris is still in December', () => {
    expect(formatLocalDateTime('2026-12-31T21:00:00Z', 'nouvelle-caledonie')).toBe(
      'vendredi 1er janvier 2027 à 08:00, heure de la Nouvelle-Calédonie',
    );
  });

  it('uses a 24-hour clock: five past midnight is 00:05', () => {
    expect(formatLocalDateTimeWithoutZone('2026-03-03T04:05:00Z', 'martinique')).toBe(
      'mardi 3 mars 2026 à 00:05',
    );
  });

  it('names the zone of each overseas territory', () => {
    expect(formatLocalDateTime('2026-03-03T13:30:00Z', 'la-reunion')).toMatch(/, heure de La Réunion$/);
    expect(formatLocalDateTime('2026-03-03T13:30:00Z', 'polynesie-francaise')).toMatch(/, heure de Tahiti$/);
  });

  it('has a short form for lists: "03/03 09:30"', () => {
    expect(formatShortLocalDateTime('2026-03-03T13:30:00Z', 'martinique')).toBe('03/03 09:30');
    expect(formatShortLocalDateTime('2026-12-31T21:00:00Z', 'nouvelle-caledonie')).toBe('01/01 08:00');
  });

  it('refuses an instant without offset', () => {
    expect(() => formatLocalDateTime('2026-03-03T13:30', 'martinique')).toThrow(ValidationError);
  });
});
