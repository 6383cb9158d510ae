/**
 * Type-to-filter for people (the Log a 1:1 picker, the Team roster).
 * Ranks: name starts with the query, then a word of the name does, then the
 * initials do ("jd" → "Jane Doe"), then the name, title or scope contains it.
 * Case and accents are ignored.
 */
import type { Person } from './types';

/** Lower-cases and strips accents, so "zoë" matches "Zoe". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function scopeText(p: Person): string {
  return [p.scope.section ?? '', ...p.scope.stages, ...p.scope.groups].join(' ');
}

/** The rank of a person for a query: lower is better, `null` means no match. */
export function matchRank(p: Person, query: string): number | null {
  const q = fold(query.trim());
  if (q === '') return 0;
  const name = fold(p.name);
  if (name.startsWith(q)) return 0;
  const words = name.split(/[\s\-'.]+/).filter(Boolean);
  if (words.some((w) => w.startsWith(q))) return 1;
  const initials = words.map((w) => w[0]).join('');
  if (q.length >= 2 && !q.includes(' ') && initials.startsWith(q)) return 2;
  if (name.includes(q)) return 3;
  if (fold(p.title).includes(q) || fold(scopeText(p)).includes(q)) return 4;
  return null;
}

export interface FilterOptions {
  /** Keep archived people (default: no). */
  includeArchived?: boolean;
}

/** People matching `query`, best first, then by name. */
export function filterPeople(people: readonly Person[], query: string, opts: FilterOptions = {}): Person[] {
  const ranked: [number, Person][] = [];
  for (const p of people) {
    if (!opts.includeArchived && p.archived_on !== null) continue;
    const r = matchRank(p, query);
    if (r !== null) ranked.push([r, p]);
  }
  ranked.sort((a, b) => a[0] - b[0] || fold(a[1].name).localeCompare(fold(b[1].name)));
  return ranked.map(([, p]) => p);
}

/** Moves a highlighted index by `delta` within `length` entries, wrapping around. */
export function moveIndex(index: number, delta: number, length: number): number {
  if (length <= 0) return -1;
  if (index < 0) return delta > 0 ? 0 : length - 1;
  return (((index + delta) % length) + length) % length;
}
