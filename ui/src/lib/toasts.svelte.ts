/**
 * Toasts: short-lived messages at the bottom of the window. Errors stay until
 * dismissed; notices fade after a few seconds and may carry one action
 * (e.g. "Undo" after archiving).
 */
import { toCommandError } from './errors';
import type { CommandError } from './types';

export interface Toast {
  id: number;
  tone: 'error' | 'notice';
  message: string;
  error?: CommandError;
  action?: { label: string; run: () => void | Promise<void> };
}

let nextId = 1;
/** Expiry timers of notices, by toast id (plain data: nothing renders from it). */
const timers: Record<number, ReturnType<typeof setTimeout>> = {};

export const toasts = $state<{ list: Toast[] }>({ list: [] });

/**
 * Shows an error from a failed command (anything thrown is accepted). Returns
 * it normalised. A `cancelled` (the leader said no in a native dialog) is
 * not an error: nothing is shown.
 */
export function showError(e: unknown): CommandError {
  const error = toCommandError(e);
  if (error.kind === 'cancelled') return error;
  // One error at a time: the newest replaces older ones, so the message is never stale.
  toasts.list = toasts.list.filter((t) => t.tone !== 'error');
  toasts.list.push({ id: nextId++, tone: 'error', message: error.message, error });
  return error;
}

/** Shows a notice, optionally with one action, for `ms` milliseconds. */
export function notify(message: string, action?: Toast['action'], ms = 6000): number {
  const id = nextId++;
  toasts.list.push({ id, tone: 'notice', message, action });
  timers[id] = setTimeout(() => dismiss(id), ms);
  return id;
}

/** Removes a toast. */
export function dismiss(id: number): void {
  clearTimeout(timers[id]);
  delete timers[id];
  toasts.list = toasts.list.filter((x) => x.id !== id);
}

/** Removes every error toast (e.g. after a successful retry). */
export function clearErrors(): void {
  toasts.list = toasts.list.filter((t) => t.tone !== 'error');
}

/**
 * Writes `text` to the clipboard and says `copied` when it is there, or shows
 * why it is not (`instead`, when given, says what to do then). Call it from
 * the click itself: WebKit refuses a clipboard write after an await.
 */
export function copyToClipboard(text: string, copied: string, instead?: string): void {
  const then = instead ? `; ${instead}` : '';
  if (!navigator.clipboard) {
    showError({ kind: 'internal', message: `The clipboard is not available here${then}.` });
    return;
  }
  navigator.clipboard.writeText(text).then(
    () => {
      clearErrors();
      notify(copied);
    },
    (e: unknown) =>
      showError({
        kind: 'internal',
        message: `Could not copy to the clipboard (${e instanceof Error ? e.message : String(e)})${then}.`,
      }),
  );
}
