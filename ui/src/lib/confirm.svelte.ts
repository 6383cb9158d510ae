/** "Are you sure?" before anything is removed: one dialog, answered with a promise. */

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  resolve: (ok: boolean) => void;
}

export const confirmState = $state<{ request: ConfirmRequest | null }>({ request: null });

/** Asks the leader to confirm; resolves true on confirm, false on cancel or Esc. */
export function askConfirm(title: string, message: string, confirmLabel = 'Remove'): Promise<boolean> {
  confirmState.request?.resolve(false);
  return new Promise((resolve) => {
    confirmState.request = { title, message, confirmLabel, resolve };
  });
}

/** Answers the open request. */
export function answerConfirm(ok: boolean): void {
  const r = confirmState.request;
  confirmState.request = null;
  r?.resolve(ok);
}
