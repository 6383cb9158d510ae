import { describe, expect, it } from 'vitest';
import { brief, briefItem, cdfReview } from '../test/coaching';
import { item } from '../test/fixtures';
import {
  agendaHeadline,
  balanceText,
  BRIEF_SECTIONS,
  briefOpen,
  cdfForm,
  cdfInput,
  leaderPercent,
  owedKind,
  rememberBriefOpen,
  scoreText,
  updateStatusText,
} from './coaching';

describe('agenda balance', () => {
  it('gives the leader’s share as the core rounds it, or none without items', () => {
    const cases: [number, number, number | null][] = [
      [0, 0, null],
      [1, 1, 50],
      [1, 2, 67],
      [2, 1, 33],
      [0, 3, 100],
      [5, 0, 0],
      [3, 5, 63],
    ];
    for (const [person, leader, pct] of cases) {
      expect(leaderPercent({ raised_by_person: person, raised_by_leader: leader, warning: null }), `${person}/${leader}`).toBe(pct);
    }
  });

  it('says it in words', () => {
    expect(balanceText({ raised_by_person: 4, raised_by_leader: 7, warning: 'x' })).toBe('4 raised by them, 7 by you (64% by you)');
    expect(balanceText({ raised_by_person: 0, raised_by_leader: 0, warning: null })).toBe('No item was opened');
  });
});

describe('the brief', () => {
  it('has the core’s nine sections in its order', () => {
    expect(BRIEF_SECTIONS.map((s) => s.title)).toEqual([
      'Open agenda',
      'What you owe them',
      'Wins since the last 1:1',
      'On the overdue list',
      'CDF focus areas',
      'Career conversations',
      'Updates and OKRs',
      'Internal customers',
      'Next release',
    ]);
  });

  it('heads the agenda with its counts', () => {
    expect(agendaHeadline(brief().agenda)).toBe('2 items open; 1 carried over from earlier 1:1s (listed first).');
    expect(agendaHeadline([briefItem()])).toBe('1 item open; 1 carried over from earlier 1:1s (listed first).');
    expect(agendaHeadline([])).toBe('Nothing is open on the agenda.');
  });

  it('tells their requests from the leader’s DOTOs', () => {
    expect(owedKind(briefItem({ item: item({ open_tag: 'help', raised_by: 'person' }) }))).toBe('Request');
    expect(owedKind(briefItem({ item: item({ open_tag: 'doto', raised_by: 'leader' }) }))).toBe('DOTO');
  });

  it('words an update’s status and an OKR score', () => {
    const [done, none, okrs] = brief().updates;
    const day = (d: string) => `<${d}>`;
    expect(updateStatusText(done, day)).toBe('done <2026-05-12>');
    expect(updateStatusText(none, day)).toBe('none recorded');
    expect(updateStatusText(okrs, day)).toBe('in review');
    expect(scoreText(0.7)).toBe('score 0.7');
    expect(scoreText(0)).toBe('score 0');
    expect(scoreText(null)).toBe('not scored');
  });

  it('is open until closed, and remembers it', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(briefOpen(storage)).toBe(true);
    rememberBriefOpen(false, storage);
    expect(briefOpen(storage)).toBe(false);
    rememberBriefOpen(true, storage);
    expect(briefOpen(storage)).toBe(true);
    expect(briefOpen(null)).toBe(true);
    expect(() => rememberBriefOpen(false, { setItem: () => { throw new Error('full'); } })).not.toThrow();
  });
});

describe('the CDF review form', () => {
  it('starts on today, or with the review’s fields', () => {
    expect(cdfForm('2026-05-14')).toEqual({ date: '2026-05-14', focus: ['', '', ''], notes: '', link: '' });
    expect(cdfForm('2026-05-14', cdfReview())).toEqual({
      date: '2026-04-02',
      focus: ['Customer interviews every week', 'Write the direction page', ''],
      notes: cdfReview().notes,
      link: 'https://gitlab.example.com/cdf/70',
    });
  });

  it('sends the focus areas typed, trimmed and in order, and leaves the rest to the core', () => {
    expect(cdfInput(3, { date: '2026-05-14', focus: [' a ', '', 'c'], notes: 'n', link: '  ' })).toEqual({
      person_id: 3,
      date: '2026-05-14',
      focus: ['a', 'c'],
      notes: 'n',
      link: null,
    });
    expect(cdfInput(3, { date: '', focus: ['', '', ''], notes: '', link: ' https://x.example ' })).toMatchObject({ focus: [], date: '', link: 'https://x.example' });
  });
});
