/** Keeping a screen's list of records in step with what a command returned. */

/** `list` with `record` in the place of the one with its id (nothing added if none has it). */
export function replaced<T extends { id: number }>(list: readonly T[], record: T): T[] {
  return list.map((x) => (x.id === record.id ? record : x));
}

/** `list` with `record` in the place of the one with its id, or added — at the end, or the start — if none has it. */
export function upserted<T extends { id: number }>(list: readonly T[], record: T, at: 'end' | 'start' = 'end'): T[] {
  if (list.some((x) => x.id === record.id)) return replaced(list, record);
  return at === 'start' ? [record, ...list] : [...list, record];
}
