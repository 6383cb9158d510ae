import { describe, expect, it } from 'vitest';
import { countOf, justOne, kindLabel, KIND_ORDER, othersCount, RECORD_KINDS, withIt, withText } from './kinds';

describe('record kinds', () => {
  it('has the core’s words for every kind, in its order', () => {
    expect(KIND_ORDER).toEqual(['person', 'one_on_one', 'agenda_item', 'update', 'customer_link', 'check_in', 'requisition', 'loop_member', 'interview', 'walkthrough', 'win', 'cdf_review', 'milestone']);
    expect(countOf('person', 1)).toBe('1 person');
    expect(countOf('person', 3)).toBe('3 people');
    expect(countOf('one_on_one', 18)).toBe('18 1:1s');
    expect(kindLabel('customer_link')).toBe('Internal-customer link');
    expect(new Set(Object.values(RECORD_KINDS).map((k) => k.key)).size).toBe(KIND_ORDER.length);
  });

  it('says what went with a record, itself left out', () => {
    const counts = { ...justOne('person'), one_on_ones: 18, agenda_items: 30, wins: 2 };
    expect(withIt('person', counts)).toEqual(['18 1:1s', '30 agenda items', '2 wins']);
    expect(othersCount('person', counts)).toBe(50);
    expect(withText('person', counts)).toBe(' (with 18 1:1s, 30 agenda items, 2 wins)');
    expect(withText('win', justOne('win'))).toBe('');
    expect(othersCount('win', justOne('win'))).toBe(0);
    // Two of its own kind: the other one went with it.
    expect(withIt('agenda_item', { ...justOne('agenda_item'), agenda_items: 2 })).toEqual(['1 agenda item']);
  });
});
