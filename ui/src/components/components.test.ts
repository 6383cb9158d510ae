import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { showError, toasts } from '$lib/toasts.svelte';
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
