/** The release calendar's wording: "Next release 19.7 · Thu 17 Dec · in 20 days", and its milestones'. */
import { daysBetween, isDate } from './dates';
import type { DateStr, Milestone, Release } from './types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `Thu 17 Dec` (the year only when it is not `today`'s). */
export function shortDate(d: DateStr, today: DateStr): string {
  if (!isDate(d)) return d;
  const dt = new Date(`${d}T00:00:00Z`);
  const text = `${WEEKDAYS[dt.getUTCDay()]} ${dt.getUTCDate()} ${MONTHS[dt.getUTCMonth()]}`;
  return d.slice(0, 4) === today.slice(0, 4) ? text : `${text} ${d.slice(0, 4)}`;
}

/** `today`, `tomorrow`, `in 20 days`. */
export function inDays(d: DateStr, today: DateStr): string {
  const n = daysBetween(today, d);
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  return `in ${n} days`;
}

/** `19.7 · Thu 17 Dec · in 20 days` (the version left out when unknown). */
export function releaseText(r: Release, today: DateStr): string {
  return [r.version, shortDate(r.date, today), inDays(r.date, today)].filter(Boolean).join(' · ');
}

/** `Thu 10 Dec · in 13 days` and, for one tied to a release, `(release 19.7)`. */
export function milestoneWhen(m: Milestone, today: DateStr): string {
  const when = `${shortDate(m.date, today)} · ${inDays(m.date, today)}`;
  return m.release ? `${when} (release ${m.release})` : when;
}
