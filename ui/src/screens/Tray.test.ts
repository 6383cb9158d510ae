/**
 * Settings → Desktop, "Start at login in the tray", against the mock
 * backend: the switch shows whether the login entry is there, turns it on
 * and off through the shell, and stays as it was when the shell refuses.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { toasts } from '$lib/toasts.svelte';
import { demoBackend, go } from '../test/app';

const backend = demoBackend();
const { install, called } = backend;

beforeEach(async () => {
  await go('#/settings');
});

async function traySwitch(): Promise<HTMLInputElement> {
  render(App);
  const input = await screen.findByTestId<HTMLInputElement>('tray-at-login', {}, { timeout: 5000 });
  await waitFor(() => expect(input.disabled).toBe(false));
  return input;
}

describe('Settings → Start at login in the tray', () => {
  it('shows the login entry as the shell finds it', async () => {
    install();
    backend.db().trayAtLogin = true;
    const input = await traySwitch();
    expect(input.checked).toBe(true);
  });

  it('turns it on, then off, through the shell', async () => {
    install();
    const input = await traySwitch();
    expect(input.checked).toBe(false);
    await fireEvent.click(input);
    await waitFor(() => expect(backend.db().trayAtLogin).toBe(true));
    expect(called('tray_at_login_set')).toEqual([{ enabled: true }]);
    await waitFor(() => expect(input.disabled).toBe(false));
    expect(input.checked).toBe(true);
    expect(toasts.list.at(-1)?.message).toBe('Coachlog will start at login in the tray.');
    await fireEvent.click(input);
    await waitFor(() => expect(backend.db().trayAtLogin).toBe(false));
    await waitFor(() => expect(input.disabled).toBe(false));
    expect(input.checked).toBe(false);
    expect(called('tray_at_login_set')).toEqual([{ enabled: true }, { enabled: false }]);
  });

  it('stays off and says why when the login entry cannot be written', async () => {
    install({
      tray_at_login_set: () => {
        throw { kind: 'internal', message: 'Coachlog could not write its start-at-login entry: denied.' };
      },
    });
    const input = await traySwitch();
    await fireEvent.click(input);
    await waitFor(() => expect(toasts.list.filter((t) => t.tone === 'error')).toHaveLength(1));
    expect(toasts.list.find((t) => t.tone === 'error')?.message).toContain('could not write');
    await waitFor(() => expect(input.disabled).toBe(false));
    expect(input.checked).toBe(false);
    expect(backend.db().trayAtLogin).toBe(false);
  });
});
