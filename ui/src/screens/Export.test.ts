/** The Export screen against a stubbed IPC: preview, notes warning, copy, and Save as… (the shell's dialog; a cancel says nothing). */
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from '$lib/app.svelte';
import { toasts } from '$lib/toasts.svelte';
import Export from './Export.svelte';

type Call = { cmd: string; args: Record<string, unknown> };

const MD = '# Monthly summary: October 2026\n\n| PM | 1:1s |\n| --- | --- |\n| Ada <img src=x onerror="window.pwned=1"> | ✅ 3/4 |\n\n- [ ] Share the win\n';
const HTML = '<!DOCTYPE html>\n<html><head><style>h1 { color: red }</style></head><body><h1>Monthly summary</h1></body></html>\n';

let calls: Call[];
/** Where the shell's Save dialog saved, or null when the leader cancelled it. */
let saveAnswer: string | null;
let writeText: ReturnType<typeof vi.fn>;

beforeEach(() => {
  calls = [];
  saveAnswer = '/home/you/coachlog-summary-2026-10.md';
  app.today = '2026-11-27';
  writeText = vi.fn(() => Promise.resolve());
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case 'one_on_one_months':
        return [{ month: '2026-10', one_on_ones: 1 }];
      case 'summary_preview':
        if (args.month === '2026-13') throw { kind: 'invalid', message: "'2026-13' is not a month." };
        return args.format === 'html' ? HTML : args.format === 'markdown' ? MD + (args.includeNotes ? '\nNOTES\n' : '') : `${String(args.format)} text`;
      case 'summary_save':
        if (saveAnswer === null) throw { kind: 'cancelled', message: 'You cancelled the Save dialog; nothing was saved.' };
        return { path: saveAnswer, bytes: 42 };
      default:
        return null;
    }
  });
});

afterEach(() => {
  clearMocks();
  toasts.list = [];
});

const previews = () => calls.filter((c) => c.cmd === 'summary_preview').map((c) => c.args);

describe('Export', () => {
  it('previews the previous month in Markdown, rendered safely, with a source toggle', async () => {
    render(Export, { id: null, query: {} });
    const rendered = await screen.findByTestId('export-rendered');
    expect(previews()[0]).toEqual({ month: '2026-10', format: 'markdown', includeNotes: false });
    expect(rendered.querySelector('h1')?.textContent).toBe('Monthly summary: October 2026');
    expect(rendered.querySelectorAll('table tr')).toHaveLength(2);
    expect(rendered.textContent).toContain('☐ Share the win');
    expect(rendered.querySelector('img')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
    const month = screen.getByTestId('export-month') as HTMLSelectElement;
    expect(month.value).toBe('2026-10');
    expect(month.selectedOptions[0].textContent).toBe('October 2026 · 1 1:1');

    await fireEvent.click(screen.getByTestId('export-source-toggle'));
    expect((await screen.findByTestId('export-source')).textContent).toBe(MD);
  });

  it('shows the source of a very large Markdown summary until asked to render it', async () => {
    const big = `# Big month\n\n${'word '.repeat(41_000)}\n`;
    mockIPC((cmd) => (cmd === 'summary_preview' ? big : cmd === 'one_on_one_months' ? [] : null));
    render(Export, { id: null, query: {} });
    expect((await screen.findByTestId('export-source')).textContent).toBe(big);
    expect(screen.getByTestId('export-large-note').textContent).toContain('Large summary: showing the source');
    expect(screen.queryByTestId('export-rendered')).toBeNull();
    await fireEvent.click(screen.getByTestId('export-render-large'));
    const rendered = await screen.findByTestId('export-rendered');
    expect(rendered.querySelector('h1')?.textContent).toBe('Big month');
    expect(screen.queryByTestId('export-large-note')).toBeNull();
  });

  it('renders a very large summary part by part, saying how far it has got', async () => {
    const part = (i: number) => `## PM ${i}\n\n${'note '.repeat(10_000)}\n\n`;
    const big = `# Big month\n\n${Array.from({ length: 8 }, (_, i) => part(i)).join('')}`;
    mockIPC((cmd) => (cmd === 'summary_preview' ? big : cmd === 'one_on_one_months' ? [] : null));
    render(Export, { id: null, query: {} });
    await fireEvent.click(await screen.findByTestId('export-render-large'));
    const status = await screen.findByTestId('export-rendering');
    expect(status.textContent).toMatch(/Rendering the preview… +\d of \d parts/);
    await waitFor(() => expect(screen.getByTestId('export-rendered').querySelectorAll('h2')).toHaveLength(8));
    expect(screen.queryByTestId('export-rendering')).toBeNull();
    expect(screen.getByTestId('export-rendered').querySelector('h1')?.textContent).toBe('Big month');
  });

  it('shows the HTML in a sandboxed frame without scripts', async () => {
    render(Export, { id: null, query: {} });
    await screen.findByTestId('export-rendered');
    await fireEvent.click(screen.getByTestId('export-format-html'));
    const frame = (await screen.findByTestId('export-html-frame')) as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(HTML);
    expect(previews().at(-1)).toEqual({ month: '2026-10', format: 'html', includeNotes: false });
    await fireEvent.click(screen.getByTestId('export-format-csv'));
    expect((await screen.findByTestId('export-source')).textContent).toBe('csv text');
    expect(screen.queryByTestId('export-source-toggle')).toBeNull();
  });

  it('warns when private notes are included', async () => {
    render(Export, { id: null, query: {} });
    await screen.findByTestId('export-rendered');
    expect(screen.getByTestId('export-safe').textContent).toContain('safe to paste into a shared MR');
    expect(screen.queryByTestId('export-notes-warning')).toBeNull();
    await fireEvent.click(screen.getByTestId('export-include-notes'));
    const warning = await screen.findByTestId('export-notes-warning');
    expect(warning.textContent).toContain('1:1 notes, agenda item texts and walkthrough findings will be included');
    await waitFor(() => expect(previews().at(-1)).toEqual({ month: '2026-10', format: 'markdown', includeNotes: true }));
    await waitFor(() => expect(screen.getByTestId('export-rendered').textContent).toContain('NOTES'));
  });

  it('copies the Markdown to the clipboard, even while another format is shown', async () => {
    render(Export, { id: null, query: {} });
    await screen.findByTestId('export-rendered');
    await fireEvent.click(screen.getByTestId('export-format-json'));
    await screen.findByTestId('export-source');
    await fireEvent.click(screen.getByTestId('export-copy'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(MD));
    await waitFor(() => expect(toasts.list.map((t) => t.message)).toContain('The October 2026 summary is on the clipboard as Markdown: paste it into the MR.'));
  });

  it('saves with summary_save alone, which gives no path (the shell asks where), and says where it went', async () => {
    render(Export, { id: null, query: {} });
    await screen.findByTestId('export-rendered');
    await fireEvent.click(screen.getByTestId('export-save'));
    await screen.findByTestId('export-saved');
    expect(calls.find((c) => c.cmd === 'summary_save')?.args).toEqual({ month: '2026-10', format: 'markdown', includeNotes: false });
    expect(calls.some((c) => c.cmd.startsWith('plugin:'))).toBe(false);
    expect(screen.getByTestId('export-saved').textContent).toContain('/home/you/coachlog-summary-2026-10.md');
    expect(toasts.list.map((t) => t.message)).toContain('Saved the October 2026 summary (Markdown) to /home/you/coachlog-summary-2026-10.md.');
  });

  it('says nothing when the leader cancels the Save dialog', async () => {
    saveAnswer = null;
    render(Export, { id: null, query: {} });
    await screen.findByTestId('export-rendered');
    await fireEvent.click(screen.getByTestId('export-save'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'summary_save')).toBe(true));
    await waitFor(() => expect((screen.getByTestId('export-save') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId('export-saved')).toBeNull();
    expect(toasts.list).toEqual([]);
  });

  it('falls back to the previous month for an impossible month in the route', async () => {
    render(Export, { id: null, query: { month: '2026-13' } });
    await screen.findByTestId('export-rendered');
    expect(previews()[0].month).toBe('2026-10');
  });

  it('shows the core’s message when the summary cannot be built', async () => {
    mockIPC((cmd) => {
      if (cmd === 'summary_preview') throw { kind: 'corrupt', message: 'The database is damaged.' };
      return [];
    });
    render(Export, { id: null, query: { month: '2026-09' } });
    expect((await screen.findByTestId('export-error')).textContent).toBe('The database is damaged.');
    expect(toasts.list.find((t) => t.tone === 'error')?.message).toBe('The database is damaged.');
  });
});
