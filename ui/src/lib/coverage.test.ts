import { describe, expect, it } from 'vitest';
import { cellView, PRACTICE_LABELS } from './coverage';
import type { CoverageCell } from './types';

const cell = (over: Partial<CoverageCell>): CoverageCell => ({
  practice: 'one_on_one',
  status: 'on_track',
  overdue: 0,
  due_soon: 0,
  worst: null,
  ...over,
});

describe('coverage cells', () => {
  it('show each status with a class, an icon and words', () => {
    const worst = '1:1 with Jane Doe is 9 days overdue (last held 2026-04-28, every 7 days; due 2026-05-05).';
    expect(cellView(cell({ status: 'overdue', overdue: 2, worst }))).toEqual({ cls: 'cov-overdue', icon: '!', label: '2 overdue', title: worst });
    expect(cellView(cell({ status: 'due_soon', due_soon: 1, worst: 'due in 2 days' }))).toEqual({
      cls: 'cov-soon',
      icon: '◔',
      label: '1 due soon',
      title: 'due in 2 days',
    });
    expect(cellView(cell({}))).toMatchObject({ cls: 'cov-ok', icon: '✓', label: 'On track' });
    expect(cellView(cell({ practice: 'customers', status: 'not_applicable' }))).toMatchObject({ cls: 'cov-na', icon: '–', label: 'n/a' });
  });

  it('never relies on colour alone: every status has its own icon and label', () => {
    const views = (['overdue', 'due_soon', 'on_track', 'not_applicable'] as const).map((status) => cellView(cell({ status, overdue: 1, due_soon: 1 })));
    expect(new Set(views.map((v) => v.icon)).size).toBe(4);
    expect(new Set(views.map((v) => v.label)).size).toBe(4);
    expect(views.every((v) => v.title.length > 0)).toBe(true);
  });

  it('names every practice', () => {
    expect(Object.values(PRACTICE_LABELS)).toEqual(['1:1s', 'Requests', 'Actions', 'Updates', 'Internal customers', 'Wins', 'CDF reviews', 'Career conversations', 'Skip-levels']);
  });
});
