import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  dueText,
  fiscalQuarterOf,
  formatDate,
  formatMonth,
  isDate,
  isDueSoon,
  isOverdue,
  newestFirst,
  isTiming,
  localToday,
  parseTiming,
  quarterMonths,
  relativeDay,
} from './dates';

describe('dates', () => {
  it('recognises real dates only', () => {
    const cases: [string, boolean][] = [
      ['2026-05-14', true],
      ['2024-02-29', true],
      ['2026-02-29', false],
      ['2026-13-01', false],
      ['2026-04-31', false],
      ['2026-5-14', false],
      ['', false],
    ];
    for (const [s, ok] of cases) expect(isDate(s), s).toBe(ok);
  });

  it('adds days across months, years and DST changes', () => {
    const cases: [string, number, string][] = [
      ['2026-05-14', 0, '2026-05-14'],
      ['2026-05-14', 7, '2026-05-21'],
      ['2026-01-31', 1, '2026-02-01'],
      ['2026-12-31', 1, '2027-01-01'],
      ['2026-03-01', -1, '2026-02-28'],
      ['2026-03-28', 2, '2026-03-30'],
      ['2026-10-24', 3, '2026-10-27'],
    ];
    for (const [d, n, want] of cases) expect(addDays(d, n), `${d}+${n}`).toBe(want);
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-05-01', '2026-05-14')).toBe(13);
    expect(daysBetween('2026-05-14', '2026-05-01')).toBe(-13);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
  });

  it('tells overdue and due soon apart', () => {
    const today = '2026-05-14';
    expect(isOverdue('2026-05-13', today)).toBe(true);
    expect(isOverdue('2026-05-14', today)).toBe(false);
    expect(isOverdue(null, today)).toBe(false);
    expect(isDueSoon('2026-05-14', today)).toBe(true);
    expect(isDueSoon('2026-05-17', today)).toBe(true);
    expect(isDueSoon('2026-05-18', today)).toBe(false);
    expect(isDueSoon('2026-05-13', today)).toBe(false);
  });

  it('words dates for people', () => {
    expect(formatDate('2026-05-14')).toBe('Thu 14 May 2026');
    expect(formatDate(null)).toBe('');
    expect(relativeDay('2026-05-14', '2026-05-14')).toBe('today');
    expect(relativeDay('2026-05-15', '2026-05-14')).toBe('tomorrow');
    expect(relativeDay('2026-05-10', '2026-05-14')).toBe('4 days ago');
    expect(dueText('2026-05-12', '2026-05-14')).toBe('2 days overdue');
    expect(dueText('2026-05-13', '2026-05-14')).toBe('1 day overdue');
    expect(dueText('2026-05-14', '2026-05-14')).toBe('due today');
    expect(dueText('2026-05-20', '2026-05-14')).toBe('due in 6 days');
    expect(dueText(null, '2026-05-14')).toBe('no due date');
  });

  it('reads the local calendar date', () => {
    expect(localToday(new Date(2026, 4, 14, 23, 59))).toBe('2026-05-14');
    expect(localToday(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
  });

  it('moves between months', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(formatMonth('2026-03')).toBe('Mar 2026');
  });

  it('names fiscal quarters by the year the fiscal year ends in', () => {
    const cases: [string, number, string][] = [
      ['2026-02', 2, 'FY27-Q1'],
      ['2026-04', 2, 'FY27-Q1'],
      ['2026-05', 2, 'FY27-Q2'],
      ['2027-01', 2, 'FY27-Q4'],
      ['2026-01', 2, 'FY26-Q4'],
      ['2026-01', 1, 'FY26-Q1'],
      ['2026-12', 1, 'FY26-Q4'],
      ['2026-07', 7, 'FY27-Q1'],
      ['2026-06', 7, 'FY26-Q4'],
    ];
    for (const [m, start, want] of cases) expect(fiscalQuarterOf(m, start), `${m}/${start}`).toBe(want);
  });

  it('lists the months of a fiscal quarter', () => {
    expect(quarterMonths('FY27-Q1', 2)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(quarterMonths('FY27-Q4', 2)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(quarterMonths('FY26-Q1', 1)).toEqual(['2026-01', '2026-02', '2026-03']);
    for (const start of [1, 2, 5, 12]) {
      for (const m of ['2026-01', '2026-06', '2026-12']) {
        expect(quarterMonths(fiscalQuarterOf(m, start), start)).toContain(m);
      }
    }
  });

  it('accepts timings as dates or release versions', () => {
    expect(isTiming('2026-05-14')).toBe(true);
    expect(isTiming('19.2')).toBe(true);
    expect(isTiming('19.11')).toBe(true);
    expect(isTiming('19.12')).toBe(false);
    expect(isTiming('soon')).toBe(false);
    expect(parseTiming('  ')).toBeNull();
    expect(parseTiming(' 19.2 ')).toBe('19.2');
    expect(() => parseTiming('next week')).toThrow(/not a timing/);
  });
});

describe('newestFirst', () => {
  it('orders by day, newest first, and the later added first on the same day', () => {
    const records = [
      { id: 1, date: '2026-05-01' },
      { id: 3, date: '2026-05-14' },
      { id: 2, date: '2026-05-14' },
    ];
    expect(newestFirst(records, (r) => r.date).map((r) => r.id)).toEqual([3, 2, 1]);
    expect(records.map((r) => r.id)).toEqual([1, 3, 2]);
  });
});
