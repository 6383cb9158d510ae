/**
 * App-wide state: what `app_info` says (today, the database), the settings in
 * force and the roster (people are shown by name on almost every screen).
 * Screens load their own records; this holds only what many of them share,
 * and `dataVersion`, which every screen's load reads so that
 * `reloadScreens` has them all read their records again.
 */
import * as api from './api';
import { localToday } from './dates';
import { toCommandError } from './errors';
import { orAsk, take } from './preload';
import type { AppInfo, CommandError, Person, SettingEntry } from './types';

export const app = $state<{
  info: AppInfo | null;
  today: string;
  settings: SettingEntry[];
  people: Person[];
  loaded: boolean;
  loadError: CommandError | null;
  /** The leader chose "Start empty" on the first-run screen in this session. */
  firstRunDone: boolean;
  /**
   * Bumped when the records changed under the screens (another program wrote
   * to the database, or a deletion was undone): every screen's load effect
   * reads it (`void app.dataVersion`) and runs again. Not the database's
   * `data_version`, which lib/sync.ts watches.
   */
  dataVersion: number;
}>({
  info: null,
  today: localToday(),
  settings: [],
  people: [],
  loaded: false,
  loadError: null,
  firstRunDone: false,
  dataVersion: 0,
});

/** Loads app info, settings and people; on failure keeps the error to show. */
export async function loadApp(): Promise<void> {
  try {
    // Taken at once: what start-up preloaded is for this first load only.
    const [preInfo, preSettings, prePeople] = [take('info'), take('settings'), take('people')];
    const info = await orAsk(preInfo, api.appInfo);
    app.info = info;
    app.today = info.today || localToday();
    if (info.startup_error) {
      // The database could not be opened; every other command would fail the same way.
      app.loadError = toCommandError(info.startup_error);
      return;
    }
    const [settings, people] = await Promise.all([
      orAsk(preSettings, api.settingsList),
      orAsk(prePeople, () => api.peopleList(true)),
    ]);
    app.settings = settings;
    app.people = people;
    app.loadError = null;
  } catch (e) {
    app.loadError = toCommandError(e);
  } finally {
    app.loaded = true;
  }
}

/** Re-reads app info (e.g. `is_empty` after the demo or the first person). */
export async function refreshInfo(): Promise<void> {
  const info = await api.appInfo();
  app.info = info;
  app.today = info.today || app.today;
}

/** Re-reads the roster (archived people included). */
export async function refreshPeople(): Promise<Person[]> {
  app.people = await api.peopleList(true);
  return app.people;
}

/** Re-reads the settings. */
export async function refreshSettings(): Promise<void> {
  app.settings = await api.settingsList();
}

/**
 * Re-reads the shared state (app info, settings, people), then has every
 * screen on show read its records again; what is being typed stays (screens
 * reload their lists, not their forms). A failed read is left to the
 * screens, which show their own errors.
 */
export async function reloadScreens(): Promise<void> {
  try {
    await refreshInfo();
    await Promise.all([refreshSettings(), refreshPeople()]);
  } catch {
    /* the screens' own reads say what is wrong */
  } finally {
    app.dataVersion++;
  }
}

/** A setting's current value as text ('' when unknown). */
export function setting(key: string): string {
  return app.settings.find((s) => s.key === key)?.value ?? '';
}

/** A numeric setting, or `fallback` when missing or not a number. */
export function settingNumber(key: string, fallback: number): number {
  const n = Number(setting(key));
  return Number.isFinite(n) && setting(key) !== '' ? n : fallback;
}

/** A person's name by id ('' when unknown). */
export function personName(id: number | null): string {
  if (id === null) return '';
  return app.people.find((p) => p.id === id)?.name ?? `person ${id}`;
}

/** People still on the team. */
export function activePeople(): Person[] {
  return app.people.filter((p) => p.archived_on === null);
}
