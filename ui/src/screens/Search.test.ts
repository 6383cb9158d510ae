/** Search results show the core's snippet parts as text, matches in <mark>. */
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { router, startRouter } from '$lib/router.svelte';
import { toasts } from '$lib/toasts.svelte';
import type { Hit } from '$lib/types';
import Search from './Search.svelte';

afterEach(() => {
  clearMocks();
  toasts.list = [];
});

const hostile: Hit = {
  kind: 'one_on_one',
  id: 7,
  person_id: 3,
  person: 'Jane Doe',
  date: '2026-05-14',
  snippet: 'Pasted <img src=x onerror="window.pwned = 1"> and **x** about the roadmap',
  parts: [
    { text: 'Pasted <img src=x onerror="window.pwned = 1"> and ', matched: false },
    { text: '**x**', matched: true },
    { text: ' about the ', matched: false },
    { text: 'roadmap', matched: true },
  ],
};

describe('Search', () => {
  it('shows a snippet with <img onerror> and **x** literally, the matches marked', async () => {
    mockIPC((cmd) => (cmd === 'search' ? [hostile] : null));
    render(Search, { id: null, query: {} });
    const box = screen.getByTestId('search-input');
    await fireEvent.input(box, { target: { value: 'roadmap' } });
    await fireEvent.submit(box.closest('form')!);
    const snippet = await screen.findByTestId('search-snippet');
    expect(snippet.textContent).toBe('Pasted <img src=x onerror="window.pwned = 1"> and **x** about the roadmap');
    expect(snippet.querySelector('img, strong, em, b')).toBeNull();
    expect([...snippet.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['**x**', 'roadmap']);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('counts the results, and at the limit says how a very common word is ranked', async () => {
    let found = 3;
    const asked: number[] = [];
    mockIPC((cmd, payload) => {
      if (cmd !== 'search') return null;
      asked.push((payload as { limit: number }).limit);
      return Array.from({ length: found }, (_, i) => ({ ...hostile, id: i + 1 }));
    });
    render(Search, { id: null, query: {} });
    const box = screen.getByTestId('search-input');
    await fireEvent.input(box, { target: { value: 'roadmap' } });
    await fireEvent.submit(box.closest('form')!);
    await waitFor(() => expect(screen.getByTestId('search-count').textContent).toMatch(/^\s*3 results for “roadmap”\s*$/));
    found = 50;
    await fireEvent.input(box, { target: { value: 'customer' } });
    await fireEvent.submit(box.closest('form')!);
    await waitFor(() =>
      expect(screen.getByTestId('search-count').textContent).toContain('The 50 best results for “customer”.'),
    );
    const said = screen.getByTestId('search-count').textContent!.replace(/\s+/g, ' ');
    expect(said).toContain('is ranked among the newest 5,000 of them; add a word to narrow the search.');
    expect(asked).toEqual([50, 50]);
  });

  it('follows a new ?q= in the route while already on Search', async () => {
    const asked: string[] = [];
    mockIPC((cmd, payload) => {
      if (cmd !== 'search') return null;
      const q = (payload as { text: string }).text;
      asked.push(q);
      return q === 'roadmap' ? [hostile] : [];
    });
    location.hash = '#/search?q=pricing';
    startRouter();
    // Rendered as App does: the same component, its query prop following the router.
    render(Search, {
      id: null,
      get query() {
        return router.route.query;
      },
    });
    expect(await screen.findByTestId('search-empty')).toHaveProperty('textContent', expect.stringContaining('pricing'));
    location.hash = '#/search?q=roadmap';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await screen.findByTestId('search-result');
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('roadmap');
    expect(asked).toEqual(['pricing', 'roadmap']);
    await waitFor(() => expect(location.hash).toBe('#/search?q=roadmap'));
  });
});
