/**
 * For tests that render the whole App against the mock backend
 * (`src/dev/mockBackend.ts`, answering from the core's fixtures): routing, a
 * clean shared state between tests, and a backend that records what the UI
 * asked and takes a test's answers for some commands.
 */
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach } from 'vitest';
import { emptyDb, fillDemo, FIXTURES, handle, type Args, type MockCommand, type MockDb } from '../dev/mockBackend';
import { app } from '$lib/app.svelte';
import { toasts } from '$lib/toasts.svelte';

export type Override = (a: Args) => unknown;
/** A test's answers for some commands, in place of the mock backend's. */
export type Overrides = Partial<Record<MockCommand, Override>>;

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

/** The day the fixtures were made on: the mock backend's today. */
export const TODAY = FIXTURES.today;

/** A mock database holding the demo team (a copy of the fixtures). */
export function demoDb(): MockDb {
  const db = emptyDb();
  fillDemo(db);
  return db;
}

/**
 * The mock backend over `db`, with some commands answered by `overrides`;
 * returns the log of every call (command, arguments), newest last.
 */
export function recordingBackend(db: MockDb, overrides: Overrides = {}): [string, Args][] {
  const calls: [string, Args][] = [];
  mockIPC((cmd, payload) => {
    const a = (payload ?? {}) as Args;
    calls.push([cmd, a]);
    const override = overrides[cmd as MockCommand];
    const answer = override ? override(a) : handle(db, cmd as MockCommand, a);
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
    install(overrides: Overrides = {}): void {
      calls = recordingBackend(db(), overrides);
    },
    called: (cmd: MockCommand): Args[] => calls.filter(([c]) => c === cmd).map(([, a]) => a),
  };
}

/**
 * A test file's backend over the demo team: before each test, clean app
 * state and a fresh demo database (`db()`); after it, the mocks cleared.
 * `install` and `called` as `backendLog`'s.
 */
export function demoBackend() {
  let db: MockDb = demoDb();
  beforeEach(() => {
    resetApp();
    db = demoDb();
  });
  afterEach(() => {
    clearMocks();
  });
  return { ...backendLog(() => db), db: () => db };
}
