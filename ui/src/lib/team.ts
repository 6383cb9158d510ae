/**
 * Skip-level reports on the Team screen and in the person form: who can be
 * someone's manager, the roster's rows (each direct report, then the
 * skip-level reports under their manager, apart from the direct reports),
 * and the last skip-level 1:1. Pure; unit-tested in `team.test.ts`. Which
 * rules apply to whom is the core's (rule 14).
 */
import type { OneOnOne, Person, PersonId } from './types';

const byName = (a: Person, b: Person) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id - b.id;

/**
 * Who `editing` (null: a new person) can report to: people on the team,
 * active, not skip-level reports themselves, not `editing`; by name. The
 * manager they have now (`current`) stays on offer, archived or not.
 */
export function managerChoices(people: readonly Person[], editing: PersonId | null, current: PersonId | null = null): Person[] {
  return people.filter((p) => p.id === current || (p.archived_on === null && p.reports_to === null && p.id !== editing)).sort(byName);
}

/** The skip-level reports of `id` (archived ones included), by name. */
export function reportsOf(people: readonly Person[], id: PersonId): Person[] {
  return people.filter((p) => p.reports_to === id).sort(byName);
}

/** Why the Tracked box is off and disabled, or null when it is the leader's choice. */
export function trackedLock(reportsTo: PersonId | null, managerName: string): string | null {
  if (reportsTo === null) return null;
  return `A skip-level report is never tracked: ${managerName || 'their manager'} holds their 1:1s; you hold skip-levels with them.`;
}

/** One row of the roster: a direct report, or a skip-level report under their manager. */
export interface RosterRow {
  person: Person;
  /** Set for a skip-level report: their manager (null when not on the team any more). */
  manager: Person | null;
  skip: boolean;
  /** A skip-level report shown right under their manager's row (else it says whose report it is). */
  underManager: boolean;
}

/**
 * The roster's rows for the people `shown` (filtered, in their order):
 * each direct report followed by their skip-level reports among `shown`
 * (by name); skip-level reports whose manager is not shown come last, each
 * saying whom they report to.
 */
export function rosterRows(shown: readonly Person[], all: readonly Person[]): RosterRow[] {
  const byId = new Map(all.map((p) => [p.id, p]));
  const shownIds = new Set(shown.map((p) => p.id));
  const skips = shown.filter((p) => p.reports_to !== null);
  const rows: RosterRow[] = [];
  for (const p of shown) {
    if (p.reports_to !== null) continue;
    rows.push({ person: p, manager: null, skip: false, underManager: false });
    for (const r of skips.filter((s) => s.reports_to === p.id).sort(byName)) rows.push({ person: r, manager: p, skip: true, underManager: true });
  }
  for (const r of skips.filter((s) => !shownIds.has(s.reports_to as PersonId)))
    rows.push({ person: r, manager: byId.get(r.reports_to as PersonId) ?? null, skip: true, underManager: false });
  return rows;
}

/** The day of the last held 1:1 among `meetings` (a skip-level report's: their last skip-level), or null. */
export function lastHeld(meetings: readonly OneOnOne[]): string | null {
  let last: string | null = null;
  for (const m of meetings) if (m.status === 'held' && (last === null || m.date > last)) last = m.date;
  return last;
}

/** Everyone a review packet can be made for: the team by name, then the people who left (by name). */
export function packetChoices(people: readonly Person[]): Person[] {
  const active = people.filter((p) => p.archived_on === null).sort(byName);
  const left = people.filter((p) => p.archived_on !== null).sort(byName);
  return [...active, ...left];
}
