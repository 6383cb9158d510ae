/**
 * The accountability grid's columns and cells: which months and fiscal
 * quarters are shown around today, which update fills a cell, and what one
 * click on a cell changes it to.
 */
import { addMonths, fiscalQuarterOf, monthOf, quarterMonths } from './dates';
import type { DateStr, Period, Update, UpdateInput, UpdateKind, UpdateStatus } from './types';

export interface QuarterColumn {
  /** The fiscal quarter, e.g. `FY27-Q2`. */
  period: Period;
  /** Index of its first shown month in `months`. */
  start: number;
  /** How many of the shown months it covers (1–3). */
  span: number;
  /** Whether all three of its months are shown. */
  complete: boolean;
}

export interface GridColumns {
  months: Period[];
  quarters: QuarterColumn[];
}

/**
 * The months shown: `count` months starting `before` months before today's
 * month, shifted by `offset` months (the Earlier/Later buttons move it by
 * `count`), and the fiscal quarters they fall in, each spanning its shown months.
 */
export function gridColumns(
  today: DateStr,
  fiscalYearStartMonth: number,
  offset = 0,
  count = 4,
  before = 1,
): GridColumns {
  const first = addMonths(monthOf(today), offset - before);
  const months = Array.from({ length: count }, (_, i) => addMonths(first, i));
  const quarters: QuarterColumn[] = [];
  months.forEach((m, i) => {
    const q = fiscalQuarterOf(m, fiscalYearStartMonth);
    const last = quarters[quarters.length - 1];
    if (last && last.period === q) last.span += 1;
    else quarters.push({ period: q, start: i, span: 1, complete: false });
  });
  for (const q of quarters) q.complete = q.span === quarterMonths(q.period, fiscalYearStartMonth).length;
  return { months, quarters };
}

/** The key of a grid cell: whose (a person id or the leader), which kind, which period. */
export function cellKey(personId: number | null, kind: UpdateKind, period: Period): string {
  return `${personId ?? 'leader'}|${kind}|${period}`;
}

/** Indexes updates by cell; when a cell has several, the latest (highest id) wins. */
export function indexUpdates(updates: readonly Update[]): Map<string, Update> {
  const map = new Map<string, Update>();
  for (const u of updates) {
    const k = cellKey(u.person_id, u.kind, u.period);
    const had = map.get(k);
    if (!had || had.id < u.id) map.set(k, u);
  }
  return map;
}

/** One click on a cell: empty → in review → done → not started → in review … */
export function nextStatus(current: UpdateStatus | null): UpdateStatus {
  switch (current) {
    case null:
    case 'not_started':
      return 'in_review';
    case 'in_review':
      return 'done';
    case 'done':
      return 'not_started';
  }
}

/**
 * The input that moves a cell to `status`: a done update is done today
 * unless it already had a done date; any other status has none. The link is kept.
 */
export function cellInput(
  existing: Update | null,
  personId: number | null,
  kind: UpdateKind,
  period: Period,
  status: UpdateStatus,
  today: DateStr,
): UpdateInput {
  return {
    person_id: personId,
    kind,
    period,
    status,
    done_on: status === 'done' ? (existing?.done_on ?? today) : null,
    link: existing?.link ?? null,
    objectives: existing?.objectives ?? [],
  };
}

/** The kinds shown per person, each with the period it is written for. */
export const PERSON_ROWS: readonly { kind: UpdateKind; per: 'month' | 'quarter' }[] = [
  { kind: 'next_release', per: 'month' },
  { kind: 'three_month_vision', per: 'month' },
  { kind: 'okrs', per: 'quarter' },
];
