/**
 * Backups in the UI, against the mock backend: Settings → Backups (list,
 * "Back up now" with its busy state, "Restore…" with its confirmation, and a
 * refused restore), and the start-up screen's "Restore the latest backup"
 * when the database cannot be opened.
 */
import { clearMocks } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { handle, type MockDb } from '../dev/mockBackend';
import { app } from '$lib/app.svelte';
import { toasts } from '$lib/toasts.svelte';
import { backendLog, demoDb, go, resetApp } from '../test/app';

let db: MockDb;
const { install, called } = backendLog(() => db);

beforeEach(async () => {
  resetApp();
  db = demoDb();
  await go('#/settings');
});

afterEach(() => {
  clearMocks();
});

async function backupsSection() {
  render(App);
  const section = await screen.findByTestId('settings-backups');
  await within(section).findByTestId('backups-folder');
  return section;
}

describe('Settings → Backups', () => {
  it('backs up now, showing that it runs, and lists the backup', async () => {
    let finish: () => void = () => {};
    install({
      backup_now: (a) =>
        new Promise((resolve) => {
          finish = () => resolve(handle(db, 'backup_now', a));
        }),
    });
    const section = await backupsSection();
    expect(within(section).getByTestId('backups-folder').textContent).toContain('/backups');
    expect(within(section).getByTestId('backups-empty')).toBeTruthy();
    expect(within(section).getByTestId('backups-last-automatic').textContent).toContain('none yet');

    const button = within(section).getByTestId<HTMLButtonElement>('backup-now');
    await fireEvent.click(button);
    await waitFor(() => expect(button.disabled).toBe(true));
    expect(button.textContent).toContain('Backing up…');
    expect(section.getAttribute('aria-busy')).toBe('true');
    finish();
    await waitFor(() => expect(button.disabled).toBe(false));
    expect(button.textContent).toContain('Back up now');
    const rows = await within(section).findAllByTestId('backup-row');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('Backup');
    expect(rows[0].textContent).toContain('192 KB');
    expect(toasts.list.map((t) => t.message)).toContain('Backed up (192 KB).');
  });

  it('restores a backup once the shell has asked (no second question in the page), then reloads the app', async () => {
    install();
    handle(db, 'backup_now', {});
    const section = await backupsSection();
    const path = db.backups[0].path;
    const infoCalls = called('app_info').length;

    await fireEvent.click(within(section).getByTestId('backup-restore'));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    await waitFor(() => expect(called('backup_restore')).toEqual([{ file: path }]));
    // The app reads everything again from the reopened database.
    await waitFor(() => expect(called('app_info').length).toBeGreaterThan(infoCalls));
    await waitFor(() => expect(within(section).getAllByTestId('backup-row')).toHaveLength(2));
    expect(within(section).getAllByTestId('backup-row').map((r) => r.dataset.kind)).toEqual(['before_restore', 'rolling']);
    expect(toasts.list.some((t) => t.message.startsWith('Restored the backup from'))).toBe(true);
  });

  it('shows why a restore was refused and keeps the notes', async () => {
    install({
      backup_restore: () => {
        throw { kind: 'corrupt', message: 'x.sqlite is not a valid Coachlog backup, so nothing was restored and nothing was changed: damaged.' };
      },
    });
    handle(db, 'backup_now', {});
    const section = await backupsSection();
    await fireEvent.click(within(section).getByTestId('backup-restore'));
    await waitFor(() => expect(toasts.list.filter((t) => t.tone === 'error')).toHaveLength(1));
    const error = toasts.list.find((t) => t.tone === 'error');
    expect(error?.error?.kind).toBe('corrupt');
    expect(error?.message).toContain('nothing was changed');
    expect(within(section).getByTestId<HTMLButtonElement>('backup-restore').disabled).toBe(false);
    expect(screen.getByTestId('screen-settings')).toBeTruthy();
  });

  it('restores nothing and says nothing when the leader says no in the shell’s own confirmation', async () => {
    install();
    db.dialogs.confirm = false;
    handle(db, 'backup_now', {});
    const section = await backupsSection();
    await fireEvent.click(within(section).getByTestId('backup-restore'));
    await waitFor(() => expect(called('backup_restore')).toHaveLength(1));
    await waitFor(() => expect(within(section).getByTestId<HTMLButtonElement>('backup-restore').disabled).toBe(false));
    expect(toasts.list).toEqual([]);
    expect(within(section).getAllByTestId('backup-row').map((r) => r.dataset.kind)).toEqual(['rolling']);
  });

  it('offers no restore for a damaged copy', async () => {
    install();
    db.backups = [
      { path: '/b/coachlog-20261127T100000Z-damaged.sqlite', taken_at: '2026-11-27T10:00:00Z', bytes: 4096, kind: 'damaged' },
      { path: '/b/coachlog-20261127T090000Z.sqlite', taken_at: '2026-11-27T09:00:00Z', bytes: 4096, kind: 'rolling' },
    ];
    const section = await backupsSection();
    const rows = within(section).getAllByTestId('backup-row');
    expect(within(rows[0]).queryByTestId('backup-restore')).toBeNull();
    expect(rows[0].textContent).toContain('rescue');
    expect(within(rows[1]).getByTestId('backup-restore')).toBeTruthy();
  });
});

describe('the start-up screen', () => {
  const damaged = {
    kind: 'corrupt',
    message: '/data/coachlog.sqlite is damaged; it was left untouched. `coachlog restore --latest` restores the newest backup.',
  };

  function startBroken(kind = damaged.kind, backups = true) {
    let broken = true;
    if (backups) handle(db, 'backup_now', {});
    install({
      app_info: (a) => {
        const info = handle(db, 'app_info', a) as Record<string, unknown>;
        return broken ? { ...info, schema_version: null, startup_error: { ...damaged, kind } } : info;
      },
      backup_restore: (a) => {
        broken = false;
        return handle(db, 'backup_restore', a);
      },
    });
  }

  it('names the latest backup and restores it, then opens the notes', async () => {
    startBroken();
    render(App);
    expect((await screen.findByTestId('error-message')).textContent).toContain('is damaged');
    const latest = await screen.findByTestId('latest-backup');
    expect(latest.textContent).toContain('coachlog-20261127T090000Z.sqlite');
    expect(latest.textContent).toMatch(/taken 27 Nov 2026, \d\d:00/);
    await fireEvent.click(screen.getByTestId('restore-latest'));
    expect(await screen.findByTestId('screen-settings')).toBeTruthy();
    expect(called('backup_restore')).toEqual([{ file: db.backups[1].path }]);
    expect(app.loadError).toBeNull();
  });

  it('stays on the problem, saying nothing, when the leader says no in the shell’s confirmation', async () => {
    startBroken('schema_too_new');
    db.dialogs.confirm = false;
    render(App);
    await fireEvent.click(await screen.findByTestId('restore-latest'));
    await waitFor(() => expect(called('backup_restore')).toHaveLength(1));
    expect(screen.getByTestId('load-error')).toBeTruthy();
    expect(screen.queryByTestId('restore-error')).toBeNull();
  });

  it('offers nothing to restore without a backup, or for another problem', async () => {
    startBroken('corrupt', false);
    render(App);
    await screen.findByTestId('error-message');
    await waitFor(() => expect(called('backups_list')).toHaveLength(1));
    expect(screen.queryByTestId('restore-latest')).toBeNull();
  });

  it('does not look for backups when the problem is not the file', async () => {
    startBroken('io');
    render(App);
    await screen.findByTestId('error-message');
    expect(screen.queryByTestId('restore-latest')).toBeNull();
    expect(called('backups_list')).toEqual([]);
  });
});
