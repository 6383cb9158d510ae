/**
 * In step with the command line, against the mock backend: when
 * `data_version` changes (another program wrote), the screen on show reads
 * its records again — an open dialog and the Log a 1:1 form keep what is
 * typed — and nothing is asked while the Unlock screen shows.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from './App.svelte';
import { handle } from './dev/mockBackend';
import type { AgendaItemInput, WinInput } from '$lib/types';
import { demoBackend, go, TODAY } from './test/app';

const { install, called, db } = demoBackend();

/** Waits until the app has read `data_version` once (its baseline). */
async function watching() {
  await waitFor(() => expect(called('data_version').length).toBeGreaterThan(0));
  await new Promise((r) => setTimeout(r, 10));
}

/** Another program writes: `write` changes the database and its data_version moves on; the window gets the focus back. */
function cliWrites(write: () => void) {
  write();
  db().dataVersion++;
  window.dispatchEvent(new Event('focus'));
}

describe('a write from the command line', () => {
  it('reloads the Log a 1:1 agenda around what is being typed', async () => {
    install();
    await go('#/log/3');
    render(App);
    const notes = await screen.findByTestId<HTMLTextAreaElement>('log-notes');
    const before = (await screen.findAllByTestId('log-agenda-item')).length;
    await watching();

    await fireEvent.input(notes, { target: { value: 'Half-typed notes about the roadmap' } });
    await fireEvent.input(screen.getByTestId('log-tags'), { target: { value: 'career' } });
    const text = screen.getByTestId('log-new-text');
    await fireEvent.input(text, { target: { value: 'TODO: send the deck' } });
    await fireEvent.keyDown(text, { key: 'Enter' });
    await fireEvent.input(text, { target: { value: 'still typing' } });

    const input: AgendaItemInput = { person_id: 3, text: 'Raised from the command line', open_tag: 'discuss', timing: null, raised_by: 'leader', opened_on: TODAY, opened_in: null };
    cliWrites(() => handle(db(), 'agenda_add', { input }));

    await waitFor(() => expect(screen.getAllByTestId('log-agenda-item')).toHaveLength(before + 1), { timeout: 3000 });
    expect(screen.getByTestId('log-agenda').textContent).toContain('Raised from the command line');
    expect(screen.getByTestId<HTMLTextAreaElement>('log-notes').value).toBe('Half-typed notes about the roadmap');
    expect(screen.getByTestId<HTMLInputElement>('log-tags').value).toBe('career');
    expect(screen.getByTestId<HTMLInputElement>('log-new-text').value).toBe('still typing');
    expect(screen.getAllByTestId('log-new-item').map((i) => i.textContent)).toEqual([expect.stringContaining('send the deck')]);
    // The form was not started again from the saved draft.
    expect(called('draft_get')).toHaveLength(1);
  });

  it('reloads the screen on show, and the roster, keeping an open dialog as typed', async () => {
    install();
    await go('#/wins');
    render(App);
    const count = (await screen.findAllByTestId('win')).length;
    await watching();
    await fireEvent.click(screen.getByTestId('win-add'));
    const form = await screen.findByTestId('win-form');
    await fireEvent.input(within(form).getByTestId('win-text'), { target: { value: 'A win being typed' } });

    const win: WinInput = { person_id: 1, noted_on: TODAY, text: 'Noted with `coachlog win add`' };
    cliWrites(() => {
      handle(db(), 'win_add', { input: win });
      handle(db(), 'person_add', { input: { ...db().answers.people_list[0], name: 'Added From The CLI' } });
    });

    await waitFor(() => expect(screen.getAllByTestId('win')).toHaveLength(count + 1), { timeout: 3000 });
    expect(screen.getByTestId('screen-wins').textContent).toContain('Noted with');
    expect(within(screen.getByTestId('win-form')).getByTestId<HTMLTextAreaElement>('win-text').value).toBe('A win being typed');
    expect(within(screen.getByTestId('win-form')).getByTestId('win-person').textContent).toContain('Added From The CLI');
  });

  it('does not reload when only the app wrote (data_version unchanged)', async () => {
    install();
    await go('#/wins');
    render(App);
    await screen.findAllByTestId('win');
    await watching();
    const reads = called('wins_list').length;
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(called('data_version').length).toBeGreaterThan(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(called('wins_list')).toHaveLength(reads);
  });

  it('is not watched while the Unlock screen shows', async () => {
    install({
      app_info: (a) => ({ ...(handle(db(), 'app_info', a) as object), schema_version: null, startup_error: { kind: 'passphrase', message: 'locked' } }),
    });
    render(App);
    await screen.findByTestId('unlock');
    window.dispatchEvent(new Event('focus'));
    await new Promise((r) => setTimeout(r, 50));
    expect(called('data_version')).toEqual([]);
  });
});
