/**
 * The kinds of record (`RecordKind`, generated from the core's
 * `kinds::RecordKind`) with their words, and what the Trash says about a
 * number of records of each kind.
 *
 * The bindings have the kinds but not their words (the core keeps "1:1s" and
 * "internal-customer links" in `crates/core/src/kinds.rs`), hence this one
 * table; a `Record` over `RecordKind`, so a kind added in Rust fails the type
 * check until it has its words here.
 */
import { plural } from './format';
import type { RecordKind, TrashEntry } from './bindings';

/**
 * Each kind: one record and several ("1 person", "3 people"), and its field
 * in a count of records (`kinds::Counts`), as in the core.
 */
export const RECORD_KINDS = {
  person: { one: 'person', many: 'people', key: 'people' },
  one_on_one: { one: '1:1', many: '1:1s', key: 'one_on_ones' },
  agenda_item: { one: 'agenda item', many: 'agenda items', key: 'agenda_items' },
  update: { one: 'update', many: 'updates', key: 'updates' },
  customer_link: { one: 'internal-customer link', many: 'internal-customer links', key: 'customer_links' },
  check_in: { one: 'check-in', many: 'check-ins', key: 'check_ins' },
  requisition: { one: 'requisition', many: 'requisitions', key: 'requisitions' },
  loop_member: { one: 'loop member', many: 'loop members', key: 'loop_members' },
  interview: { one: 'interview', many: 'interviews', key: 'interviews' },
  walkthrough: { one: 'walkthrough', many: 'walkthroughs', key: 'walkthroughs' },
  win: { one: 'win', many: 'wins', key: 'wins' },
} as const satisfies Record<RecordKind, { one: string; many: string; key: string }>;

/**
 * A number of records of each kind, as `record_delete_preview` and the Trash
 * answer it (the core's `kinds::Counts`). Written here because the generated
 * `Counts` is another type of that name (the Today screen's totals, in
 * `overview.rs`), which ts-rs wrote to the same file.
 */
export type RecordCounts = Record<(typeof RECORD_KINDS)[RecordKind]['key'], number>;

/** An entry of the Trash, its `records` read as the counts they are. */
export type Trashed = Omit<TrashEntry, 'records'> & { records: RecordCounts };

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
export function justOne(kind: RecordKind): RecordCounts {
  const counts = Object.fromEntries(KIND_ORDER.map((k) => [RECORD_KINDS[k].key, 0])) as RecordCounts;
  counts[RECORD_KINDS[kind].key] = 1;
  return counts;
}

/**
 * The records that go with a record of `kind` (the record itself left out),
 * by kind in the core's order, the kinds with none left out:
 * `["18 1:1s", "30 agenda items"]`.
 */
export function withIt(kind: RecordKind, counts: RecordCounts): string[] {
  return KIND_ORDER.flatMap((k) => {
    const n = (counts[RECORD_KINDS[k].key] ?? 0) - (k === kind ? 1 : 0);
    return n > 0 ? [countOf(k, n)] : [];
  });
}

/** How many records go with a record of `kind`, itself left out. */
export function othersCount(kind: RecordKind, counts: RecordCounts): number {
  return Math.max(0, KIND_ORDER.reduce((sum, k) => sum + (counts[RECORD_KINDS[k].key] ?? 0), 0) - 1);
}

/** " (with 18 1:1s, 30 agenda items)" after a deleted record's label, or "" when it went alone. */
export function withText(kind: RecordKind, counts: RecordCounts): string {
  const list = withIt(kind, counts);
  return list.length ? ` (with ${list.join(', ')})` : '';
}
