/**
 * Deleting and the Trash, against the mock backend: a record deleted from
 * its screen with an Undo that brings it back; a person only after a
 * confirmation naming what goes with them; Settings → Trash (list, restore,
 * a refused restore, empty — and a "no" in the shell's dialog that changes
 * and says nothing).
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { handle } from '../dev/mockBackend';
import { justOne } from '$lib/kinds';
import type { Counts } from '$lib/bindings';
import { toasts } from '$lib/toasts.svelte';
import { demoBackend, go } from '../test/app';

const { install, called, db } = demoBackend();

const notices = () => toasts.list.filter((t) => t.tone === 'notice').map((t) => t.message);
const errors = () => toasts.list.filter((t) => t.tone === 'error').map((t) => t.message);
const deleteButton = (kind: string, id: number) => document.querySelector<HTMLButtonElement>(`[data-testid='delete-record'][data-kind='${kind}'][data-id='${id}']`);

/** Priya Raman's records as the core would count them: herself, 18 1:1s, 30 agenda items, 2 wins. */
const PRIYA: Counts = { ...justOne('person'), one_on_ones: 18, agenda_items: 30, wins: 2 };

describe('deleting a record', () => {
  it('moves a win to the Trash at once, and Undo puts it back', async () => {
    install();
    await go('#/wins');
    render(App);
    const win = db().answers.wins_list.find((w) => w.id === 13)!;
    await waitFor(() => expect(deleteButton('win', 13)).toBeTruthy());
    const count = screen.getAllByTestId('win').length;

    await fireEvent.click(deleteButton('win', 13)!);
    await waitFor(() => expect(screen.getAllByTestId('win')).toHaveLength(count - 1));
    expect(called('record_delete')).toEqual([{ kind: 'win', id: 13 }]);
    expect(called('record_delete_preview')).toEqual([]);
    expect(db().answers.wins_list.some((w) => w.id === 13)).toBe(false);
    expect(notices()).toEqual([expect.stringMatching(/^Moved Win “Fatima's Portfolio Management blog post.*” to the Trash\.$/)]);

    await fireEvent.click(screen.getByTestId('notice-action'));
    await waitFor(() => expect(screen.getAllByTestId('win')).toHaveLength(count));
    expect(called('trash_restore')).toEqual([{ id: db().nextId - 1 }]);
    expect(db().answers.wins_list).toContainEqual(win);
    expect(document.getElementById('win-13')).toBeTruthy();
    expect(errors()).toEqual([]);
  });

  it('says what went with a record, from the counts the core gives', async () => {
    install({
      record_delete: (a) => ({ ...(handle(db(), 'record_delete', a) as object), records: { ...justOne('requisition'), loop_members: 3, interviews: 1 } }),
    });
    await go('#/hiring');
    render(App);
    await waitFor(() => expect(deleteButton('requisition', 2)).toBeTruthy());
    await fireEvent.click(deleteButton('requisition', 2)!);
    await waitFor(() =>
      expect(notices()).toEqual(['Moved Requisition “Senior Product Manager, Verify:Pipeline Authoring” to the Trash (with 3 loop members, 1 interview).']),
    );
  });

  it('deletes a loop member (no confirmation: Undo covers it)', async () => {
    install();
    await go('#/hiring');
    render(App);
    const member = db().answers.loop_list.find((m) => m.requisition_id === 2)!;
    await waitFor(() => expect(deleteButton('loop_member', member.id)).toBeTruthy());
    await fireEvent.click(deleteButton('loop_member', member.id)!);
    await waitFor(() => expect(deleteButton('loop_member', member.id)).toBeNull());
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(called('record_delete')).toEqual([{ kind: 'loop_member', id: member.id }]);
  });

  it('deletes a 1:1 from its edit dialog, which closes', async () => {
    install();
    await go('#/person/3');
    render(App);
    const meeting = db().answers.one_on_ones_list.find((m) => m.person_id === 3)!;
    const entry = await screen.findAllByTestId('timeline-entry');
    await fireEvent.click(within(entry[0]).getByText('Edit 1:1'));
    const form = await screen.findByTestId('one-on-one-form');
    const inDialog = within(form).getAllByTestId('delete-record');
    expect(inDialog.map((b) => [b.dataset.kind, b.dataset.id])).toEqual([['one_on_one', String(meeting.id)]]);
    await fireEvent.click(inDialog[0]);
    await waitFor(() => expect(screen.queryByTestId('one-on-one-form')).toBeNull());
    expect(called('record_delete')).toEqual([{ kind: 'one_on_one', id: meeting.id }]);
    expect(notices()[0]).toMatch(/to the Trash\.$/);
  });
});

describe('deleting a person', () => {
  it('asks first, naming how many records go with them; Cancel deletes nothing', async () => {
    install({ record_delete_preview: () => PRIYA });
    await go('#/team');
    render(App);
    await waitFor(() => expect(deleteButton('person', 3)).toBeTruthy());

    await fireEvent.click(deleteButton('person', 3)!);
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(called('record_delete_preview')).toEqual([{ kind: 'person', id: 3 }]);
    expect(dialog.textContent).toContain(
      'Delete Priya Raman and their 50 records — 18 1:1s, 30 agenda items, 2 wins? They stay in the Trash for 30 days (Settings → Trash).',
    );
    await fireEvent.click(screen.getByTestId('confirm-cancel'));
    await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull());
    expect(called('record_delete')).toEqual([]);
    expect(db().answers.people_list.some((p) => p.id === 3)).toBe(true);
    expect(deleteButton('person', 3)).toBeTruthy();
  });

  it('deletes them on Delete, with an Undo that names what went', async () => {
    db().answers.settings_list.find((s) => s.key === 'trash_days')!.value = '14';
    install({
      record_delete_preview: () => PRIYA,
      record_delete: (a) => ({ ...(handle(db(), 'record_delete', a) as object), records: PRIYA }),
    });
    await go('#/person/3');
    render(App);
    await screen.findByTestId('person-heading');
    await fireEvent.click(deleteButton('person', 3)!);
    expect((await screen.findByTestId('confirm-dialog')).textContent).toContain('They stay in the Trash for 14 days');
    await fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(location.hash).toBe('#/team'));
    expect(called('record_delete')).toEqual([{ kind: 'person', id: 3 }]);
    expect(notices()).toEqual(['Moved Priya Raman to the Trash (with 18 1:1s, 30 agenda items, 2 wins).']);
    await waitFor(() => expect(screen.getAllByTestId('team-row').some((r) => r.textContent?.includes('Priya Raman'))).toBe(false));
    expect(errors()).toEqual([]);

    await fireEvent.click(screen.getByTestId('notice-action'));
    await waitFor(() => expect(screen.getAllByTestId('team-row').some((r) => r.textContent?.includes('Priya Raman'))).toBe(true));
  });
});

describe('Settings → Trash', () => {
  async function trash() {
    await go('#/settings');
    render(App);
    return screen.findByTestId('trash-section');
  }

  it('lists what was deleted, restores an entry and empties the rest', async () => {
    install();
    handle(db(), 'record_delete', { kind: 'win', id: 13 });
    handle(db(), 'record_delete', { kind: 'check_in', id: 32 });
    const section = await trash();
    const rows = await within(section).findAllByTestId('trash-entry');
    expect(rows.map((r) => r.dataset.kind)).toEqual(['check_in', 'win']);
    expect(rows[1].textContent).toContain('Win');
    expect(rows[1].textContent).toContain("“Fatima's Portfolio Management");
    expect(section.textContent).toContain('stays here for 30 days');

    await fireEvent.click(within(rows[1]).getByTestId('trash-restore'));
    await waitFor(() => expect(within(section).getAllByTestId('trash-entry')).toHaveLength(1));
    expect(db().answers.wins_list.some((w) => w.id === 13)).toBe(true);
    expect(notices()).toContainEqual(expect.stringMatching(/^Restored Win “Fatima's Portfolio Management.*”\.$/));

    await fireEvent.click(within(section).getByTestId('trash-empty'));
    await waitFor(() => expect(within(section).queryAllByTestId('trash-entry')).toHaveLength(0));
    expect(within(section).getByTestId('trash-empty-state').textContent).toContain('The Trash is empty.');
    expect(notices()).toContain('Emptied the Trash: 1 entry deleted for good.');
    expect(db().trash).toEqual([]);
    expect(within(section).getByTestId<HTMLButtonElement>('trash-empty').disabled).toBe(true);
  });

  it('leaves the Trash as it is, and says nothing, when the leader says no in the shell’s dialog', async () => {
    install();
    db().dialogs.confirm = false;
    handle(db(), 'record_delete', { kind: 'win', id: 13 });
    const section = await trash();
    await within(section).findByTestId('trash-entry');
    await fireEvent.click(within(section).getByTestId('trash-empty'));
    await waitFor(() => expect(called('trash_empty')).toHaveLength(1));
    await waitFor(() => expect(within(section).getByTestId<HTMLButtonElement>('trash-empty').disabled).toBe(false));
    expect(within(section).getAllByTestId('trash-entry')).toHaveLength(1);
    expect(db().trash).toHaveLength(1);
    expect(toasts.list).toEqual([]);
  });

  it('shows why an entry cannot be restored', async () => {
    const why = '"Win 6" cannot be restored: its person Diego Hernández is in the Trash too; restore them first.';
    install({
      trash_restore: () => {
        throw { kind: 'conflict', message: why };
      },
    });
    handle(db(), 'record_delete', { kind: 'win', id: 6 });
    const section = await trash();
    await fireEvent.click(await within(section).findByTestId('trash-restore'));
    expect((await screen.findByTestId('error-message')).textContent).toBe(why);
    expect(within(section).getAllByTestId('trash-entry')).toHaveLength(1);
  });

  it('says when the Trash is empty', async () => {
    install();
    const section = await trash();
    expect((await within(section).findByTestId('trash-empty-state')).textContent).toContain('The Trash is empty.');
    expect(within(section).getByTestId<HTMLButtonElement>('trash-empty').disabled).toBe(true);
  });
});
