import { describe, expect, it } from 'vitest';
import { hitHref } from './hits';
import type { Hit } from './types';

const hit = (over: Partial<Hit>): Hit => ({
  kind: 'one_on_one',
  id: 7,
  person_id: 3,
  person: 'Jane Doe',
  date: '2026-05-14',
  snippet: '…the roadmap…',
  parts: [
    { text: '…the ', matched: false },
    { text: 'roadmap', matched: true },
    { text: '…', matched: false },
  ],
  ...over,
});

describe('hitHref', () => {
  it('links every kind of result to its record', () => {
    expect(hitHref(hit({}))).toBe('#/person/3?focus=oneonone-7');
    expect(hitHref(hit({ kind: 'agenda_item' }))).toBe('#/person/3?focus=item-7');
    expect(hitHref(hit({ kind: 'win' }))).toBe('#/person/3?focus=win-7');
    expect(hitHref(hit({ kind: 'check_in' }))).toBe('#/customers?person=3&focus=checkin-7');
    expect(hitHref(hit({ kind: 'walkthrough', person_id: null, person: null }))).toBe('#/walkthroughs?focus=walkthrough-7');
    expect(hitHref(hit({ kind: 'cdf_review' }))).toBe('#/person/3?focus=cdf-7');
  });
});
