/**
 * Every screen of the app, once: its route, whether its path takes a record
 * id, its place in the sidebar with its keyboard shortcuts, and how its code
 * is loaded. The route names, the hash parser (`routes.ts`), the shortcuts
 * (`shortcuts.ts`), the sidebar (`Nav.svelte`) and the shell (`App.svelte`)
 * all read this table.
 *
 * Adding a screen: write `src/screens/<Name>.svelte` (its root carries
 * `data-testid="screen-<route>"`) and add one row here.
 */
import type { Component } from 'svelte';

/** What every screen is given: the record id in the path, and the query. */
export type ScreenProps = { id: number | null; query: Record<string, string> };
export type ScreenModule = { default: Component<ScreenProps> };
/** Loads a screen's chunk (a dynamic `import()`, so each screen is its own chunk). */
export type ScreenLoader = () => Promise<ScreenModule>;

interface Row {
  route: string;
  /** The record id in the path: `required` (`#/person/3`), `optional` (`#/log`, `#/log/3`); none when absent. */
  id?: 'required' | 'optional';
  /** The sidebar entry shown as current while this screen is open, for a screen not in the sidebar. */
  under?: string;
  /**
   * Its sidebar entry; the sidebar lists them in the table's order, which is
   * also the order of Ctrl+1 … Ctrl+9. Absent: not in the sidebar.
   */
  nav?: {
    label: string;
    /** `g <letter>` goes to the screen. */
    g: string;
    /** More `g` letters, listed in the "?" overlay. */
    gAliases?: readonly string[];
    /** `g` letters that work but the overlay does not list. */
    gQuiet?: readonly string[];
    /** Ctrl+<letter> goes to the screen, even while typing (like Ctrl+1…9). */
    ctrl?: string;
  };
}

/**
 * Today, the first screen shown, is in the first bundle (`App.svelte` imports
 * it; `load: null`); every other screen is its own chunk, loaded the first
 * time it is opened (docs/performance.md, start-up), then kept.
 */
type ScreenRow = Row & ({ route: 'today'; load: null } | { load: ScreenLoader });

const TABLE = [
  { route: 'today', nav: { label: 'Today', g: 't' }, load: null },
  { route: 'team', nav: { label: 'Team', g: 'm', gAliases: ['p'] }, load: () => import('../screens/Team.svelte') },
  { route: 'person', id: 'required', under: 'team', load: () => import('../screens/PersonPage.svelte') },
  { route: 'log', id: 'optional', nav: { label: 'Log a 1:1', g: 'l' }, load: () => import('../screens/LogOneOnOne.svelte') },
  {
    route: 'accountability',
    nav: { label: 'Accountability', g: 'a' },
    load: () => import('../screens/Accountability.svelte'),
  },
  { route: 'customers', nav: { label: 'Internal customers', g: 'c' }, load: () => import('../screens/Customers.svelte') },
  { route: 'hiring', nav: { label: 'Hiring', g: 'h' }, load: () => import('../screens/Hiring.svelte') },
  { route: 'walkthroughs', nav: { label: 'Walkthroughs', g: 'w' }, load: () => import('../screens/Walkthroughs.svelte') },
  { route: 'wins', nav: { label: 'Wins', g: 'v' }, load: () => import('../screens/Wins.svelte') },
  { route: 'search', nav: { label: 'Search', g: 'f' }, load: () => import('../screens/Search.svelte') },
  { route: 'export', nav: { label: 'Export', g: 'e', ctrl: 'e' }, load: () => import('../screens/Export.svelte') },
  { route: 'settings', nav: { label: 'Settings', g: 's', gQuiet: [','] }, load: () => import('../screens/Settings.svelte') },
] as const satisfies readonly ScreenRow[];

/** A screen's name in routes (`#/<name>`), links and shortcuts. */
export type RouteName = (typeof TABLE)[number]['route'];

export type Screen = Omit<ScreenRow, 'route' | 'under'> & { route: RouteName; under?: RouteName };

/** Every screen, in sidebar order. */
export const SCREENS: readonly Screen[] = TABLE;

const BY_ROUTE = new Map<string, Screen>(SCREENS.map((s) => [s.route, s]));

/** The screen named `name` in a path, or undefined for an unknown name. */
export function findScreen(name: string): Screen | undefined {
  return BY_ROUTE.get(name);
}

/** The screen of a route. */
export function screenOf(name: RouteName): Screen {
  return BY_ROUTE.get(name)!;
}

/** A sidebar entry: its screen's route and `nav` fields, and its Ctrl digit (the first nine). */
export type NavEntry = NonNullable<Row['nav']> & { route: RouteName; digit: number | null };

/** The sidebar, in order: Ctrl+1 … Ctrl+9 are its first nine entries. */
export const NAV: readonly NavEntry[] = SCREENS.flatMap((s) => (s.nav ? [{ ...s.nav, route: s.route }] : [])).map(
  (n, i) => ({ ...n, digit: i < 9 ? i + 1 : null }),
);
