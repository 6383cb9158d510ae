/**
 * The coaching views' wording and small decisions, pure and unit-tested:
 * the agenda balance (shares, bar widths), the brief's sections and what
 * each line says, the CDF review form (what it sends), and whether the
 * Brief panel is open (remembered in localStorage).
 *
 * Nothing here computes a rule: due dates, the review in force and the
 * handbook's warning are the core's (`brief`), shown as it says.
 */
import type { AgendaBalance, BriefItem, BriefUpdate, CdfReview, CdfReviewInput, PersonId } from './types';
import { UPDATE_KINDS, UPDATE_STATUSES } from './labels';
import { plural } from './format';
import { RULE_LABELS } from './nudges';

/** The brief's sections, in the order of the core's Markdown (`brief::SECTIONS`). */
export const BRIEF_SECTIONS = [
  { id: 'agenda', title: 'Open agenda' },
  { id: 'owed', title: 'What you owe them' },
  { id: 'wins', title: 'Wins since the last 1:1' },
  { id: 'overdue', title: 'On the overdue list' },
  { id: 'cdf', title: 'CDF focus areas' },
  // The section of rule 13, named as the rule table names it.
  { id: 'career', title: RULE_LABELS.career_conversation },
  { id: 'updates', title: 'Updates and OKRs' },
  { id: 'customers', title: 'Internal customers' },
  { id: 'release', title: 'Next release' },
] as const;

export type BriefSection = (typeof BRIEF_SECTIONS)[number]['id'];

/** The leader's share of the items in whole percent (rounded half up, as the core), or null when none was opened. */
export function leaderPercent(b: AgendaBalance): number | null {
  const total = b.raised_by_person + b.raised_by_leader;
  if (total === 0) return null;
  return Math.floor((b.raised_by_leader * 200 + total) / (total * 2));
}

/** "4 raised by them, 7 by you (64% by you)", or "No item was opened". */
export function balanceText(b: AgendaBalance): string {
  const pct = leaderPercent(b);
  if (pct === null) return 'No item was opened';
  return `${b.raised_by_person} raised by them, ${b.raised_by_leader} by you (${pct}% by you)`;
}

/** A request of theirs (HELP raised by them) or a DOTO of the leader's. */
export function owedKind(i: BriefItem): 'Request' | 'DOTO' {
  return i.item.open_tag === 'help' && i.item.raised_by === 'person' ? 'Request' : 'DOTO';
}

/** "none recorded", "done Thu 19 Nov 2026" (given a date formatter), "in review". */
export function updateStatusText(u: BriefUpdate, date: (d: string) => string): string {
  if (u.status === null) return 'none recorded';
  if (u.status === 'done' && u.done_on) return `done ${date(u.done_on)}`;
  return UPDATE_STATUSES[u.status].toLowerCase();
}

/** "Next release", "3-month vision", "OKRs" (the Accountability screen's words). */
export function updateKindText(u: Pick<BriefUpdate, 'kind'>): string {
  return UPDATE_KINDS[u.kind];
}

/** An OKR score as written: "0.7", or "not scored". */
export function scoreText(score: number | null): string {
  return score === null ? 'not scored' : `score ${score}`;
}

/** "3 open; 2 carried over from earlier 1:1s (listed first)." */
export function agendaHeadline(items: readonly BriefItem[]): string {
  if (items.length === 0) return 'Nothing is open on the agenda.';
  const carried = items.filter((i) => i.carried_over).length;
  return `${plural(items.length, 'item')} open; ${carried} carried over from earlier 1:1s (listed first).`;
}

// ---- The CDF review form -------------------------------------------------------

/** What the CDF review dialog holds: three focus fields, the rest as typed. */
export interface CdfForm {
  date: string;
  focus: [string, string, string];
  notes: string;
  link: string;
}

/** The form for a new review (today) or an existing one. */
export function cdfForm(today: string, review?: CdfReview | null): CdfForm {
  const f = review?.focus ?? [];
  return {
    date: review?.date ?? today,
    focus: [f[0] ?? '', f[1] ?? '', f[2] ?? ''],
    notes: review?.notes ?? '',
    link: review?.link ?? '',
  };
}

/**
 * What the form sends: the focus areas typed (trimmed, empty fields left
 * out, in order), the link or null. The core checks the rest (1 to 3 focus
 * areas, the date, the link) and says what is wrong.
 */
export function cdfInput(personId: PersonId, form: CdfForm): CdfReviewInput {
  const link = form.link.trim();
  return {
    person_id: personId,
    date: form.date,
    focus: form.focus.map((f) => f.trim()).filter((f) => f !== ''),
    notes: form.notes,
    link: link === '' ? null : link,
  };
}

// ---- The Brief panel, open or closed ---------------------------------------------

const OPEN_KEY = 'coachlog.briefOpen';

/** Whether the Brief panel is open (open until the leader closes it; remembered across screens and restarts). */
export function briefOpen(storage: Pick<Storage, 'getItem'> | null = safeStorage()): boolean {
  return storage?.getItem(OPEN_KEY) !== 'false';
}

/** Remembers whether the Brief panel is open. */
export function rememberBriefOpen(open: boolean, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(OPEN_KEY, String(open));
  } catch {
    /* private mode or full: it is only a preference */
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
