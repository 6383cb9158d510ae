/**
 * For tests that render the whole App against the mock backend
 * (`src/dev/mockBackend.ts`): routing, a clean shared state between tests,
 * and a backend that records what the UI asked.
 */
import { mockIPC } from '@tauri-apps/api/mocks';
import { emptyDb, fillDemo, handle, type MockDb } from '../dev/mockBackend';
import { app } from '$lib/app.svelte';
import { toasts } from '$lib/toasts.svelte';

export type Args = Record<string, unknown>;
export type Override = (a: Args) => unknown;

/** Goes to a route (`#/settings`) as a click on a link would. */
export async function go(hash: string): Promise<void> {
  location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  await Promise.resolve();
}

/** Forgets what an earlier test loaded into the app's shared state. */
export function resetApp(): void {
  app.info = null;
  app.loaded = false;
  app.loadError = null;
  app.people = [];
  app.settings = [];
  app.firstRunDone = false;
  toasts.list = [];
}

/** A mock database holding the demo team, on the day `today`. */
export function demoDb(today: string): MockDb {
  const db = emptyDb(today);
  fillDemo(db);
  return db;
}

/**
 * The mock backend over `db`, with some commands answered by `overrides`;
 * returns the log of every call (command, arguments), newest last.
 */
export function recordingBackend(db: MockDb, overrides: Record<string, Override> = {}): [string, Args][] {
  const calls: [string, Args][] = [];
  mockIPC((cmd, payload) => {
    const a = (payload ?? {}) as Args;
    calls.push([cmd, a]);
    const answer = overrides[cmd] ? overrides[cmd](a) : handle(db, cmd, a);
    return Promise.resolve(answer).then((v) => JSON.parse(JSON.stringify(v ?? null)));
  });
  return calls;
}

/**
 * A recording backend over the database `db()` returns, which a test
 * installs (again) with the overrides it needs; `called(cmd)` gives the
 * arguments of each call to `cmd` since the last `install`, oldest first.
 */
export function backendLog(db: () => MockDb) {
  let calls: [string, Args][] = [];
  return {
    install(overrides: Record<string, Override> = {}): void {
      calls = recordingBackend(db(), overrides);
    },
    called: (cmd: string): Args[] => calls.filter(([c]) => c === cmd).map(([, a]) => a),
  };
}
