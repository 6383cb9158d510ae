import { describe, expect, it } from 'vitest';
import {
  buildLogInput,
  emptyForm,
  fromDraft,
  hasContent,
  isCarriedOver,
  isSaveShortcut,
  orderAgenda,
  parseQuickItem,
  parseTags,
  toDraft,
  validateForm,
  wasCarriedOver,
  type LogForm,
} from './logForm';
import type { AgendaItem } from './types';

const item = (over: Partial<AgendaItem>): AgendaItem => ({
  id: 1,
  person_id: 3,
  text: 'x',
  open_tag: 'discuss',
  timing: null,
  raised_by: 'leader',
  opened_on: '2026-05-01',
  opened_in: null,
  close_tag: null,
  closed_on: null,
  closed_in: null,
  ...over,
});

function filled(): LogForm {
  return {
    ...emptyForm('2026-05-14', 3),
    notes: '## Career\nTalked about **growth**.',
    tagsText: 'career, growth, Career , ',
    newItems: [
      { text: ' Ship pricing page ', open_tag: 'todo', timing: '19.2', raised_by: 'leader' },
      { text: 'Context on the Q3 plan', open_tag: 'help', timing: null, raised_by: 'person' },
    ],
    closing: { 12: 'done', 7: 'thanks' },
  };
}

describe('buildLogInput', () => {
  it('builds the one-transaction input from the form', () => {
    expect(buildLogInput(filled())).toEqual({
      one_on_one: {
        person_id: 3,
        date: '2026-05-14',
        status: 'held',
        notes: '## Career\nTalked about **growth**.',
        tags: ['career', 'growth'],
      },
      new_items: [
        { text: 'Ship pricing page', open_tag: 'todo', timing: '19.2', raised_by: 'leader' },
        { text: 'Context on the Q3 plan', open_tag: 'help', timing: null, raised_by: 'person' },
      ],
      close_items: [
        { id: 7, tag: 'thanks' },
        { id: 12, tag: 'done' },
      ],
    });
  });

  it('only closes items that are still open', () => {
    const input = buildLogInput(filled(), [item({ id: 12 })]);
    expect(input.close_items).toEqual([{ id: 12, tag: 'done' }]);
  });

  it('refuses a form without person or with a bad date', () => {
    const f = { ...filled(), personId: null, date: '2026-02-30' };
    expect(validateForm(f).map((p) => p.field)).toEqual(['person', 'date']);
    expect(() => buildLogInput(f)).toThrow(/Pick who/);
  });

  it('refuses a new item without text', () => {
    const f = { ...filled(), newItems: [{ text: '  ', open_tag: 'todo' as const, timing: null, raised_by: 'leader' as const }] };
    expect(validateForm(f)).toEqual([{ field: 'items', message: 'A new agenda item has no text.' }]);
  });

  it('logs a skipped 1:1 with nothing else', () => {
    const f = { ...emptyForm('2026-05-14', 4), status: 'skipped' as const };
    expect(buildLogInput(f)).toEqual({
      one_on_one: { person_id: 4, date: '2026-05-14', status: 'skipped', notes: '', tags: [] },
      new_items: [],
      close_items: [],
    });
  });
});

describe('drafts', () => {
  it('round-trips the form through a draft', () => {
    const f = filled();
    const d = toDraft(f);
    expect(d).not.toBeNull();
    const back = fromDraft(d!, [item({ id: 7 }), item({ id: 12 })]);
    expect(back).toEqual({ ...f, tagsText: 'career, growth' });
  });

  it('drops closings of items closed since the draft was saved', () => {
    const back = fromDraft(toDraft(filled())!, [item({ id: 12 })]);
    expect(back.closing).toEqual({ 12: 'done' });
  });

  it('has no draft without a person', () => {
    expect(toDraft(emptyForm('2026-05-14'))).toBeNull();
  });

  it('knows when there is something to keep', () => {
    expect(hasContent(emptyForm('2026-05-14', 3))).toBe(false);
    expect(hasContent({ ...emptyForm('2026-05-14', 3), notes: 'x' })).toBe(true);
    expect(hasContent({ ...emptyForm('2026-05-14', 3), closing: { 1: 'done' } })).toBe(true);
  });
});

describe('parseTags', () => {
  it('splits on commas and dedupes case-insensitively', () => {
    expect(parseTags('')).toEqual([]);
    expect(parseTags(' risk ,, Risk, career growth ')).toEqual(['risk', 'career growth']);
  });
});

describe('parseQuickItem', () => {
  const cases: [string, string, object][] = [
    ['Ship the page', 'todo', { text: 'Ship the page', open_tag: 'todo', timing: null, raised_by: 'leader' }],
    ['HELP: pricing context', 'todo', { text: 'pricing context', open_tag: 'help', timing: null, raised_by: 'person' }],
    ['DOTO send intro @2026-05-20', 'todo', { text: 'send intro', open_tag: 'doto', timing: '2026-05-20', raised_by: 'leader' }],
    ['todo: write MR @19.2', 'help', { text: 'write MR', open_tag: 'todo', timing: '19.2', raised_by: 'leader' }],
    ['Todoist integration', 'discuss', { text: 'Todoist integration', open_tag: 'discuss', timing: null, raised_by: 'leader' }],
    ['Review the deck', 'discuss', { text: 'Review the deck', open_tag: 'discuss', timing: null, raised_by: 'leader' }],
    ['review: the deck', 'discuss', { text: 'the deck', open_tag: 'review', timing: null, raised_by: 'leader' }],
    ['email me@home', 'todo', { text: 'email me@home', open_tag: 'todo', timing: null, raised_by: 'leader' }],
  ];
  for (const [typed, fallback, want] of cases) {
    it(`reads "${typed}"`, () => {
      expect(parseQuickItem(typed, fallback as 'todo')).toEqual(want);
    });
  }

  it('uses the timing field when the text has none', () => {
    expect(parseQuickItem('review deck', 'review', 'person', ' 19.3 ')).toEqual({
      text: 'review deck',
      open_tag: 'review',
      timing: '19.3',
      raised_by: 'person',
    });
  });

  it('explains a bad timing or an empty text', () => {
    expect(() => parseQuickItem('ship @soon', 'todo')).toThrow(/not a timing/);
    expect(() => parseQuickItem('TODO:', 'todo')).toThrow(/Write what/);
    expect(() => parseQuickItem('   ', 'todo')).toThrow(/Write what/);
  });
});

describe('orderAgenda', () => {
  it('puts carried-over items first, oldest first', () => {
    const items = [
      item({ id: 1, opened_on: '2026-05-12' }),
      item({ id: 2, opened_on: '2026-04-01', opened_in: 9 }),
      item({ id: 3, opened_on: '2026-05-02' }),
      item({ id: 4, opened_on: '2026-05-07' }),
    ];
    expect(orderAgenda(items, '2026-05-07').map((i) => i.id)).toEqual([2, 3, 4, 1]);
    expect(orderAgenda(items, null).map((i) => i.id)).toEqual([2, 3, 4, 1]);
    expect(isCarriedOver(items[0], '2026-05-07')).toBe(false);
    expect(isCarriedOver(items[3], '2026-05-07')).toBe(true);
  });

  it('on the person’s page, does not call the items of the last 1:1 carried over', () => {
    // The last held 1:1 (id 9) was on 2026-05-07: it raised item 5; item 2
    // came from the 1:1 before; item 3 was open when it took place; item 1
    // was added in the hallway since.
    const items = [
      item({ id: 1, opened_on: '2026-05-12' }),
      item({ id: 2, opened_on: '2026-04-01', opened_in: 8 }),
      item({ id: 3, opened_on: '2026-05-02' }),
      item({ id: 5, opened_on: '2026-05-07', opened_in: 9 }),
    ];
    const carried = items.filter((i) => wasCarriedOver(i, '2026-05-07')).map((i) => i.id);
    expect(carried).toEqual([2, 3]);
    expect(orderAgenda(items, '2026-05-07', wasCarriedOver).map((i) => i.id)).toEqual([2, 3, 5, 1]);
    // Before a first held 1:1 nothing has been carried over.
    expect(items.some((i) => wasCarriedOver(i, null))).toBe(false);
    // While logging the next 1:1, the last one's items are carried over into it.
    expect(isCarriedOver(items[3], '2026-05-07')).toBe(true);
  });
});

describe('isSaveShortcut', () => {
  const k = (key: string, mods: Partial<KeyboardEvent> = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });
  it('is Ctrl+Enter or Cmd+Enter', () => {
    expect(isSaveShortcut(k('Enter', { ctrlKey: true }))).toBe(true);
    expect(isSaveShortcut(k('Enter', { metaKey: true }))).toBe(true);
    expect(isSaveShortcut(k('Enter'))).toBe(false);
    expect(isSaveShortcut(k('Enter', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isSaveShortcut(k('s', { ctrlKey: true }))).toBe(false);
  });
});
