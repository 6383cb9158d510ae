import { describe, expect, it } from 'vitest';
import { person } from '../test/fixtures';
import { lastHeld, managerChoices, reportsOf, rosterRows, trackedLock } from './team';
import type { OneOnOne } from './types';

const amara = person({ id: 1, name: 'Amara Okafor' });
const diego = person({ id: 2, name: 'Diego Hernández' });
const gone = person({ id: 3, name: 'Ana Gone', archived_on: '2026-01-01' });
const noor = person({ id: 9, name: 'Noor Haddad', reports_to: 1, tracked: false });
const ben = person({ id: 10, name: 'ben Ode', reports_to: 1, tracked: false });
const kai = person({ id: 11, name: 'Kai Lund', reports_to: 2, tracked: false });
const all = [amara, diego, gone, noor, ben, kai];

const meeting = (date: string, status: OneOnOne['status']): OneOnOne => ({ id: 1, person_id: 9, date, status, notes: '', tags: [] });

describe('skip-level reports', () => {
  it('offers as managers the active people who are not skip-level reports, never the person edited', () => {
    expect(managerChoices(all, null).map((p) => p.name)).toEqual(['Amara Okafor', 'Diego Hernández']);
    expect(managerChoices(all, 1).map((p) => p.name)).toEqual(['Diego Hernández']);
    // A report of a manager since archived keeps them on offer.
    expect(managerChoices(all, 12, 3).map((p) => p.name)).toEqual(['Amara Okafor', 'Ana Gone', 'Diego Hernández']);
  });

  it('lists a manager’s skip-level reports by name', () => {
    expect(reportsOf(all, 1).map((p) => p.name)).toEqual(['ben Ode', 'Noor Haddad']);
    expect(reportsOf(all, 9)).toEqual([]);
  });

  it('says why a skip-level report is not tracked', () => {
    expect(trackedLock(null, '')).toBeNull();
    expect(trackedLock(1, 'Amara Okafor')).toContain('never tracked: Amara Okafor holds their 1:1s');
  });

  it('puts skip-level reports under their manager, apart from the direct reports', () => {
    const rows = rosterRows([amara, diego, noor, ben, kai], all);
    expect(rows.map((r) => [r.person.name, r.skip, r.manager?.name ?? null, r.underManager])).toEqual([
      ['Amara Okafor', false, null, false],
      ['ben Ode', true, 'Amara Okafor', true],
      ['Noor Haddad', true, 'Amara Okafor', true],
      ['Diego Hernández', false, null, false],
      ['Kai Lund', true, 'Diego Hernández', true],
    ]);
    // Filtered to a report alone: it still says whose report it is.
    expect(rosterRows([kai], all)).toEqual([{ person: kai, manager: diego, skip: true, underManager: false }]);
  });

  it('finds the last held 1:1', () => {
    expect(lastHeld([])).toBeNull();
    expect(lastHeld([meeting('2026-09-01', 'held'), meeting('2026-10-01', 'cancelled'), meeting('2026-08-01', 'held')])).toBe('2026-09-01');
  });
});
