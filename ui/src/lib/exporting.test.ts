import { describe, expect, it } from 'vitest';
import { defaultMonth, FORMATS, formatInfo, monthChoices, monthName } from './exporting';

describe('exporting', () => {
  it('defaults to the previous month, across the new year', () => {
    expect(defaultMonth('2026-11-27')).toBe('2026-10');
    expect(defaultMonth('2027-01-01')).toBe('2026-12');
  });

  it('names months as the summary does', () => {
    expect(monthName('2026-10')).toBe('October 2026');
    expect(monthName('2027-01')).toBe('January 2027');
  });

  it('offers a year back, newest first, with the 1:1s of each month', () => {
    const c = monthChoices('2026-11-27', [
      { month: '2026-10', one_on_ones: 2 },
      { month: '2026-09', one_on_ones: 1 },
    ]);
    expect(c).toHaveLength(13);
    expect(c[0]).toEqual({ month: '2026-11', oneOnOnes: 0, label: 'November 2026 (so far) · no 1:1s' });
    expect(c[1]).toEqual({ month: '2026-10', oneOnOnes: 2, label: 'October 2026 · 2 1:1s' });
    expect(c[2].label).toBe('September 2026 · 1 1:1');
    expect(c.at(-1)?.month).toBe('2025-11');
  });

  it('reaches back to the earliest 1:1', () => {
    const c = monthChoices('2026-11-27', [{ month: '2024-02', one_on_ones: 1 }]);
    expect(c.at(-1)).toEqual({ month: '2024-02', oneOnOnes: 1, label: 'February 2024 · 1 1:1' });
    expect(c).toHaveLength(34);
  });

  it('has each format with its extension and label', () => {
    expect(FORMATS.map((f) => f.extension)).toEqual(['md', 'html', 'csv', 'json']);
    expect(formatInfo('json').label).toBe('JSON');
  });
});
