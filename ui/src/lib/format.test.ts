import { describe, expect, it } from 'vitest';
import { cadenceText, participantName, plural, scopeText, splitList } from './format';
import type { Person } from './types';

describe('format', () => {
  it('describes scopes', () => {
    expect(scopeText({ kind: 'stage', section: 'Dev', stages: ['Plan', 'Create'], groups: [] })).toBe('Stage: Plan, Create (Dev)');
    expect(scopeText({ kind: 'group', section: null, stages: ['Plan'], groups: ['Optimize'] })).toBe('Group: Optimize');
    expect(scopeText({ kind: 'section', section: 'Ops', stages: [], groups: [] })).toBe('Section (Ops)');
  });

  it('describes cadence', () => {
    const p = { cadence_days: null } as Person;
    expect(cadenceText(p, 7)).toBe('every 7 days (default)');
    expect(cadenceText({ ...p, cadence_days: 14 }, 7)).toBe('every 14 days');
  });

  it('names participants', () => {
    const nameOf = (id: number) => (id === 3 ? 'Jane Doe' : '?');
    expect(participantName({ person: 3 }, nameOf)).toBe('Jane Doe');
    expect(participantName({ name: 'Alex' }, nameOf)).toBe('Alex');
  });

  it('splits lists and counts', () => {
    expect(splitList(' a, ,b ,')).toEqual(['a', 'b']);
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(2, 'item')).toBe('2 items');
  });
});
