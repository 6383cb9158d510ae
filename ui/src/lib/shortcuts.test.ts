import { describe, expect, it } from 'vitest';
import { NAV } from './screens';
import { isField, resolveKey, SHORTCUTS } from './shortcuts';

const key = (k: string, over: Partial<Parameters<typeof resolveKey>[0]> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inField: false,
  ...over,
});

describe('resolveKey', () => {
  it('navigates with g sequences', () => {
    expect(resolveKey(key('g'), false)).toEqual({ type: 'prefix' });
    expect(resolveKey(key('t'), true)).toEqual({ type: 'go', route: 'today' });
    expect(resolveKey(key('m'), true)).toEqual({ type: 'go', route: 'team' });
    expect(resolveKey(key('p'), true)).toEqual({ type: 'go', route: 'team' });
    expect(resolveKey(key('v'), true)).toEqual({ type: 'go', route: 'wins' });
    expect(resolveKey(key('s'), true)).toEqual({ type: 'go', route: 'settings' });
    expect(resolveKey(key(','), true)).toEqual({ type: 'go', route: 'settings' });
    expect(resolveKey(key('q'), true)).toBeNull();
  });

  it('navigates with Ctrl+1..9 even while typing', () => {
    expect(resolveKey(key('1', { ctrlKey: true }), false)).toEqual({ type: 'go', route: 'today' });
    expect(resolveKey(key('3', { ctrlKey: true, inField: true }), false)).toEqual({ type: 'go', route: 'log' });
    expect(resolveKey(key('9', { ctrlKey: true }), false)).toEqual({ type: 'go', route: 'search' });
  });

  it('opens Export with Ctrl+E from anywhere, and g e', () => {
    expect(resolveKey(key('e', { ctrlKey: true }), false)).toEqual({ type: 'go', route: 'export' });
    expect(resolveKey(key('E', { ctrlKey: true, inField: true }), false)).toEqual({ type: 'go', route: 'export' });
    expect(resolveKey(key('e', { metaKey: true }), false)).toEqual({ type: 'go', route: 'export' });
    expect(resolveKey(key('e', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(resolveKey(key('e'), true)).toEqual({ type: 'go', route: 'export' });
    expect(resolveKey(key('e'), false)).toBeNull();
    expect(SHORTCUTS.find((s) => s.does === 'Go to Export')?.keys).toBe('g e  or  Ctrl+E');
  });

  it('has single keys for the frequent paths, never while typing', () => {
    expect(resolveKey(key('n'), false)).toEqual({ type: 'log' });
    expect(resolveKey(key('/'), false)).toEqual({ type: 'search' });
    expect(resolveKey(key('?'), false)).toEqual({ type: 'help' });
    expect(resolveKey(key('n', { inField: true }), false)).toBeNull();
    expect(resolveKey(key('/', { inField: true }), false)).toBeNull();
    expect(resolveKey(key('n', { ctrlKey: true }), false)).toBeNull();
  });

  it('lists a shortcut for every screen', () => {
    expect(NAV).toHaveLength(11);
    expect(new Set(NAV.map((n) => n.g)).size).toBe(NAV.length);
    expect(SHORTCUTS.length).toBeGreaterThan(NAV.length);
    const letters = NAV.flatMap((n) => [n.g, ...(n.gAliases ?? []), ...(n.gQuiet ?? [])]);
    expect(new Set(letters).size).toBe(letters.length);
  });

  it('lists each screen\'s keys in the overlay', () => {
    const keys = (label: string) => SHORTCUTS.find((s) => s.does === `Go to ${label}`)?.keys;
    expect(keys('Today')).toBe('g t  or  Ctrl+1');
    expect(keys('Team')).toBe('g m  or  g p  or  Ctrl+2');
    expect(keys('Search')).toBe('g f  or  Ctrl+9');
    expect(keys('Settings')).toBe('g s');
  });
});

describe('isField', () => {
  it('tells text fields from buttons and checkboxes', () => {
    const make = (html: string) => {
      const d = document.createElement('div');
      d.innerHTML = html;
      return d.firstElementChild;
    };
    expect(isField(make('<input type="text">'))).toBe(true);
    expect(isField(make('<input type="date">'))).toBe(true);
    expect(isField(make('<textarea></textarea>'))).toBe(true);
    expect(isField(make('<select></select>'))).toBe(true);
    expect(isField(make('<input type="checkbox">'))).toBe(false);
    expect(isField(make('<button>x</button>'))).toBe(false);
    expect(isField(null)).toBe(false);
  });
});
