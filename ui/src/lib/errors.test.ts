import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorTitle, isCancelled, toCommandError } from './errors';
import { clearErrors, dismiss, notify, showError, toasts } from './toasts.svelte';

describe('toCommandError', () => {
  it('keeps a command error as it is', () => {
    expect(toCommandError({ kind: 'not_found', message: 'There is no person 9.' })).toEqual({
      kind: 'not_found',
      message: 'There is no person 9.',
    });
  });

  it('turns unknown kinds, Errors and strings into internal errors with their message', () => {
    expect(toCommandError({ kind: 'weird', message: 'x' })).toEqual({ kind: 'internal', message: 'x' });
    expect(toCommandError(new Error('boom'))).toEqual({ kind: 'internal', message: 'boom' });
    expect(toCommandError('command person_frob not found')).toEqual({
      kind: 'internal',
      message: 'command person_frob not found',
    });
  });

  it('reads JSON-encoded errors', () => {
    expect(toCommandError('{"kind":"conflict","message":"Jane Doe is already on the team."}')).toEqual({
      kind: 'conflict',
      message: 'Jane Doe is already on the team.',
    });
  });

  it('never leaves the message empty', () => {
    expect(toCommandError({ kind: 'io', message: '' }).message).toMatch(/could not be read/);
    expect(toCommandError(undefined).message).toMatch(/went wrong/);
    expect(toCommandError(42).kind).toBe('internal');
  });

  it('titles every kind', () => {
    for (const k of ['invalid', 'not_found', 'conflict', 'schema_too_new', 'corrupt', 'io', 'internal'] as const) {
      expect(errorTitle(k).length).toBeGreaterThan(0);
    }
  });
});

describe('toasts', () => {
  afterEach(() => {
    toasts.list = [];
  });

  it('shows the message of a failed command and keeps only the newest error', () => {
    showError({ kind: 'invalid', message: 'first' });
    const e = showError({ kind: 'invalid', message: 'Give a name.' });
    expect(e.kind).toBe('invalid');
    expect(toasts.list.map((t) => t.message)).toEqual(['Give a name.']);
    clearErrors();
    expect(toasts.list).toEqual([]);
  });

  it('lets notices expire', () => {
    vi.useFakeTimers();
    try {
      const id = notify('Archived Jane Doe.', { label: 'Undo', run: () => {} }, 1000);
      expect(toasts.list).toHaveLength(1);
      vi.advanceTimersByTime(1001);
      expect(toasts.list).toHaveLength(0);
      dismiss(id);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('errors through the IPC layer', () => {
  it('a rejected command reaches the UI as its kind and message', async () => {
    const { mockIPC, clearMocks } = await import('@tauri-apps/api/mocks');
    const api = await import('./api');
    try {
      mockIPC((cmd) => {
        if (cmd === 'person_get') throw { kind: 'not_found', message: 'There is no person 9.' };
        throw 'command person_frob not allowed by the capability';
      });
      await expect(api.personGet(9).catch(toCommandError)).resolves.toEqual({
        kind: 'not_found',
        message: 'There is no person 9.',
      });
      await expect(api.overview().catch(toCommandError)).resolves.toEqual({
        kind: 'internal',
        message: 'command person_frob not allowed by the capability',
      });
    } finally {
      clearMocks();
    }
  });
});

describe('the passphrase kind', () => {
  it('is kept, so the app can ask for the passphrase', () => {
    expect(toCommandError({ kind: 'passphrase', message: 'That passphrase does not open it.' })).toEqual({
      kind: 'passphrase',
      message: 'That passphrase does not open it.',
    });
    expect(toCommandError({ kind: 'passphrase', message: '' }).message).toContain('passphrase is missing or wrong');
    expect(errorTitle('passphrase')).toBe('Passphrase needed');
  });
});

describe('the cancelled kind', () => {
  afterEach(() => {
    toasts.list = [];
  });

  it('is kept, and never shown as an error', async () => {
    const no = { kind: 'cancelled', message: 'You cancelled the Save dialog; nothing was saved.' };
    expect(toCommandError(no)).toEqual(no);
    expect(isCancelled(no)).toBe(true);
    expect(isCancelled({ kind: 'io', message: 'x' })).toBe(false);
    expect(errorTitle('cancelled').length).toBeGreaterThan(0);

    notify('Saved Jane Doe.');
    expect(showError(no)).toEqual(no);
    expect(toasts.list.map((t) => t.tone)).toEqual(['notice']);

    // Through the IPC layer too: a "no" in a native dialog rejects with it.
    const { mockIPC, clearMocks } = await import('@tauri-apps/api/mocks');
    const api = await import('./api');
    try {
      mockIPC(() => {
        throw { kind: 'cancelled', message: 'You kept the Trash as it is.' };
      });
      const e = await api.trashEmpty().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(api.ApiError);
      expect(toCommandError(e).kind).toBe('cancelled');
      showError(e);
      expect(toasts.list.filter((t) => t.tone === 'error')).toEqual([]);
    } finally {
      clearMocks();
    }
  });

  it('leaves the error shown before it in place', () => {
    showError({ kind: 'invalid', message: 'Give a name.' });
    showError({ kind: 'cancelled', message: 'no' });
    expect(toasts.list.map((t) => t.message)).toEqual(['Give a name.']);
  });
});
