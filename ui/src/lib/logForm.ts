/**
 * The logic of the Log a 1:1 form, apart from its markup: the form's state,
 * turning it into the `LogInput` of `one_on_one_log` (or a `Draft`), reading
 * a draft back, quick-adding items ("help: pricing context @19.2"), and
 * ordering the open agenda with carried-over items first.
 */
import { isDate, parseTiming } from './dates';
import type {
  AgendaItem,
  CloseTag,
  DateStr,
  Draft,
  LogInput,
  NewItem,
  OneOnOneStatus,
  OpenTag,
  RaisedBy,
} from './types';
import { CLOSE_TAGS, OPEN_TAGS } from './labels';

export interface LogForm {
  personId: number | null;
  date: DateStr;
  status: OneOnOneStatus;
  notes: string;
  /** Coaching tags as typed: comma-separated. */
  tagsText: string;
  newItems: NewItem[];
  /** Closing tag chosen per open item id; absent = stays open. */
  closing: Record<number, CloseTag>;
}

export function emptyForm(today: DateStr, personId: number | null = null): LogForm {
  return { personId, date: today, status: 'held', notes: '', tagsText: '', newItems: [], closing: {} };
}

/** Splits typed coaching tags on commas, trims, drops empties and case-insensitive duplicates. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const t = raw.trim();
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}

/** A problem with the form, worded for the leader, with the field it concerns. */
export interface FormProblem {
  field: 'person' | 'date' | 'items';
  message: string;
}

/** What is wrong with the form before it can be logged; empty when it can be. */
export function validateForm(form: LogForm): FormProblem[] {
  const problems: FormProblem[] = [];
  if (form.personId === null) problems.push({ field: 'person', message: 'Pick who the 1:1 was with.' });
  if (!isDate(form.date)) problems.push({ field: 'date', message: 'Give the date of the 1:1 as YYYY-MM-DD.' });
  if (form.newItems.some((i) => i.text.trim() === ''))
    problems.push({ field: 'items', message: 'A new agenda item has no text.' });
  return problems;
}

/** The `one_on_one_log` input for the form. Throws when the form is not valid. */
export function buildLogInput(form: LogForm, openItems: readonly AgendaItem[] = []): LogInput {
  const problems = validateForm(form);
  if (problems.length) throw new Error(problems.map((p) => p.message).join(' '));
  const openIds = new Set(openItems.map((i) => i.id));
  return {
    one_on_one: {
      person_id: form.personId as number,
      date: form.date,
      status: form.status,
      notes: form.notes,
      tags: parseTags(form.tagsText),
    },
    new_items: form.newItems.map((i) => ({ ...i, text: i.text.trim() })),
    close_items: Object.entries(form.closing)
      .map(([id, tag]) => ({ id: Number(id), tag }))
      .filter((c) => openItems.length === 0 || openIds.has(c.id))
      .sort((a, b) => a.id - b.id),
  };
}

/** The draft saved as the leader types (needs a person). */
export function toDraft(form: LogForm): Draft | null {
  if (form.personId === null) return null;
  return {
    person_id: form.personId,
    date: form.date,
    status: form.status,
    notes: form.notes,
    tags: parseTags(form.tagsText),
    new_items: form.newItems.map((i) => ({ ...i })),
    close_items: Object.entries(form.closing).map(([id, tag]) => ({ id: Number(id), tag })),
  };
}

/** The form for a saved draft; closings of items no longer open are dropped. */
export function fromDraft(draft: Draft, openItems: readonly AgendaItem[]): LogForm {
  const openIds = new Set(openItems.map((i) => i.id));
  const closing: Record<number, CloseTag> = {};
  for (const c of draft.close_items) if (openIds.has(c.id)) closing[c.id] = c.tag;
  return {
    personId: draft.person_id,
    date: draft.date,
    status: draft.status,
    notes: draft.notes,
    tagsText: draft.tags.join(', '),
    newItems: draft.new_items.map((i) => ({ ...i })),
    closing,
  };
}

/** Whether the form holds anything worth keeping as a draft. */
export function hasContent(form: LogForm): boolean {
  return (
    form.notes.trim() !== '' ||
    form.tagsText.trim() !== '' ||
    form.newItems.length > 0 ||
    Object.keys(form.closing).length > 0
  );
}

/** Who raises an item by default: a HELP request comes from the person; the rest from the leader. */
export function defaultRaisedBy(tag: OpenTag): RaisedBy {
  return tag === 'help' ? 'person' : 'leader';
}

const OPEN_TAG_NAMES = Object.keys(OPEN_TAGS) as OpenTag[];
const CLOSE_TAG_NAMES = Object.keys(CLOSE_TAGS) as CloseTag[];

/** Whether a string names an open tag (any case). */
export function asOpenTag(s: string): OpenTag | null {
  const t = s.trim().toLowerCase();
  return (OPEN_TAG_NAMES as string[]).includes(t) ? (t as OpenTag) : null;
}

/** Whether a string names a closing tag (any case). */
export function asCloseTag(s: string): CloseTag | null {
  const t = s.trim().toLowerCase();
  return (CLOSE_TAG_NAMES as string[]).includes(t) ? (t as CloseTag) : null;
}

/**
 * Reads a quickly typed item: an optional leading tag (`TODO …`, `help: …`),
 * the text, and an optional trailing timing (`@19.2`, `@2026-05-14`).
 * Throws with a user message when the timing is not valid or no text is left.
 */
export function parseQuickItem(typed: string, fallbackTag: OpenTag, raisedBy?: RaisedBy, timing?: string): NewItem {
  let text = typed.trim();
  let tag = fallbackTag;
  // A leading tag counts when followed by a colon ("help: …") or written in
  // capitals ("TODO …"), so that "Review the deck" stays plain text.
  const lead = /^([A-Za-z]+)(:|\s)\s*([\s\S]*)$/.exec(text);
  if (lead && (lead[2] === ':' || lead[1] === lead[1].toUpperCase())) {
    const t = asOpenTag(lead[1]);
    if (t) {
      tag = t;
      text = lead[3].trim();
    }
  }
  let when = timing?.trim() ?? '';
  const trail = /\s@(\S+)$/.exec(' ' + text);
  if (trail) {
    when = trail[1];
    text = (' ' + text).slice(0, trail.index).trim();
  }
  if (text === '') throw new Error('Write what the item is about.');
  return { text, open_tag: tag, timing: parseTiming(when), raised_by: raisedBy ?? defaultRaisedBy(tag) };
}

/**
 * Orders a person's open agenda: items carried over first (oldest first),
 * then the others (oldest first). "Carried over" is `isCarriedOver` by default
 * (Log a 1:1, before the new 1:1); the person's page passes `wasCarriedOver`.
 */
export function orderAgenda(
  items: readonly AgendaItem[],
  lastHeld: DateStr | null,
  carriedOver: (item: AgendaItem, lastHeld: DateStr | null) => boolean = isCarriedOver,
): AgendaItem[] {
  const carried = (i: AgendaItem) => carriedOver(i, lastHeld);
  return [...items].sort((a, b) => {
    const ca = carried(a) ? 0 : 1;
    const cb = carried(b) ? 0 : 1;
    return ca - cb || a.opened_on.localeCompare(b.opened_on) || a.id - b.id;
  });
}

/**
 * While logging a new 1:1 (Log a 1:1): whether an open item comes from an
 * earlier 1:1 — raised in one, or opened on or before the last held one —
 * rather than added since.
 */
export function isCarriedOver(item: AgendaItem, lastHeld: DateStr | null): boolean {
  return item.opened_in !== null || (lastHeld !== null && item.opened_on <= lastHeld);
}

/**
 * On the person's page, after the last held 1:1 (on `lastHeld`): whether an
 * open item was carried over through it — opened before that day, so raised
 * in an earlier 1:1 or already open when it took place. Items raised in the
 * last 1:1 itself, or opened since, are not; nor is anything before a first
 * held 1:1.
 */
export function wasCarriedOver(item: AgendaItem, lastHeld: DateStr | null): boolean {
  return lastHeld !== null && item.opened_on < lastHeld;
}

/** Ctrl+Enter (or Cmd+Enter on a Mac keyboard): save. */
export function isSaveShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey;
}
