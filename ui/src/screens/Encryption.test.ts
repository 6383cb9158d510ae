/**
 * Encryption in the UI, against the mock backend: the Unlock screen (a
 * wrong passphrase said plainly, the keyring checkbox only with a keyring)
 * and Settings → Encryption (turning it on with a confirmed passphrase and
 * the warning, turning it off with the current one).
 */
import { clearMocks } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { handle, type MockDb } from '../dev/mockBackend';
import { app } from '$lib/app.svelte';
import { toasts } from '$lib/toasts.svelte';
import { backendLog, demoDb, go, resetApp } from '../test/app';

const SECRET = 'correct horse battery staple';

let db: MockDb;
const { install, called } = backendLog(() => db);

beforeEach(async () => {
  resetApp();
  db = demoDb();
  await go('#/today');
});

afterEach(() => {
  clearMocks();
});

/** The app started on an encrypted database nothing opened yet. */
function locked(keyring = true) {
  db.encryption.passphrase = SECRET;
  let open = false;
  install({
    app_info: (a) => {
      const info = handle(db, 'app_info', a) as Record<string, unknown>;
      return open
        ? info
        : { ...info, schema_version: null, startup_error: { kind: 'passphrase', message: '/data/coachlog.sqlite is encrypted; give its passphrase.' } };
    },
    encryption_status: (a) => ({ ...(handle(db, 'encryption_status', a) as object), unlocked: open, keyring_available: keyring }),
    unlock: (a) => {
      const status = handle(db, 'unlock', a);
      open = true;
      return status;
    },
  });
}

describe('the Unlock screen', () => {
  it('says a wrong passphrase plainly, then opens the notes with the right one', async () => {
    locked();
    render(App);
    expect(await screen.findByTestId('unlock')).toBeTruthy();
    expect(screen.getByTestId('unlock-message').textContent).toContain('is encrypted');
    await waitFor(() =>
      expect(screen.getByTestId('unlock-intro').textContent?.replace(/\s+/g, ' ').trim()).toBe(
        'The database (in-memory mock backend) is encrypted. Type its passphrase to open it.',
      ),
    );
    const field = screen.getByTestId<HTMLInputElement>('unlock-passphrase');
    expect(field.type).toBe('password');
    expect(screen.getByTestId<HTMLButtonElement>('unlock-submit').disabled).toBe(true);

    await fireEvent.input(field, { target: { value: 'correct horse battery stable' } });
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    const problem = await screen.findByTestId('unlock-error');
    expect(problem.textContent).toContain('does not open this database');
    expect(problem.getAttribute('role')).toBe('alert');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('unlock')).toBeTruthy();

    await fireEvent.input(field, { target: { value: SECRET } });
    await fireEvent.click(await screen.findByTestId('unlock-remember'));
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByTestId('screen-today')).toBeTruthy();
    expect(called('unlock')).toEqual([
      { passphrase: 'correct horse battery stable', remember: false },
      { passphrase: SECRET, remember: true },
    ]);
    expect(app.loadError).toBeNull();
  });

  it('shows no keyring checkbox without a keyring', async () => {
    locked(false);
    render(App);
    await screen.findByTestId('unlock');
    await waitFor(() => expect(called('encryption_status')).toHaveLength(1));
    expect(screen.queryByTestId('unlock-remember')).toBeNull();
  });

  it('shows other errors in their own words', async () => {
    locked();
    install({
      app_info: (a) => ({ ...(handle(db, 'app_info', a) as object), schema_version: null, startup_error: { kind: 'passphrase', message: 'locked' } }),
      unlock: () => {
        throw { kind: 'invalid', message: 'The passphrase contains a control character.' };
      },
    });
    render(App);
    await fireEvent.input(await screen.findByTestId('unlock-passphrase'), { target: { value: 'x' } });
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    expect((await screen.findByTestId('unlock-error')).textContent).toBe('The passphrase contains a control character.');
  });
});

describe('Settings → Encryption', () => {
  async function section() {
    await go('#/settings');
    render(App);
    const s = await screen.findByTestId('settings-encryption');
    await within(s).findByTestId('encryption-state');
    return s;
  }

  it('turns encryption on with a confirmed passphrase, after the warning', async () => {
    install();
    const s = await section();
    expect(within(s).getByTestId('encryption-state').textContent).toContain('Off.');
    await fireEvent.click(within(s).getByTestId('encryption-on'));
    const dialog = await screen.findByTestId('encryption-dialog');
    expect(within(dialog).getByTestId('encryption-warning').textContent).toContain('If you lose this passphrase, your notes are lost.');

    const first = within(dialog).getByTestId('encryption-passphrase');
    await fireEvent.input(first, { target: { value: 'short' } });
    expect(within(dialog).getByTestId('encryption-strength').textContent).toContain('Weak');
    await fireEvent.click(within(dialog).getByTestId('encryption-submit'));
    expect((await within(dialog).findByTestId('encryption-error')).textContent).toContain('second time');

    await fireEvent.input(first, { target: { value: SECRET } });
    expect(within(dialog).getByTestId('encryption-strength').textContent).toBe('Strong.');
    await fireEvent.input(within(dialog).getByTestId('encryption-confirm'), { target: { value: `${SECRET}!` } });
    await fireEvent.click(within(dialog).getByTestId('encryption-submit'));
    expect(within(dialog).getByTestId('encryption-error').textContent).toContain('differ');
    expect(called('encryption_enable')).toEqual([]);

    await fireEvent.input(within(dialog).getByTestId('encryption-confirm'), { target: { value: SECRET } });
    expect(within(dialog).getByTestId<HTMLInputElement>('encryption-remember').checked).toBe(true);
    await fireEvent.click(within(dialog).getByTestId('encryption-submit'));
    await waitFor(() => expect(screen.queryByTestId('encryption-dialog')).toBeNull());
    expect(called('encryption_enable')).toEqual([{ passphrase: SECRET, remember: true }]);
    expect(within(s).getByTestId('encryption-state').textContent).toContain('On.');
    expect(within(s).getByTestId('encryption-key').textContent).toContain('kept in the mock keyring');
    expect(toasts.list.map((t) => t.message)).toContain('Encryption is on: the database file and its backups are encrypted.');
  });

  it('shows that it is working while the file is converted', async () => {
    let finish: () => void = () => {};
    install({
      encryption_enable: (a) =>
        new Promise((resolve) => {
          finish = () => resolve(handle(db, 'encryption_enable', a));
        }),
    });
    const s = await section();
    await fireEvent.click(within(s).getByTestId('encryption-on'));
    const dialog = await screen.findByTestId('encryption-dialog');
    await fireEvent.input(within(dialog).getByTestId('encryption-passphrase'), { target: { value: SECRET } });
    await fireEvent.input(within(dialog).getByTestId('encryption-confirm'), { target: { value: SECRET } });
    const submit = within(dialog).getByTestId<HTMLButtonElement>('encryption-submit');
    await fireEvent.click(submit);
    await waitFor(() => expect(submit.disabled).toBe(true));
    expect(submit.textContent).toContain('Encrypting…');
    expect(within(dialog).getByTestId<HTMLInputElement>('encryption-passphrase').disabled).toBe(true);
    finish();
    await waitFor(() => expect(screen.queryByTestId('encryption-dialog')).toBeNull());
  });

  it('changes and says nothing when the leader says no in the shell’s own confirmation', async () => {
    install();
    db.dialogs.confirm = false;
    const s = await section();
    await fireEvent.click(within(s).getByTestId('encryption-on'));
    const dialog = await screen.findByTestId('encryption-dialog');
    await fireEvent.input(within(dialog).getByTestId('encryption-passphrase'), { target: { value: SECRET } });
    await fireEvent.input(within(dialog).getByTestId('encryption-confirm'), { target: { value: SECRET } });
    await fireEvent.click(within(dialog).getByTestId('encryption-submit'));
    await waitFor(() => expect(called('encryption_enable')).toHaveLength(1));
    await waitFor(() => expect(within(dialog).getByTestId<HTMLButtonElement>('encryption-submit').disabled).toBe(false));
    expect(within(dialog).queryByTestId('encryption-error')).toBeNull();
    expect(toasts.list).toEqual([]);
    expect(db.encryption.passphrase).toBeNull();
    expect(within(s).getByTestId('encryption-state').textContent).toContain('Off.');
  });

  it('turns it off with the current passphrase only', async () => {
    install();
    db.encryption = { passphrase: SECRET, remembered: false };
    const s = await section();
    expect(within(s).getByTestId('encryption-key').textContent).toContain('asks for the passphrase at every start');
    await fireEvent.click(within(s).getByTestId('encryption-off'));
    const dialog = await screen.findByTestId('encryption-dialog');
    await fireEvent.input(within(dialog).getByTestId('encryption-passphrase'), { target: { value: 'not it' } });
    await fireEvent.click(within(dialog).getByTestId('encryption-submit'));
    expect((await within(dialog).findByTestId('encryption-error')).textContent).toContain('not the passphrase of this database');
    expect(db.encryption.passphrase).toBe(SECRET);

    await fireEvent.input(within(dialog).getByTestId('encryption-passphrase'), { target: { value: SECRET } });
    await fireEvent.click(within(dialog).getByTestId('encryption-submit'));
    await waitFor(() => expect(screen.queryByTestId('encryption-dialog')).toBeNull());
    expect(within(s).getByTestId('encryption-state').textContent).toContain('Off.');
    expect(db.encryption.passphrase).toBeNull();
  });
});
