import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { app } from '$lib/app.svelte';
import { toasts } from '$lib/toasts.svelte';
import type { Draft } from '$lib/types';
import { item, person } from '../test/fixtures';
import LogOneOnOne from './LogOneOnOne.svelte';

type Call = { cmd: string; args: Record<string, unknown> };

function backend(opts: { draft?: Draft | null; logError?: { kind: string; message: string } } = {}) {
  const calls: Call[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case 'agenda_list':
        return [
          item({ id: 12, text: 'Discuss the Q3 plan', open_tag: 'discuss', timing: null, opened_on: '2026-05-10', opened_in: null }),
          item(),
        ];
      case 'one_on_ones_list':
        return [{ id: 40, person_id: 3, date: '2026-05-07', status: 'held', notes: '', tags: [] }];
      case 'draft_get':
        return opts.draft ?? null;
      case 'draft_save':
      case 'draft_discard':
        return null;
      case 'one_on_one_log':
        if (opts.logError) throw opts.logError;
        return {
          one_on_one: { id: 41, person_id: 3, date: '2026-05-14', status: 'held', notes: 'x', tags: [] },
          opened: [item({ id: 13 })],
          closed: [item({ id: 11, close_tag: 'done', closed_on: '2026-05-14' })],
        };
      default:
        throw { kind: 'internal', message: `unexpected command ${cmd}` };
    }
  });
  return calls;
}

beforeEach(() => {
  app.today = '2026-05-14';
  app.people = [person(), person({ id: 4, name: 'Dmitri Janssen' }), person({ id: 5, name: 'Ann Old', archived_on: '2026-01-01' })];
  location.hash = '#/log';
});

afterEach(() => {
  clearMocks();
  toasts.list = [];
});

describe('Log a 1:1', () => {
  it('picks a person by typing and the keyboard, then loads their agenda carried-over first', async () => {
    backend();
    render(LogOneOnOne, { id: null, query: {} });
    const input = screen.getByTestId('log-person-input');
    await fireEvent.input(input, { target: { value: 'jan' } });
    const options = screen.getAllByTestId('log-person-option');
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('Jane Doe'), expect.stringContaining('Dmitri Janssen')]);
    expect(screen.queryByText('Ann Old')).toBeNull();
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByTestId('log-person-name')).toHaveProperty('textContent', 'Dmitri Janssen');
    const rows = await screen.findAllByTestId('log-agenda-item');
    expect(rows[0].textContent).toContain('Write the pricing MR');
    expect(rows[0].textContent).toContain('carried over');
    expect(rows[1].textContent).toContain('Discuss the Q3 plan');
  });

  it('logs notes, a new HELP item and a closed item in one command with Ctrl+Enter', async () => {
    const calls = backend();
    render(LogOneOnOne, { id: 3, query: {} });
    const notes = await screen.findByTestId('log-notes');
    await screen.findAllByTestId('log-agenda-item');
    await fireEvent.input(notes, { target: { value: 'Talked about **growth**.' } });
    await fireEvent.input(screen.getByTestId('log-tags'), { target: { value: 'career, growth' } });

    const text = screen.getByTestId('log-new-text');
    await fireEvent.input(text, { target: { value: 'HELP: context on pricing @19.3' } });
    await fireEvent.keyDown(text, { key: 'Enter' });
    expect(screen.getAllByTestId('log-new-item')).toHaveLength(1);

    const [carried] = screen.getAllByTestId('log-close-select');
    await fireEvent.change(carried, { target: { value: 'done' } });

    // Typed but not yet added: still part of the 1:1.
    await fireEvent.input(text, { target: { value: 'TODO draft the OKRs' } });
    await fireEvent.keyDown(notes, { key: 'Enter', ctrlKey: true });

    await waitFor(() => expect(calls.some((c) => c.cmd === 'one_on_one_log')).toBe(true));
    const log = calls.find((c) => c.cmd === 'one_on_one_log')!;
    expect(log.args.input).toEqual({
      one_on_one: { person_id: 3, date: '2026-05-14', status: 'held', notes: 'Talked about **growth**.', tags: ['career', 'growth'] },
      new_items: [
        { text: 'context on pricing', open_tag: 'help', timing: '19.3', raised_by: 'person' },
        { text: 'draft the OKRs', open_tag: 'todo', timing: null, raised_by: 'leader' },
      ],
      close_items: [{ id: 11, tag: 'done' }],
    });
    await waitFor(() => expect(location.hash).toBe('#/person/3?focus=oneonone-41'));
    expect(toasts.list.map((t) => t.message)).toEqual(['Logged the 1:1 with Jane Doe (1 item added, 1 closed).']);
  });

  it('debounces the notes preview while the textarea and the draft follow every key', async () => {
    const calls = backend();
    render(LogOneOnOne, { id: 3, query: {} });
    const notes = (await screen.findByTestId('log-notes')) as HTMLTextAreaElement;
    for (const v of ['T', 'Ta', 'Talked about **growth**.']) await fireEvent.input(notes, { target: { value: v } });
    // The form value is immediate; the preview waits for a pause in typing.
    expect(notes.value).toBe('Talked about **growth**.');
    expect(screen.queryByTestId('log-notes-preview')).toBeNull();
    const preview = await screen.findByTestId('log-notes-preview');
    expect(preview.querySelector('strong')?.textContent).toBe('growth');
    expect(preview.textContent?.trim()).toBe('Talked about growth.');
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'draft_save')).toHaveLength(1));
    const draft = calls.find((c) => c.cmd === 'draft_save')!.args.draft as { notes: string };
    expect(draft.notes).toBe('Talked about **growth**.');
  });

  it('keeps everything typed and shows the message when logging fails', async () => {
    backend({ logError: { kind: 'invalid', message: "The 1:1's date 2026-05-14 is before Jane Doe started reporting to you." } });
    render(LogOneOnOne, { id: 3, query: {} });
    const notes = await screen.findByTestId('log-notes');
    await fireEvent.input(notes, { target: { value: 'Keep me' } });
    await fireEvent.click(screen.getByTestId('log-save'));
    await waitFor(() => expect(toasts.list[0]?.message).toMatch(/before Jane Doe started/));
    expect(toasts.list[0].error?.kind).toBe('invalid');
    expect((screen.getByTestId('log-notes') as HTMLTextAreaElement).value).toBe('Keep me');
    expect(location.hash).toBe('#/log');
  });

  it('restores a saved draft and saves new typing as a draft', async () => {
    const draft: Draft = {
      person_id: 3,
      date: '2026-05-13',
      status: 'held',
      notes: 'Half-written notes',
      tags: ['risk'],
      new_items: [{ text: 'Send the intro', open_tag: 'doto', timing: null, raised_by: 'leader' }],
      close_items: [{ id: 12, tag: 'fyi' }],
    };
    const calls = backend({ draft });
    render(LogOneOnOne, { id: 3, query: {} });
    const notes = (await screen.findByTestId('log-notes')) as HTMLTextAreaElement;
    await waitFor(() => expect(notes.value).toBe('Half-written notes'));
    expect((screen.getByTestId('log-date') as HTMLInputElement).value).toBe('2026-05-13');
    expect(screen.getByTestId('log-discard-draft')).toBeTruthy();
    expect(within(screen.getByTestId('log-new-items')).getByText('Send the intro')).toBeTruthy();

    await fireEvent.input(notes, { target: { value: 'Half-written notes, and more' } });
    await waitFor(() => expect(calls.some((c) => c.cmd === 'draft_save')).toBe(true), { timeout: 2000 });
    const saved = calls.filter((c) => c.cmd === 'draft_save').at(-1)!;
    expect(saved.args.draft).toMatchObject({ person_id: 3, notes: 'Half-written notes, and more', close_items: [{ id: 12, tag: 'fyi' }] });
  });

  it('explains what to do when there is no one to log with', () => {
    backend();
    app.people = [];
    render(LogOneOnOne, { id: null, query: {} });
    expect(screen.getByTestId('log-empty').textContent).toMatch(/Add a person/);
  });
});
