/**
 * The first screen's reads, asked for before the app is mounted, so that
 * the first frame WebKit paints is the whole first screen.
 *
 * Without it, start-up painted three frames in turn — "Opening your notes…",
 * the sidebar with "Loading…", then the Today screen — and each frame of a
 * 1200×800 window costs WebKit 70–90 ms under software rendering; the
 * answers to the next reads waited behind them (docs/performance.md,
 * "Start-up").
 *
 * **Rules.**
 * - `main.ts` calls [`preload`] first, and mounts the app once every read
 *   has settled or after [`WAIT_MS`], whichever is first (a slow open — a
 *   migration, say — still shows "Opening your notes…" soon).
 * - Each read is taken at most once ([`take`]), by the code that would
 *   otherwise ask for it at start-up: `loadApp` (app info, settings, people)
 *   and the Today screen's first load.
 * - What is not taken in the task that mounts the app is dropped
 *   ([`dropUntaken`], queued by `main.ts` right after mounting), so nothing
 *   read at start-up is shown later in place of a fresh read (the Today
 *   screen opened after the first-run screen asks again).
 * - A failed preloaded read is never shown as an error: its taker asks again
 *   ([`orAsk`]), and only that answer counts.
 */
import * as api from './api';
import type { AppInfo, Nudge, Overview, Person, Release, SettingEntry } from './types';

/** How long `main.ts` waits for the reads before mounting anyway. */
export const WAIT_MS = 400;

/** What the Today screen reads first: the overview, the nudges due soon, the next three release days. */
export type TodayReads = [Overview, Nudge[], Release[]];

/** The Today screen's reads, as its `load()` asks for them. */
export const readToday = (): Promise<TodayReads> =>
  Promise.all([api.overview(), api.overdue(null, true), api.releases(3)]);

interface Reads {
  info: Promise<AppInfo>;
  settings: Promise<SettingEntry[]>;
  people: Promise<Person[]>;
  today: Promise<TodayReads>;
}

let untaken: Partial<Reads> = {};

/**
 * Asks for app info, settings and people, and — when the first screen is
 * Today — Today's reads, all at once. Resolves when all have settled
 * (never rejects).
 */
export function preload(firstScreenIsToday: boolean): Promise<void> {
  const reads: Partial<Reads> = {
    info: api.appInfo(),
    settings: api.settingsList(),
    people: api.peopleList(true),
  };
  if (firstScreenIsToday) reads.today = readToday();
  untaken = reads;
  const all = Object.values(reads) as Promise<unknown>[];
  // Settled, not fulfilled: a failure is its taker's to handle (or nobody's).
  return Promise.allSettled(all).then(() => undefined);
}

/** The preloaded read `key`, once; `undefined` if there is none (any more). */
export function take<K extends keyof Reads>(key: K): Reads[K] | undefined {
  const read = untaken[key];
  delete untaken[key];
  return read;
}

/** Drops every read not taken yet. */
export function dropUntaken(): void {
  untaken = {};
}

/** The preloaded `read` if it succeeds, otherwise (or without one) `ask()`'s answer. */
export function orAsk<T>(read: Promise<T> | undefined, ask: () => Promise<T>): Promise<T> {
  return read ? read.catch(() => ask()) : ask();
}
