/**
 * Keeping the window in step with the command line: the `coachlog` CLI may
 * write to the same database while the app is open. The shell's
 * `data_version` changes when another program wrote (the app's own writes
 * leave it as it is); when it has, `reloadScreens` re-reads the shared state
 * and has the screen on show read its records again — forms keep what is
 * typed in them.
 *
 * It is asked every `POLL_MS` while the window is visible, and at once when
 * the window gets the focus back or becomes visible again.
 */
import * as api from './api';
import { reloadScreens } from './app.svelte';

/** How often `data_version` is asked while the window is visible. */
export const POLL_MS = 1500;

/** Starts watching `data_version`; returns what stops it. */
export function watchDataVersion(): () => void {
  let last: number | null = null;
  let checking = false;
  let stopped = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  const visible = () => document.visibilityState !== 'hidden';

  async function check() {
    if (checking || stopped || !visible()) return;
    checking = true;
    try {
      const v = await api.dataVersion();
      const changed = last !== null && v !== last;
      last = v;
      if (changed && !stopped) await reloadScreens();
    } catch {
      /* asked again at the next tick */
    } finally {
      checking = false;
    }
  }

  function poll() {
    clearInterval(timer);
    timer = visible() ? setInterval(() => void check(), POLL_MS) : undefined;
  }

  function onVisibility() {
    poll();
    void check();
  }
  function onFocus() {
    void check();
  }

  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('focus', onFocus);
  poll();
  void check();

  return () => {
    stopped = true;
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('focus', onFocus);
  };
}
