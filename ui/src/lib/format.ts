/** Short texts for records shown in lists. */
import { SCOPE_KINDS } from './labels';
import type { Participant, Person, Scope } from './types';

/** `Stage: Plan, Create (Dev)` — the scope kind, its names, and the section. */
export function scopeText(scope: Scope): string {
  const names = scope.kind === 'group' || scope.kind === 'collection_of_groups' ? scope.groups : scope.stages;
  const more = scope.kind === 'group' || scope.kind === 'collection_of_groups' ? scope.stages : scope.groups;
  const main = names.length ? names.join(', ') : more.join(', ');
  const parts = [SCOPE_KINDS[scope.kind] + (main ? `: ${main}` : '')];
  if (scope.section) parts.push(`(${scope.section})`);
  return parts.join(' ');
}

/** `every 7 days (default)` or `every 14 days`. */
export function cadenceText(p: Person, defaultDays: number): string {
  return p.cadence_days === null ? `every ${defaultDays} days (default)` : `every ${p.cadence_days} days`;
}

/** A hiring participant's display name. */
export function participantName(x: Participant, nameOf: (id: number) => string): string {
  return 'person' in x ? nameOf(x.person) : x.name;
}

/** Splits a comma-separated list of names, trimmed, without empties. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `1 item` / `3 items`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
