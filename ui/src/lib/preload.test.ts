/** The start-up preload: each read used once, failures asked again, the rest dropped. */
import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import App from '../App.svelte';
import type { MockDb } from '../dev/mockBackend';
import { demoDb, go, recordingBackend, resetApp, TODAY } from '../test/app';
import { dropUntaken, orAsk, preload, take } from './preload';
import type { SettingEntry } from './types';

let db: MockDb;

beforeEach(async () => {
  resetApp();
  dropUntaken();
  db = demoDb();
  await go('#/');
});

afterEach(() => {
  clearMocks();
  dropUntaken();
});

/** How many times each command was asked for. */
function counts(calls: [string, unknown][]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [cmd] of calls) out[cmd] = (out[cmd] ?? 0) + 1;
  return out;
}

describe('preload', () => {
  it('asks for app info, settings, people and, for Today, its three reads, all at once', async () => {
    const calls = recordingBackend(db);
    const done = preload(true);
    expect(calls.map(([c]) => c)).toEqual(['app_info', 'settings_list', 'people_list', 'overview', 'overdue', 'releases']);
    await done;
    dropUntaken();
    const other = recordingBackend(db);
    await preload(false);
    expect(other.map(([c]) => c)).toEqual(['app_info', 'settings_list', 'people_list']);
  });

  it('gives each read once, and nothing after dropUntaken', async () => {
    recordingBackend(db);
    await preload(true);
    const info = take('info');
    expect(info).toBeInstanceOf(Promise);
    expect((await info!).today).toBe(TODAY);
    expect(take('info')).toBeUndefined();
    expect(take('today')).toBeInstanceOf(Promise);
    dropUntaken();
    expect(take('settings')).toBeUndefined();
    expect(take('people')).toBeUndefined();
  });

  it('never rejects, and a failed read is asked again by its taker', async () => {
    let fail = true;
    const calls = recordingBackend(db, {
      settings_list: () => {
        if (fail) throw { kind: 'internal', message: 'the database is busy' };
        return [];
      },
    });
    await expect(preload(false)).resolves.toBeUndefined();
    fail = false;
    const again: SettingEntry[] = [{ key: 'asked', value: 'again', default: '', description: '' }];
    const settings = await orAsk(take('settings'), async () => again);
    expect(settings).toBe(again);
    // A read that succeeded is used as it is: nothing is asked again.
    let asked = 0;
    const info = await orAsk(take('info'), async () => {
      asked++;
      throw new Error('not asked');
    });
    expect(info.today).toBe(TODAY);
    expect(asked).toBe(0);
    expect(counts(calls).settings_list).toBe(1);
  });

  it('lets the app open on Today without asking for anything twice', async () => {
    const calls = recordingBackend(db);
    await preload(true);
    render(App);
    setTimeout(dropUntaken, 0);
    expect(await screen.findByTestId('screen-today')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('nudge-item').length).toBeGreaterThan(0));
    const n = counts(calls);
    for (const cmd of ['app_info', 'settings_list', 'people_list', 'overview', 'overdue', 'releases']) {
      expect(n[cmd], cmd).toBe(1);
    }
  });

  it('asks Today again when it opens after the reads were dropped (not in the first frame)', async () => {
    const calls = recordingBackend(db);
    await preload(true);
    dropUntaken();
    render(App);
    expect(await screen.findByTestId('screen-today')).toBeTruthy();
    await waitFor(() => expect(counts(calls).overview).toBe(2));
    expect(counts(calls).app_info).toBe(2);
  });
});
