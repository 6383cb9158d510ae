import { describe, expect, it } from 'vitest';
import { filterPeople, fold, matchRank, moveIndex } from './personFilter';
import type { Person } from './types';

let nextId = 1;
const person = (name: string, over: Partial<Person> = {}): Person => ({
  id: nextId++,
  name,
  title: 'Senior Product Manager',
  job_family: 'senior_product_manager',
  level: 'ic',
  scope: { kind: 'group', section: 'Dev', stages: ['Plan'], groups: ['Project Management'] },
  since: '2025-01-01',
  cadence_days: null,
  tracked: true,
  archived_on: null,
  reports_to: null,
  ...over,
});

const team = [
  person('Jane Doe'),
  person('Dmitri Janssen'),
  person('Zoë Ng', { scope: { kind: 'stage', section: null, stages: ['Verify'], groups: [] } }),
  person('Ann Jansen', { archived_on: '2026-01-31' }),
  person('Bob Marley', { title: 'Group Manager, Product' }),
];

const names = (q: string, includeArchived = false) => filterPeople(team, q, { includeArchived }).map((p) => p.name);

describe('filterPeople', () => {
  it('lists everyone active, by name, for an empty query', () => {
    expect(names('')).toEqual(['Bob Marley', 'Dmitri Janssen', 'Jane Doe', 'Zoë Ng']);
  });

  it('ranks name prefix, then word prefix, then initials, then substring', () => {
    expect(names('ja')).toEqual(['Jane Doe', 'Dmitri Janssen']);
    expect(names('jd')).toEqual(['Jane Doe']);
    expect(names('nsse')).toEqual(['Dmitri Janssen']);
    expect(names('senior').length).toBe(3);
  });

  it('ignores case and accents', () => {
    expect(names('ZOE')).toEqual(['Zoë Ng']);
    expect(fold('Zoë')).toBe('zoe');
  });

  it('matches title and scope last', () => {
    expect(names('verify')).toEqual(['Zoë Ng']);
    expect(names('group manager')).toEqual(['Bob Marley']);
  });

  it('leaves archived people out unless asked', () => {
    expect(names('ann')).toEqual([]);
    expect(names('ann', true)).toEqual(['Ann Jansen']);
  });

  it('gives no match a null rank', () => {
    expect(matchRank(team[0], 'xyz')).toBeNull();
  });
});

describe('moveIndex', () => {
  it('wraps around and starts from either end', () => {
    expect(moveIndex(-1, 1, 3)).toBe(0);
    expect(moveIndex(-1, -1, 3)).toBe(2);
    expect(moveIndex(2, 1, 3)).toBe(0);
    expect(moveIndex(0, -1, 3)).toBe(2);
    expect(moveIndex(0, 1, 0)).toBe(-1);
  });
});
