/**
 * Calendar helpers over the text forms that cross IPC: dates `YYYY-MM-DD`,
 * months `YYYY-MM`, fiscal quarters `FY27-Q1`, timings (a date or a release
 * version `19.2`). All arithmetic is on calendar days in UTC, so no time
 * zone or daylight-saving change can shift a day. The app's "today" comes
 * from the shell (`app_info().today`); `localToday` is the fallback.
 */
import type { DateStr, Period } from './types';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const QUARTER_RE = /^FY(\d{2}|\d{4})-Q([1-4])$/i;
const VERSION_RE = /^\d+\.(?:[0-9]|1[01])$/;

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Whether `s` is a real calendar date written `YYYY-MM-DD`. */
export function isDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Days in month `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Milliseconds since the epoch of a date's UTC midnight; throws on a bad date. */
function toUtc(d: DateStr): number {
  if (!isDate(d)) throw new Error(`'${d}' is not a date (YYYY-MM-DD)`);
  const [y, m, day] = d.split('-').map(Number);
  return Date.UTC(y, m - 1, day);
}

function fromUtc(ms: number): DateStr {
  const dt = new Date(ms);
  return `${pad(dt.getUTCFullYear(), 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

/** The machine's local calendar date. */
export function localToday(now: Date = new Date()): DateStr {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `d` plus `n` calendar days (n may be negative). */
export function addDays(d: DateStr, n: number): DateStr {
  return fromUtc(toUtc(d) + n * DAY_MS);
}

/** `to − from` in calendar days. */
export function daysBetween(from: DateStr, to: DateStr): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** A copy of `records`, newest first by `day`; on the same day the later added (higher id) first. */
export function newestFirst<T extends { id: number }>(records: readonly T[], day: (r: T) => DateStr): T[] {
  return [...records].sort((a, b) => day(b).localeCompare(day(a)) || b.id - a.id);
}

/** Whether something due on `due` is overdue on `today` (due strictly before today). */
export function isOverdue(due: DateStr | null, today: DateStr): boolean {
  return due !== null && due < today;
}

/** Whether `due` falls within `days` days from today (today included), not overdue. */
export function isDueSoon(due: DateStr | null, today: DateStr, days = 3): boolean {
  return due !== null && due >= today && daysBetween(today, due) <= days;
}

/** A date for people: `Thu 14 May 2026`. */
export function formatDate(d: DateStr | null): string {
  if (!d || !isDate(d)) return d ?? '';
  const dt = new Date(toUtc(d));
  return `${WEEKDAYS[dt.getUTCDay()]} ${dt.getUTCDate()} ${MONTH_NAMES[dt.getUTCMonth()]} ${dt.getUTCFullYear()}`;
}

/** How far `d` is from `today`, in words: `today`, `tomorrow`, `in 3 days`, `2 days ago`. */
export function relativeDay(d: DateStr, today: DateStr): string {
  const n = daysBetween(today, d);
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${n} days` : `${-n} days ago`;
}

/** Overdue wording for a due date: `due today`, `due in 2 days`, `3 days overdue`. */
export function dueText(due: DateStr | null, today: DateStr): string {
  if (!due) return 'no due date';
  const n = daysBetween(today, due);
  if (n === 0) return 'due today';
  if (n > 0) return n === 1 ? 'due tomorrow' : `due in ${n} days`;
  return -n === 1 ? '1 day overdue' : `${-n} days overdue`;
}

// ---- Months and fiscal quarters ------------------------------------------------

/** Whether `s` is a month `YYYY-MM`. */
export function isMonth(s: string): boolean {
  const m = MONTH_RE.exec(s);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** The month `YYYY-MM` of a date. */
export function monthOf(d: DateStr): Period {
  return d.slice(0, 7);
}

function monthIndex(month: Period): number {
  if (!isMonth(month)) throw new Error(`'${month}' is not a month (YYYY-MM)`);
  const [y, m] = month.split('-').map(Number);
  return y * 12 + (m - 1);
}

function monthFromIndex(i: number): Period {
  return `${pad(Math.floor(i / 12), 4)}-${pad((i % 12) + 1)}`;
}

/** `month` plus `n` months. */
export function addMonths(month: Period, n: number): Period {
  return monthFromIndex(monthIndex(month) + n);
}

/** `Mar 2026` for `2026-03`. */
export function formatMonth(month: Period): string {
  const i = monthIndex(month);
  return `${MONTH_NAMES[i % 12]} ${Math.floor(i / 12)}`;
}

/**
 * The fiscal quarter containing `month`, named by the calendar year in which
 * the fiscal year ends (FY27-Q1 is Feb–Apr 2026 with a February start).
 */
export function fiscalQuarterOf(month: Period, fiscalYearStartMonth: number): Period {
  const i = monthIndex(month);
  const intoYear = (((i % 12) + 1 - fiscalYearStartMonth) % 12 + 12) % 12;
  const lastMonthIndex = i - intoYear + 11;
  const year = Math.floor(lastMonthIndex / 12);
  const q = Math.floor(intoYear / 3) + 1;
  const y = year >= 2000 && year <= 2099 ? pad(year - 2000) : pad(year, 4);
  return `FY${y}-Q${q}`;
}

/** Whether `s` is a fiscal quarter `FY27-Q1`. */
export function isQuarter(s: string): boolean {
  return QUARTER_RE.test(s);
}

/** The three months of a fiscal quarter, in order. */
export function quarterMonths(quarter: Period, fiscalYearStartMonth: number): Period[] {
  const m = QUARTER_RE.exec(quarter);
  if (!m) throw new Error(`'${quarter}' is not a fiscal quarter (FY27-Q1)`);
  const year = m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  const q = Number(m[2]);
  const lastMonth = (fiscalYearStartMonth + 10) % 12; // 0-based month the fiscal year ends in
  const yearStart = year * 12 + lastMonth - 11;
  const first = yearStart + 3 * (q - 1);
  return [first, first + 1, first + 2].map(monthFromIndex);
}

// ---- Timings -------------------------------------------------------------------

/** Whether `s` is a release version `X.Y` with Y from 0 to 11. */
export function isVersion(s: string): boolean {
  return VERSION_RE.test(s);
}

/** Whether `s` is a timing: a date or a release version. */
export function isTiming(s: string): boolean {
  const t = s.trim();
  return isDate(t) || isVersion(t);
}

/** A typed timing, trimmed; empty means none (`null`). Throws with a user message when invalid. */
export function parseTiming(s: string): string | null {
  const t = s.trim();
  if (t === '') return null;
  if (!isTiming(t)) {
    throw new Error(`'${t}' is not a timing: give a date like 2026-05-14 or a release version like 19.2.`);
  }
  return t;
}
