import { describe, expect, it } from 'vitest';
import { href, parseHash } from './routes';

describe('routes', () => {
  it('parses every screen', () => {
    expect(parseHash('')).toEqual({ name: 'today', id: null, query: {} });
    expect(parseHash('#/')).toEqual({ name: 'today', id: null, query: {} });
    expect(parseHash('#/team').name).toBe('team');
    expect(parseHash('#/person/12')).toEqual({ name: 'person', id: 12, query: {} });
    expect(parseHash('#/person/x').name).toBe('today');
    expect(parseHash('#/log')).toEqual({ name: 'log', id: null, query: {} });
    expect(parseHash('#/log/4')).toEqual({ name: 'log', id: 4, query: {} });
    expect(parseHash('#/search?q=road%20map')).toEqual({ name: 'search', id: null, query: { q: 'road map' } });
    expect(parseHash('#/nowhere').name).toBe('today');
  });

  it('builds hashes that parse back', () => {
    expect(href('person', 3, { focus: 'item-5' })).toBe('#/person/3?focus=item-5');
    expect(href('search', null, { q: 'a b', empty: '' })).toBe('#/search?q=a+b');
    expect(parseHash(href('search', null, { q: 'a&b' })).query.q).toBe('a&b');
    expect(href('today')).toBe('#/today');
  });
});
