/**
 * The Export screen's choices, as pure functions: which months to offer (and
 * which have 1:1s), the default month and the formats. The summary itself is
 * built by the core (`summary_preview`, `summary_save`); the shell's Save
 * dialog suggests the file's name.
 */
import { addDays, addMonths, daysInMonth, monthOf } from './dates';
import { plural } from './format';
import type { MonthCount } from './bindings';
import type { DateStr, Format, HistoryFormat, Period } from './types';

/** The formats, in the order the screen shows them. */
export const FORMATS: readonly { format: Format; label: string; extension: string; hint: string }[] = [
  { format: 'markdown', label: 'Markdown', extension: 'md', hint: 'GitLab-flavoured, to paste into an MR' },
  { format: 'html', label: 'HTML', extension: 'html', hint: 'one file with charts, prints to PDF' },
  { format: 'csv', label: 'CSV', extension: 'csv', hint: 'one row per person × metric' },
  { format: 'json', label: 'JSON', extension: 'json', hint: 'the summary data' },
];

/** The entry of `FORMATS` for `format`. */
export function formatInfo(format: Format) {
  return FORMATS.find((f) => f.format === format) ?? FORMATS[0];
}

const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `October 2026` for `2026-10`, as the summary names it. */
export function monthName(month: Period): string {
  const [y, m] = month.split('-').map(Number);
  return `${LONG_MONTHS[m - 1]} ${y}`;
}

/** The month a leader exports by default: the one before today's. */
export function defaultMonth(today: DateStr): Period {
  return addMonths(monthOf(today), -1);
}

export interface MonthChoice {
  month: Period;
  /** 1:1s dated in the month. */
  oneOnOnes: number;
  label: string;
}

/**
 * The months to offer, newest first: from the month of the earliest 1:1 (or
 * a year back, when that is later or there is none) through today's month.
 * Each says how many 1:1s it has, so the months with data stand out.
 */
export function monthChoices(today: DateStr, withOneOnOnes: readonly MonthCount[]): MonthChoice[] {
  const current = monthOf(today);
  const counts = new Map<Period, number>(withOneOnOnes.map((m) => [m.month, m.one_on_ones]));
  let first = addMonths(current, -12);
  for (const m of counts.keys()) if (m < first) first = m;
  const out: MonthChoice[] = [];
  for (let m = current; m >= first; m = addMonths(m, -1)) {
    const n = counts.get(m) ?? 0;
    const note = m === current ? ' (so far)' : '';
    out.push({ month: m, oneOnOnes: n, label: `${monthName(m)}${note} · ${n ? plural(n, '1:1') : 'no 1:1s'}` });
  }
  return out;
}

/** The review packet's formats (Export → Person), in the order the tab shows them. */
export const PACKET_FORMATS: readonly { format: HistoryFormat; label: string; hint: string }[] = [
  { format: 'markdown', label: 'Markdown', hint: 'GitLab-flavoured, to paste or keep' },
  { format: 'html', label: 'HTML', hint: 'one file with a timeline, prints to PDF' },
  { format: 'json', label: 'JSON', hint: 'the packet data' },
];

/**
 * The first day of the packet's default window ending on `to`: the day after
 * the same day six months before (the last day of that month when it is
 * shorter) — the core's `Window::six_months_to` (a test checks them against
 * each other through the fixtures).
 */
export function packetFrom(to: DateStr): DateStr {
  const month = addMonths(monthOf(to), -6);
  const [y, m] = month.split('-').map(Number);
  const day = Math.min(Number(to.slice(8, 10)), daysInMonth(y, m));
  return addDays(`${month}-${String(day).padStart(2, '0')}`, 1);
}
