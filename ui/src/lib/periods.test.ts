import { describe, expect, it } from 'vitest';
import { cellInput, cellKey, gridColumns, indexUpdates, nextStatus } from './periods';
import type { Update } from './types';

describe('gridColumns', () => {
  it('shows the month before today through two months ahead, with their quarters', () => {
    const g = gridColumns('2026-05-14', 2);
    expect(g.months).toEqual(['2026-04', '2026-05', '2026-06', '2026-07']);
    expect(g.quarters).toEqual([
      { period: 'FY27-Q1', start: 0, span: 1, complete: false },
      { period: 'FY27-Q2', start: 1, span: 3, complete: true },
    ]);
  });

  it('moves by the offset and crosses fiscal years', () => {
    const g = gridColumns('2026-05-14', 2, 8);
    expect(g.months).toEqual(['2026-12', '2027-01', '2027-02', '2027-03']);
    expect(g.quarters.map((q) => [q.period, q.span])).toEqual([
      ['FY27-Q4', 2],
      ['FY28-Q1', 2],
    ]);
  });

  it('follows the fiscal year start setting', () => {
    const g = gridColumns('2026-01-10', 1, 0, 3, 0);
    expect(g.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(g.quarters).toEqual([{ period: 'FY26-Q1', start: 0, span: 3, complete: true }]);
  });

  it('spans always add up to the months shown', () => {
    for (const start of [1, 2, 3, 7, 12]) {
      for (let offset = -12; offset <= 12; offset += 5) {
        const g = gridColumns('2026-05-14', start, offset, 6);
        expect(g.quarters.reduce((n, q) => n + q.span, 0)).toBe(6);
      }
    }
  });
});

const upd = (over: Partial<Update>): Update => ({
  id: 1,
  person_id: 3,
  kind: 'next_release',
  period: '2026-05',
  status: 'in_review',
  done_on: null,
  link: null,
  objectives: [],
  ...over,
});

describe('cells', () => {
  it('indexes updates by cell, latest first', () => {
    const map = indexUpdates([
      upd({ id: 1 }),
      upd({ id: 5, status: 'done', done_on: '2026-05-10' }),
      upd({ id: 2, person_id: null, kind: 'portfolio_direction' }),
    ]);
    expect(map.get(cellKey(3, 'next_release', '2026-05'))?.id).toBe(5);
    expect(map.get(cellKey(null, 'portfolio_direction', '2026-05'))?.id).toBe(2);
    expect(map.has(cellKey(3, 'okrs', 'FY27-Q2'))).toBe(false);
  });

  it('cycles the status on a click', () => {
    expect(nextStatus(null)).toBe('in_review');
    expect(nextStatus('in_review')).toBe('done');
    expect(nextStatus('done')).toBe('not_started');
    expect(nextStatus('not_started')).toBe('in_review');
  });

  it('builds the input for a click: done today, link kept', () => {
    const existing = upd({ link: 'https://gitlab.com/mr/1' });
    expect(cellInput(existing, 3, 'next_release', '2026-05', 'done', '2026-05-14')).toEqual({
      person_id: 3,
      kind: 'next_release',
      period: '2026-05',
      status: 'done',
      done_on: '2026-05-14',
      link: 'https://gitlab.com/mr/1',
      objectives: [],
    });
    expect(cellInput(null, null, 'portfolio_direction', '2026-06', 'in_review', '2026-05-14')).toEqual({
      person_id: null,
      kind: 'portfolio_direction',
      period: '2026-06',
      status: 'in_review',
      done_on: null,
      link: null,
      objectives: [],
    });
    const done = upd({ status: 'done', done_on: '2026-05-01' });
    expect(cellInput(done, 3, 'next_release', '2026-05', 'done', '2026-05-14').done_on).toBe('2026-05-01');
    expect(cellInput(done, 3, 'next_release', '2026-05', 'not_started', '2026-05-14').done_on).toBeNull();
  });
});
