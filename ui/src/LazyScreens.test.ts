/**
 * Screens other than Today are separate chunks (App.svelte): a chunk that
 * fails to load shows an alert with "Try again" instead of a blank screen,
 * and trying again loads it.
 */
import { clearMocks } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { installMockBackend } from './dev/mockBackend';
import { demoDb, go, resetApp } from './test/app';

const chunk = vi.hoisted(() => ({ fail: true }));

vi.mock('./screens/Wins.svelte', async (importOriginal) => {
  if (chunk.fail) throw new Error('Failed to fetch dynamically imported module');
  return importOriginal();
});

beforeEach(async () => {
  resetApp();
  installMockBackend(demoDb());
  await go('#/today');
});

afterEach(() => {
  clearMocks();
});

describe('a screen loaded on demand', () => {
  it('shows an alert when its chunk fails, and loads on "Try again"', async () => {
    render(App);
    await screen.findByTestId('screen-today');
    await go('#/wins');
    const alert = await screen.findByTestId('screen-load-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('could not be loaded');
    chunk.fail = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('screen-wins')).toBeTruthy();
  });
});
