import { addWorkingDays, workingDaysAfter } from '../../../bot/src/domain/calendar/working-days';
import { calendarOf } from './fixtures';

describe('working-day arithmetic', () => {
  const paris = calendarOf('metropole');

  it('never counts the starting day', () => {
    expect(addWorkingDays(paris, '2026-06-08', 1)).toBe('2026-06-09');
    expect(addWorkingDays(paris, '2026-06-08', 0)).toBe('2026-06-08');
  });

  it('takes New Year across a weekend: 31 Dec 2026 + 1 working day is Monday 4 Jan 2027', () => {
    expect(addWorkingDays(paris, '2026-12-31', 1)).toBe('2027-01-04');
  });

  it('counts working days strictly after a date up to another, both ways', () => {
    expect(workingDaysAfter(paris, '2026-05-19', '2026-05-26')).toBe(4); // 20, 21, 22, (25 Whit Monday), 26
    expect(workingDaysAfter(paris, '2026-05-26', '2026-05-19')).toBe(-4);
  });

  it('counts a whole year by arithmetic the same as day by day', () => {
    let count = 0;
    for (let d = '2025-12-31'; d !== '2026-12-31';) {
      d = addWorkingDays(paris, d, 1);
      if (d <= '2026-12-31') count += 1;
      else break;
    }
    expect(workingDaysAfter(paris, '2025-12-31', '2026-12-31')).toBe(count);
    expect(count).toBe(252);
  });
});
