/**
 * Templates: the Markdown that pre-fills a new 1:1's notes (the person's
 * own, else the leader's, else Coachlog's default — the core decides which,
 * `template_get`) and a new walkthrough's findings; where the one in force
 * comes from, in words; and how a new Log a 1:1 form starts (the notes
 * pre-filled when empty, the tag Today's "Log the career conversation" asks
 * for). Unit-tested in `templates.test.ts`.
 */
import * as api from './api';
import { parseTags, type LogForm } from './logForm';
import { router } from './router.svelte';
import type { InForce, PersonId, Source, TemplateKind } from './types';

/** What each template pre-fills, as Settings names it. */
export const TEMPLATE_KINDS: Record<TemplateKind, { label: string; what: string }> = {
  one_on_one: { label: '1:1 notes', what: 'the notes of a new 1:1' },
  walkthrough: { label: 'Walkthrough findings', what: 'the findings of a new walkthrough' },
};

/** The kinds, in the order Settings shows them. */
export const TEMPLATE_KIND_ORDER = Object.keys(TEMPLATE_KINDS) as TemplateKind[];

/** Where the template in force comes from, for a person's 1:1s or for the leader's own settings. */
export function sourceText(source: Source, who: string | null = null): string {
  switch (source) {
    case 'person':
      return who ? `${who}’s own template` : 'their own template';
    case 'leader':
      return 'yours';
    case 'coachlog':
      return 'Coachlog’s default';
  }
}

/** The notes (or findings) to start from: the template when nothing is typed, else what is there. */
export function prefill(current: string, template: string): string {
  return current.trim() === '' ? template : current;
}

/** The tags as typed with `tag` added, unless it is there already (compared trimmed, case-insensitively). */
export function withTag(tagsText: string, tag: string | null | undefined): string {
  const t = tag?.trim() ?? '';
  if (t === '') return tagsText;
  const tags = parseTags(tagsText);
  if (tags.some((x) => x.toLowerCase() === t.toLowerCase())) return tagsText;
  return [...tags, t].join(', ');
}

/** The body of the template in force (for `personId`'s 1:1s); '' when it cannot be read, so nothing blocks the form. */
export async function templateBody(kind: TemplateKind, personId: PersonId | null): Promise<string> {
  try {
    return (await api.templateGet(kind, personId)).body;
  } catch {
    return '';
  }
}

/** What a new 1:1 starts with: the template in force and the tag the route asks for. */
export interface LogStart {
  template: string;
  tag: string | null;
}

/**
 * The form a 1:1 starts from: a restored draft keeps its notes (only the
 * route's tag is added); a new form gets the template as its notes.
 */
export function startForm(form: LogForm, fromDraft: boolean, start: LogStart): LogForm {
  return {
    ...form,
    notes: fromDraft ? form.notes : prefill(form.notes, start.template),
    tagsText: withTag(form.tagsText, start.tag),
  };
}

/** The `?tag=` of the route when it is Log a 1:1 for `personId` (`#/log/3?tag=career`), else null. */
export function routeTag(personId: PersonId, route = router.route): string | null {
  return route.name === 'log' && route.id === personId ? (route.query.tag ?? null) : null;
}

/**
 * Log a 1:1's start for the person picked: `draft` is the form of their
 * saved draft (null when there is none, and `fresh` the new form). One call
 * from LogOneOnOne.svelte.
 */
export async function logFormFor(draft: LogForm | null, fresh: LogForm): Promise<LogForm> {
  const personId = (draft ?? fresh).personId;
  if (personId === null) return draft ?? fresh;
  const tag = routeTag(personId);
  const template = draft ? '' : await templateBody('one_on_one', personId);
  return startForm(draft ?? fresh, draft !== null, { template, tag });
}

/** "In force: yours.": where the template in force comes from, as a sentence. */
export function inForceText(t: InForce, who: string | null = null): string {
  return `In force: ${sourceText(t.source, who)}.`;
}
