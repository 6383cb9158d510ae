/**
 * The kinds of record (`RecordKind`) with their words — both generated from
 * the core's one list (`crates/core/src/kinds.rs` → `bindings/recordKinds.ts`)
 * — and what the Trash says about a number of records of each kind.
 */
import { plural } from './format';
import { RECORD_KINDS } from './bindings';
import type { Counts, RecordKind } from './bindings';

export { RECORD_KINDS };

/** Every kind, in the core's order. */
export const KIND_ORDER = Object.keys(RECORD_KINDS) as RecordKind[];

/** `n` records of `kind`: "1 person", "18 1:1s". */
export function countOf(kind: RecordKind, n: number): string {
  return plural(n, RECORD_KINDS[kind].one, RECORD_KINDS[kind].many);
}

/** A kind as a heading or a badge: "1:1", "Agenda item". */
export function kindLabel(kind: RecordKind): string {
  const one: string = RECORD_KINDS[kind].one;
  return one.charAt(0).toUpperCase() + one.slice(1);
}

/** One record of `kind` and nothing else (what the mock backend deletes). */
export function justOne(kind: RecordKind): Counts {
  const counts = Object.fromEntries(KIND_ORDER.map((k) => [RECORD_KINDS[k].key, 0])) as Counts;
  counts[RECORD_KINDS[kind].key] = 1;
  return counts;
}

/**
 * The records that go with a record of `kind` (the record itself left out),
 * by kind in the core's order, the kinds with none left out:
 * `["18 1:1s", "30 agenda items"]`.
 */
export function withIt(kind: RecordKind, counts: Counts): string[] {
  const key = RECORD_KINDS[kind].key;
  return kindCounts({ ...counts, [key]: (counts[key] ?? 0) - 1 });
}

/** Every kind with records in `counts`, in the core's order: `["2 people", "18 1:1s"]`. */
export function kindCounts(counts: Counts): string[] {
  return KIND_ORDER.flatMap((k) => {
    const n = counts[RECORD_KINDS[k].key] ?? 0;
    return n > 0 ? [countOf(k, n)] : [];
  });
}

/** How many records go with a record of `kind`, itself left out. */
export function othersCount(kind: RecordKind, counts: Counts): number {
  return Math.max(0, KIND_ORDER.reduce((sum, k) => sum + (counts[RECORD_KINDS[k].key] ?? 0), 0) - 1);
}

/** " (with 18 1:1s, 30 agenda items)" after a deleted record's label, or "" when it went alone. */
export function withText(kind: RecordKind, counts: Counts): string {
  const list = withIt(kind, counts);
  return list.length ? ` (with ${list.join(', ')})` : '';
}
