/**
 * The overdue review on the Today screen: grouping the nudges by practice,
 * their due wording, the one-click action for each rule, and the snooze
 * quick picks. Pure (the action runs through `api`), unit-tested in
 * `nudges.test.ts`. The rules themselves are the core's (`overdue`).
 */
import * as api from './api';
import { CATALOGUE } from './bindings';
import { addDays, formatDate } from './dates';
import { href } from './routes';
import type { CloseTag, DateStr, Nudge, Rule, UpdateKind } from './types';

/** The rules in the catalogue's order (the core's rule table, generated `bindings/ruleTable.ts`). */
export const RULES: Rule[] = CATALOGUE.rules.map((r) => r.rule);

/** Each rule's group heading. */
export const RULE_LABELS = Object.fromEntries(CATALOGUE.rules.map((r) => [r.rule, r.label])) as Record<Rule, string>;

export interface NudgeGroup {
  rule: Rule;
  label: string;
  /** Most overdue first (the core's order, kept). */
  items: Nudge[];
  /** How many of them are overdue (the rest are due soon). */
  overdue: number;
}

/**
 * Groups nudges by practice. Within a group the most overdue come first;
 * the group whose worst item is most overdue comes first (ties in the
 * catalogue's order), so the most pressing practice leads the page.
 */
export function groupNudges(list: Nudge[]): NudgeGroup[] {
  const byRule = new Map<Rule, Nudge[]>();
  for (const n of list) byRule.set(n.rule, [...(byRule.get(n.rule) ?? []), n]);
  const groups: NudgeGroup[] = [];
  for (const rule of RULES) {
    const items = byRule.get(rule);
    if (!items) continue;
    const sorted = [...items].sort(
      (a, b) =>
        b.overdue_days - a.overdue_days ||
        (a.person ?? '').toLowerCase().localeCompare((b.person ?? '').toLowerCase()) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
    groups.push({ rule, label: RULE_LABELS[rule], items: sorted, overdue: sorted.filter((n) => n.overdue_days > 0).length });
  }
  const worst = (g: NudgeGroup) => g.items[0].overdue_days;
  return groups.sort((a, b) => worst(b) - worst(a) || RULES.indexOf(a.rule) - RULES.indexOf(b.rule));
}

/** `3 days overdue`, `1 day overdue`, `due today`, `due tomorrow`, `due in 2 days`. */
export function dueWords(n: Pick<Nudge, 'overdue_days'>): string {
  const d = n.overdue_days;
  if (d === 1) return '1 day overdue';
  if (d > 1) return `${d} days overdue`;
  if (d === 0) return 'due today';
  if (d === -1) return 'due tomorrow';
  return `due in ${-d} days`;
}

/** The badge class: `overdue` or `soon`. */
export function dueClass(n: Pick<Nudge, 'overdue_days'>): 'overdue' | 'soon' {
  return n.overdue_days > 0 ? 'overdue' : 'soon';
}

/** Tags offered to close a request or action from Today; the first is the default. */
export const NUDGE_CLOSE_TAGS: CloseTag[] = ['done', 'thanks', 'why', 'fyi', 'move', 'wont', 'duplicate', 'idea', 'sorry', 'feedback'];

/**
 * What acting on a nudge does: open a screen (`go`), or one command
 * (`call`, run by `act`). `close` marks the requests and actions, which
 * also offer the other closing tags.
 */
export type NudgeAction = { type: 'go'; label: string; href: string } | { type: 'call'; label: string; close: boolean };

/**
 * The one-click action for a nudge. `careerTag` is the `career_tag` setting:
 * logging a career conversation opens Log a 1:1 with it among the tags.
 */
export function actionFor(n: Nudge, careerTag = 'career'): NudgeAction {
  switch (n.rule) {
    case 'one_on_one':
      return { type: 'go', label: 'Log the 1:1', href: href('log', n.person_id) };
    case 'request':
      return { type: 'call', label: 'Close as DONE', close: true };
    case 'action':
      return { type: 'call', label: 'Close as DONE', close: true };
    case 'update':
      return { type: 'call', label: 'Mark done', close: false };
    case 'customer_check_in':
      return { type: 'call', label: 'Record check-in', close: false };
    case 'customer_epic':
      return { type: 'call', label: 'Epic updated', close: false };
    case 'walkthrough':
      return { type: 'go', label: 'Add the walkthrough', href: href('walkthroughs', null, { add: 1 }) };
    case 'stage_walkthrough':
      return { type: 'go', label: 'Add the walkthrough', href: href('walkthroughs', null, { add: 1, stage: n.subject }) };
    case 'hiring_peer':
    case 'requisition_stale':
      return { type: 'go', label: 'Open the requisition', href: href('hiring', null, { focus: `req-${n.record_id}` }) };
    case 'win_unshared':
      return { type: 'call', label: 'Mark shared', close: false };
    case 'cdf_review':
      return { type: 'go', label: 'Record the CDF review', href: href('person', n.person_id, { cdf: 'new' }) };
    case 'career_conversation':
      return { type: 'go', label: 'Log the career conversation', href: href('log', n.person_id, { tag: careerTag.trim() || 'career' }) };
    case 'skip_level':
      return { type: 'go', label: 'Log the skip-level', href: href('log', n.person_id) };
  }
}

/** The kind of update a nudge's key names (`update:<person|leader>:<kind>:<period>`). */
export function updateKind(n: Pick<Nudge, 'key'>): UpdateKind {
  const kind = n.key.split(':')[2];
  if (kind === 'next_release' || kind === 'three_month_vision' || kind === 'okrs' || kind === 'portfolio_direction') return kind;
  throw new Error(`'${n.key}' is not an update nudge's key.`);
}

function recordOf(n: Nudge): number {
  if (n.record_id === null) throw new Error(`The nudge ${n.key} names no record to act on.`);
  return n.record_id;
}

/**
 * Does what a `call` nudge asks, on `today`, and says what was done (for a
 * notice). `tag` closes a request or action with another tag than DONE.
 */
export async function act(n: Nudge, today: DateStr, tag: CloseTag = 'done'): Promise<string> {
  const who = n.person ?? 'you';
  switch (n.rule) {
    case 'request':
    case 'action':
      await api.agendaClose(recordOf(n), tag, today, null);
      return `Closed ${n.rule === 'request' ? `${who}’s request` : 'the action'} as ${tag.toUpperCase()}.`;
    case 'update':
      if (n.record_id !== null) await api.updateDone(n.record_id, today, null);
      else
        await api.updateAdd({
          person_id: n.person_id,
          kind: updateKind(n),
          period: n.period ?? '',
          status: 'done',
          done_on: today,
          link: null,
          objectives: [],
        });
      return `Marked ${n.person ? `${n.person}’s` : 'your'} ${n.subject.toLowerCase()} update for ${n.period} done.`;
    case 'customer_check_in':
    case 'customer_epic':
      await api.checkInAdd({ link_id: recordOf(n), date: today, epic_updated: n.rule === 'customer_epic', notes: '' });
      return n.rule === 'customer_epic' ? `Recorded a check-in with the epic updated: ${n.subject}.` : `Recorded a check-in: ${n.subject}.`;
    case 'win_unshared':
      await api.winShare(recordOf(n), today, null);
      return `Marked ${who}’s win shared.`;
    default:
      throw new Error(`The nudge ${n.key} opens a screen; it has no command.`);
  }
}

/** A snooze quick pick: the nudge is hidden through `until` and comes back on `back`. */
export interface SnoozePick {
  label: string;
  until: DateStr;
  back: DateStr;
}

/** The Monday after `today` (a week later when today is a Monday). */
export function nextMonday(today: DateStr): DateStr {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addDays(today, (8 - weekday) % 7 || 7);
}

/** "3 days", "next Monday", "a week": when the nudge should come back. */
export function snoozePicks(today: DateStr): SnoozePick[] {
  const pick = (label: string, back: DateStr) => ({ label, back, until: addDays(back, -1) });
  return [pick('3 days', addDays(today, 3)), pick('next Monday', nextMonday(today)), pick('a week', addDays(today, 7))];
}

/** "It comes back on Mon 30 Nov 2026.": the day after `until`. */
export function snoozeHint(until: DateStr): string {
  return `It comes back on ${formatDate(addDays(until, 1))}.`;
}
