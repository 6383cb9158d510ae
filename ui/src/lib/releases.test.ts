import { describe, expect, it } from 'vitest';
import { inDays, releaseText, shortDate } from './releases';

describe('release calendar', () => {
  it('says the next release day with its version and how far it is', () => {
    expect(releaseText({ version: '19.7', month: '2026-12', date: '2026-12-17' }, '2026-11-27')).toBe('19.7 · Thu 17 Dec · in 20 days');
    expect(releaseText({ version: '19.8', month: '2027-01', date: '2027-01-21' }, '2026-11-27')).toBe('19.8 · Thu 21 Jan 2027 · in 55 days');
    expect(releaseText({ version: null, month: '2026-11', date: '2026-11-27' }, '2026-11-27')).toBe('Fri 27 Nov · today');
  });

  it('words the distance', () => {
    expect(inDays('2026-11-28', '2026-11-27')).toBe('tomorrow');
    expect(inDays('2026-11-27', '2026-11-27')).toBe('today');
    expect(shortDate('not a date', '2026-11-27')).toBe('not a date');
  });
});
