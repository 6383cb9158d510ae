/**
 * Every text colour of the theme reads on every surface it is drawn on, in
 * both themes: WCAG 2's contrast ratio of at least 4.5:1 for normal text
 * (tags are small and bold, links and badges are body text). The E2E suite
 * checks the drawn screens with axe-core (tests/e2e/tests/accessibility.rs);
 * this catches a palette change in a second, before any screen is built.
 */
import { describe, expect, it } from 'vitest';
import css from './app.css?raw';

/** The colours a text is written in. `--focus` is a ring, not text (3:1 is enough). */
const TEXT = [
  'text',
  'muted',
  'accent',
  'danger',
  'warn',
  'ok',
  'tag-todo',
  'tag-doto',
  'tag-help',
  'tag-discuss',
  'tag-review',
  'tag-think',
  'tag-closed',
];
/** The backgrounds text sits on: pages, cards, and the tinted rows (overdue, due soon, done). */
const SURFACES = ['bg', 'surface', 'surface-2', 'accent-soft', 'danger-soft', 'warn-soft', 'ok-soft'];

function colours(block: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\b/g)) found.set(m[1], m[2]);
  return found;
}

function themes(): Record<'light' | 'dark', Map<string, string>> {
  const [lightPart, darkPart] = css.split('@media (prefers-color-scheme: dark)');
  const light = colours(lightPart);
  const dark = new Map(light);
  for (const [k, v] of colours(darkPart.split('\n}\n')[0])) dark.set(k, v);
  return { light, dark };
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('the theme', () => {
  it('computes WCAG contrast as the spec does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const [name, palette] of Object.entries(themes())) {
    it(`has every text colour at 4.5:1 or more on every surface (${name})`, () => {
      const low: string[] = [];
      for (const fg of TEXT) {
        for (const bg of SURFACES) {
          const f = palette.get(fg);
          const b = palette.get(bg);
          expect(f, `--${fg} is defined`).toBeDefined();
          expect(b, `--${bg} is defined`).toBeDefined();
          const ratio = contrast(f!, b!);
          if (ratio < 4.5) low.push(`--${fg} ${f} on --${bg} ${b}: ${ratio.toFixed(2)}`);
        }
      }
      expect(low).toEqual([]);
    });
  }
});
