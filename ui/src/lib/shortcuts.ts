/**
 * Keyboard shortcuts for the frequent paths. `resolveKey` is pure: given a
 * key event and whether a `g` was just pressed, it says what to do, so the
 * whole table is unit-tested; `App.svelte` wires it to `keydown`.
 */
import type { RouteName } from './routes';

export type ShortcutAction =
  | { type: 'go'; route: RouteName }
  | { type: 'log' }
  | { type: 'search' }
  | { type: 'help' }
  | { type: 'prefix' };

/** The navigation order: Ctrl+1 … Ctrl+9 and the sidebar (Export has Ctrl+E). */
export const NAV: readonly { route: RouteName; label: string; g: string }[] = [
  { route: 'today', label: 'Today', g: 't' },
  { route: 'team', label: 'Team', g: 'm' },
  { route: 'log', label: 'Log a 1:1', g: 'l' },
  { route: 'accountability', label: 'Accountability', g: 'a' },
  { route: 'customers', label: 'Internal customers', g: 'c' },
  { route: 'hiring', label: 'Hiring', g: 'h' },
  { route: 'walkthroughs', label: 'Walkthroughs', g: 'w' },
  { route: 'wins', label: 'Wins', g: 'v' },
  { route: 'search', label: 'Search', g: 'f' },
  { route: 'export', label: 'Export', g: 'e' },
  { route: 'settings', label: 'Settings', g: 's' },
];

/** Ctrl+<letter> shortcuts to a screen; they work while typing, like Ctrl+1…9. */
const CTRL_LETTERS: Record<string, RouteName> = { e: 'export' };

/** Extra `g` letters: `g p` (people) for Team, `g ,` for Settings. */
const G_ALIASES: Record<string, RouteName> = { p: 'team', ',': 'settings' };

/** Every shortcut, as the "?" overlay and docs/ui.md list them. */
export const SHORTCUTS: readonly { keys: string; does: string }[] = [
  ...NAV.map((n, i) => ({
    keys:
      (n.route === 'team' ? 'g m  or  g p' : `g ${n.g}`) +
      (i < 9 ? `  or  Ctrl+${i + 1}` : '') +
      Object.entries(CTRL_LETTERS)
        .filter(([, r]) => r === n.route)
        .map(([k]) => `  or  Ctrl+${k.toUpperCase()}`)
        .join(''),
    does: `Go to ${n.label}`,
  })),
  { keys: 'n', does: 'Log a 1:1' },
  { keys: '/', does: 'Search' },
  { keys: 'Ctrl+Enter', does: 'Save the form you are in (log the 1:1)' },
  { keys: 'Esc', does: 'Close the dialog or overlay' },
  { keys: '↑ ↓ Enter', does: 'Pick a person in the Log a 1:1 picker' },
  { keys: '?', does: 'Show this list' },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Whether focus is in a text field (input, textarea, select, contenteditable). */
  inField: boolean;
}

/** What a key press does, or null. `afterG` is true when `g` was the previous key. */
export function resolveKey(e: KeyLike, afterG: boolean): ShortcutAction | null {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && /^[1-9]$/.test(e.key)) {
    const n = NAV[Number(e.key) - 1];
    return n ? { type: 'go', route: n.route } : null;
  }
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() in CTRL_LETTERS) {
    return { type: 'go', route: CTRL_LETTERS[e.key.toLowerCase()] };
  }
  if (e.inField || e.ctrlKey || e.metaKey || e.altKey) return null;
  if (afterG) {
    const n = NAV.find((x) => x.g === e.key.toLowerCase());
    const route = n?.route ?? G_ALIASES[e.key.toLowerCase()];
    return route ? { type: 'go', route } : null;
  }
  switch (e.key) {
    case 'g':
      return { type: 'prefix' };
    case 'n':
    case 'N':
      return { type: 'log' };
    case '/':
      return { type: 'search' };
    case '?':
      return { type: 'help' };
    default:
      return null;
  }
}

/** Whether an element is a place where typing goes into text. */
export function isField(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return (el as HTMLElement).isContentEditable === true;
}
