/**
 * Keyboard shortcuts for the frequent paths. `resolveKey` is pure: given a
 * key event and whether a `g` was just pressed, it says what to do, so the
 * whole table is unit-tested; `App.svelte` wires it to `keydown`.
 */
import { NAV, type RouteName } from './screens';

export type ShortcutAction =
  | { type: 'go'; route: RouteName }
  | { type: 'log' }
  | { type: 'search' }
  | { type: 'help' }
  | { type: 'prefix' };

/** Ctrl+<letter> shortcuts to a screen (`nav.ctrl` in screens.ts). */
const CTRL_LETTERS = new Map<string, RouteName>(NAV.flatMap((n) => (n.ctrl ? [[n.ctrl, n.route] as const] : [])));

/** `g <letter>` to a screen: each screen's letter, then its aliases, listed or not (screens.ts). */
const G_LETTERS = new Map<string, RouteName>(
  NAV.flatMap((n) => [n.g, ...(n.gAliases ?? []), ...(n.gQuiet ?? [])].map((g) => [g, n.route] as const)),
);

/** Every shortcut, as the "?" overlay and docs/ui.md list them. */
export const SHORTCUTS: readonly { keys: string; does: string }[] = [
  ...NAV.map((n) => ({
    keys: [n.g, ...(n.gAliases ?? [])].map((g) => `g ${g}`).join('  or  ') +
      (n.digit ? `  or  Ctrl+${n.digit}` : '') +
      (n.ctrl ? `  or  Ctrl+${n.ctrl.toUpperCase()}` : ''),
    does: `Go to ${n.label}`,
  })),
  { keys: 'n', does: 'Log a 1:1' },
  { keys: '/', does: 'Search' },
  { keys: 'b', does: 'Show or hide the Brief before the 1:1 (person page, Log a 1:1)' },
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
  const ctrlTo = CTRL_LETTERS.get(e.key.toLowerCase());
  if ((e.ctrlKey || e.metaKey) && !e.altKey && ctrlTo) return { type: 'go', route: ctrlTo };
  if (e.inField || e.ctrlKey || e.metaKey || e.altKey) return null;
  if (afterG) {
    const route = G_LETTERS.get(e.key.toLowerCase());
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
