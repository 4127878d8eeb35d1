import { ValidationError } from '../../../bot/src/domain/errors';
import { quoteDueDate, quoteLateness } from '../../../bot/src/domain/quotes/quote-deadline';
import { calendarOf } from '../calendar/fixtures';

const paris = calendarOf('metropole');

describe('quote deadline: 10th working day strictly after the local day of receipt', () => {
  it('answers the issue example: received 30 April 2026, due 19 May (1 May, 8 May and Ascension in between)', () => {
    expect(quoteDueDate(paris, '2026-04-30T09:00:00Z')).toBe('2026-05-19');
  });

  it('does not count the day of receipt, even from its first minute', () => {
    expect(quoteDueDate(paris, '2026-06-08T00:00:00+02:00')).toBe('2026-06-22');
  });

  it('takes the local day of receipt: 22:30 UTC Monday is already Tuesday in Paris', () => {
    expect(quoteDueDate(paris, '2026-06-08T22:30:00Z')).toBe('2026-06-23');
  });

  it('takes the local day of receipt: 05:00 UTC Tuesday is still Monday in Tahiti', () => {
    expect(quoteDueDate(calendarOf('polynesie-francaise'), '2026-06-09T05:00:00Z')).toBe('2026-06-22');
  });

  it('starts counting on Monday for a request received on a Saturday', () => {
    expect(quoteDueDate(paris, '2026-06-13T10:00:00+02:00')).toBe('2026-06-26');
  });

  it('takes New Year across a weekend: received Wednesday 30 Dec 2026, due Thursday 14 Jan 2027', () => {
    expect(quoteDueDate(paris, '2026-12-30T10:00:00+01:00')).toBe('2027-01-14');
  });

  it('skips the zone’s own holiday (Martinique, 22 May) and Whit Monday', () => {
    expect(quoteDueDate(calendarOf('martinique'), '2026-05-20T12:00:00-04:00')).toBe('2026-06-05');
    expect(quoteDueDate(paris, '2026-05-20T12:00:00+02:00')).toBe('2026-06-04');
  });

  it('follows another number of working days when a contract says so', () => {
    expect(quoteDueDate(paris, '2026-06-08T10:00:00+02:00', 5)).toBe('2026-06-15');
  });
});

describe('quote lateness', () => {
  const received = '2026-04-30T09:00:00Z'; // due 2026-05-19

  it('is on time when sent on the due date, up to its last local minute', () => {
    expect(quoteLateness(paris, received, '2026-05-19T23:59:00+02:00')).toEqual({
      dueDate: '2026-05-19',
      sentDate: '2026-05-19',
      onTime: true,
      calendarDaysLate: 0,
      workingDaysLate: 0,
    });
  });

  it('counts calendar days and working days late, both available to penalty rules', () => {
    expect(quoteLateness(paris, received, '2026-05-26T10:00:00+02:00')).toMatchObject({
      onTime: false,
      calendarDaysLate: 7,
      workingDaysLate: 4, // 20, 21, 22, (25 Whit Monday), 26
    });
  });

  it('refuses a quote sent before the request was received', () => {
    expect(() => quoteLateness(paris, received, '2026-04-29T10:00:00Z')).toThrow(ValidationError);
  });
});
