import { describe, expect, it } from 'vitest';
import { newObjective, okrSummary, parseScore, scoreText, toObjectives, toRows } from './okrs';

describe('OKR content', () => {
  it('writes scores as the core does', () => {
    expect([0, 0.7, 0.85, 1, 0.05, 0.5].map(scoreText)).toEqual(['0.0', '0.7', '0.85', '1.0', '0.05', '0.5']);
  });

  it('reads a typed score, or says what is wrong with it', () => {
    const cases: [string, number | null][] = [
      ['', null],
      ['  ', null],
      ['0.7', 0.7],
      ['.85', 0.85],
      ['0,5', 0.5],
      ['1', 1],
      ['0', 0],
    ];
    for (const [text, want] of cases) expect(parseScore(text, 'key result 1 of objective 1')).toBe(want);
    expect(() => parseScore('high', 'key result 2 of objective 1')).toThrow("'high' is not a score (key result 2 of objective 1); give a number from 0.0 to 1.0");
    expect(() => parseScore('1.5', 'kr')).toThrow("A key result's score is from 0.0 to 1.0; 1.5 is not (kr).");
    expect(() => parseScore('-0.2', 'kr')).toThrow('is not a score');
    expect(() => parseScore('0.333', 'kr')).toThrow('at most two decimals');
  });

  it('turns the rows into objectives, dropping what is wholly empty', () => {
    const rows = [
      {
        text: '  Grow self-managed adoption ',
        keyResults: [
          { text: 'Ship the import wizard', score: '0.7' },
          { text: '', score: '' },
          { text: '20 customers migrated', score: '' },
        ],
      },
      newObjective(),
      { text: '', keyResults: [{ text: 'An orphan key result', score: '' }] },
    ];
    expect(toObjectives(rows)).toEqual([
      {
        text: 'Grow self-managed adoption',
        key_results: [
          { text: 'Ship the import wizard', score: 0.7 },
          { text: '20 customers migrated', score: null },
        ],
      },
      // No text, but a key result: sent, for the core to say the objective needs its text.
      { text: '', key_results: [{ text: 'An orphan key result', score: null }] },
    ]);
    expect(() => toObjectives([{ text: 'O', keyResults: [{ text: 'K', score: 'x' }] }])).toThrow('(key result 1 of objective 1)');
  });

  it('edits an update’s objectives and gives them back unchanged', () => {
    const objectives = [{ text: 'O', key_results: [{ text: 'K', score: 0.85 }, { text: 'L', score: null }] }];
    expect(toRows(objectives)).toEqual([{ text: 'O', keyResults: [{ text: 'K', score: '0.85' }, { text: 'L', score: '' }] }]);
    expect(toObjectives(toRows(objectives))).toEqual(objectives);
  });

  it('sums up the content', () => {
    expect(okrSummary({ objectives: [] })).toBe('');
    expect(okrSummary({ objectives: [{ text: 'O', key_results: [{ text: 'K', score: null }] }] })).toBe('1 objective · 1 key result');
    expect(okrSummary({ objectives: [{ text: 'O', key_results: [] }, { text: 'P', key_results: [{ text: 'K', score: null }, { text: 'L', score: 1 }] }] })).toBe(
      '2 objectives · 2 key results',
    );
  });
});
