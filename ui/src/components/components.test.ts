import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { showError, toasts } from '$lib/toasts.svelte';
import FormDialog from './FormDialog.svelte';
import Markdown from './Markdown.svelte';
import Toasts from './Toasts.svelte';

afterEach(() => {
  toasts.list = [];
});

describe('Markdown', () => {
  it('shows a hostile note as text, with nothing executable in the DOM', () => {
    const source = 'Hi <script>window.pwned = 1</script> <img src=x onerror="window.pwned = 2"> [x](javascript:alert(1))';
    render(Markdown, { source, testid: 'md' });
    const el = screen.getByTestId('md');
    expect(el.querySelector('script, img')).toBeNull();
    expect(el.textContent).toContain('<script>window.pwned = 1</script>');
    expect(el.textContent).toContain('onerror');
    expect(el.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('Toasts', () => {
  it('shows the message of a command error under its kind', async () => {
    render(Toasts);
    showError({ kind: 'conflict', message: 'Jane Doe is already on the team.' });
    const msg = await screen.findByTestId('error-message');
    expect(msg.textContent).toBe('Jane Doe is already on the team.');
    expect(screen.getByRole('alert').textContent).toContain('Already exists');
  });

  it('shows errors thrown as plain strings too', async () => {
    render(Toasts);
    showError('command person_frob not allowed');
    expect((await screen.findByTestId('error-message')).textContent).toBe('command person_frob not allowed');
  });
});

describe('FormDialog', () => {
  const body = createRawSnippet(() => ({ render: () => '<input data-testid="fd-field" />' }));

  it('saves once at a time (Enter or Ctrl+Enter), and shows what the save threw', async () => {
    let calls = 0;
    let fail: () => void = () => {};
    const save = () => {
      calls++;
      return new Promise<void>((_, reject) => {
        fail = () => reject({ kind: 'conflict', message: 'Jane Doe is already on the team.' });
      });
    };
    render(FormDialog, { title: 'Add', onclose: () => {}, save, submitLabel: 'Save', submitTestid: 'fd-save', children: body });
    const button = screen.getByTestId('fd-save') as HTMLButtonElement;
    await fireEvent.keyDown(screen.getByTestId('fd-field'), { key: 'Enter', ctrlKey: true });
    expect(calls).toBe(1);
    expect(button.disabled).toBe(true);
    await fireEvent.submit(button.form!);
    expect(calls).toBe(1);
    fail();
    await waitFor(() => expect(button.disabled).toBe(false));
    expect(toasts.list.map((t) => t.message)).toEqual(['Jane Doe is already on the team.']);
  });

  it('leaves Ctrl+Enter alone when told to, and does not submit what cannot be', async () => {
    let calls = 0;
    const save = async () => {
      calls++;
    };
    const { rerender } = render(FormDialog, { title: 'Close', onclose: () => {}, save, submitLabel: 'Close requisition', ctrlEnter: false, children: body });
    const key = new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true });
    screen.getByTestId('fd-field').dispatchEvent(key);
    expect(key.defaultPrevented).toBe(false);
    expect(calls).toBe(0);
    await rerender({ canSubmit: false });
    await fireEvent.submit(screen.getByTestId('fd-field').closest('form')!);
    expect(calls).toBe(0);
    expect((screen.getByRole('button', { name: 'Close requisition' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
