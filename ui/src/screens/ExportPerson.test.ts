/**
 * Export → Person against the mock backend (the core's packets of the demo
 * team, `fixtures.json`): the default window is the core's, the preview is
 * rendered through the sanitizer, notes only when asked, HTML inert in a
 * sandboxed frame, Copy Markdown in the click, and Save as… through the
 * shell's dialog (a cancel says nothing).
 */
import { clearMocks } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from '$lib/app.svelte';
import { packetFrom } from '$lib/exporting';
import { toasts } from '$lib/toasts.svelte';
import { FIXTURES, type MockDb } from '../dev/mockBackend';
import { demoDb, recordingBackend } from '../test/app';
import Export from './Export.svelte';

let db: MockDb;
let calls: [string, Record<string, unknown>][];
let writeText: ReturnType<typeof vi.fn>;
/** A person whose packets the fixtures hold. */
const ID = Number(Object.keys(FIXTURES.answers.history_preview)[0]);
const TEXTS = FIXTURES.answers.history_preview[String(ID)];

beforeEach(() => {
  db = demoDb();
  calls = recordingBackend(db);
  app.today = FIXTURES.today;
  writeText = vi.fn(() => Promise.resolve());
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

afterEach(() => {
  clearMocks();
  toasts.list = [];
});

const previews = () => calls.filter(([c]) => c === 'history_preview').map(([, a]) => a);

async function openPacket() {
  render(Export, { id: null, query: { tab: 'person', person: String(ID) } });
  return screen.findByTestId('packet-rendered');
}

describe('Export → Person', () => {
  it('the default window is the core’s: the six months ending today', () => {
    expect(FIXTURES.history_window).toEqual({ from: packetFrom(FIXTURES.today), to: FIXTURES.today });
    expect(packetFrom('2026-08-31')).toBe('2026-03-01');
    expect(packetFrom('2026-05-15')).toBe('2025-11-16');
  });

  it('previews the chosen person’s packet as sanitized Markdown, without notes', async () => {
    const rendered = await openPacket();
    expect(previews()[0]).toEqual({ personId: ID, from: FIXTURES.history_window.from, to: FIXTURES.history_window.to, format: 'markdown', includeNotes: false });
    const name = db.answers.people_list.find((p) => p.id === ID)?.name;
    expect(rendered.querySelector('h1')?.textContent).toBe(`Review packet: ${name}`);
    expect([...rendered.querySelectorAll('h2')].map((h) => h.textContent)).toContain('1:1s');
    expect(rendered.querySelector('script, img, iframe')).toBeNull();
    expect(screen.queryByTestId('packet-notes-warning')).toBeNull();
    expect((screen.getByTestId('packet-person') as HTMLSelectElement).value).toBe(String(ID));

    await fireEvent.click(screen.getByTestId('packet-include-notes'));
    expect(screen.getByTestId('packet-notes-warning').textContent).toContain('Private:');
    await waitFor(() => expect(previews().at(-1)?.includeNotes).toBe(true));
    await waitFor(() => expect(screen.getByTestId('packet-rendered').textContent).toContain('Private notes'));
  });

  it('shows the HTML in a sandboxed frame and JSON as source', async () => {
    await openPacket();
    await fireEvent.click(screen.getByTestId('packet-format-html'));
    const frame = (await screen.findByTestId('packet-html-frame')) as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    await waitFor(() => expect(frame.getAttribute('srcdoc')).toBe(TEXTS.html));
    await fireEvent.click(screen.getByTestId('packet-format-json'));
    await waitFor(() => expect(screen.getByTestId('packet-source').textContent).toBe(TEXTS.json));
  });

  it('says why when the window is refused, and copies the Markdown in the click', async () => {
    await openPacket();
    await fireEvent.click(screen.getByTestId('packet-copy'));
    expect(writeText).toHaveBeenCalledWith(TEXTS.md);
    await fireEvent.input(screen.getByTestId('packet-from'), { target: { value: '2020-01-01' } });
    expect((await screen.findByTestId('packet-error')).textContent).toContain('The mock backend holds the packets');
  });

  it('saves through the shell’s dialog, and a cancel says nothing', async () => {
    await openPacket();
    await fireEvent.click(screen.getByTestId('packet-save'));
    const saved = await screen.findByTestId('packet-saved');
    expect(saved.textContent).toContain(`coachlog-packet-${ID}-${FIXTURES.history_window.from}-${FIXTURES.history_window.to}.md`);
    const save = calls.filter(([c]) => c === 'history_save').map(([, a]) => a);
    expect(save).toEqual([{ personId: ID, from: FIXTURES.history_window.from, to: FIXTURES.history_window.to, format: 'markdown', includeNotes: false }]);
    expect(save[0]).not.toHaveProperty('path');

    db.dialogs.save = false;
    toasts.list = [];
    await fireEvent.click(screen.getByTestId('packet-save'));
    await waitFor(() => expect(calls.filter(([c]) => c === 'history_save')).toHaveLength(2));
    expect(toasts.list.filter((t) => t.tone === 'error')).toEqual([]);
  });

  it('the Month tab is the default and the tabs switch', async () => {
    render(Export, { id: null, query: {} });
    expect(await screen.findByTestId('export-month')).toBeTruthy();
    expect(screen.queryByTestId('packet')).toBeNull();
    await fireEvent.click(screen.getByTestId('export-tab-person'));
    expect(await screen.findByTestId('packet')).toBeTruthy();
    expect(screen.queryByTestId('export-month')).toBeNull();
  });
});
