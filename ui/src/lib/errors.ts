/**
 * Errors as the UI shows them: the one place that turns anything thrown into
 * `{ kind, message }`. Commands reject with `{ kind, message }` (`api.ts`
 * wraps that in an `ApiError` through `toCommandError`); anything else thrown
 * (a JS `Error`, a string from the IPC layer, JSON-encoded or not) is turned
 * into the same shape so every error has a message to show and a kind to
 * branch on.
 */
import type { CommandError, ErrorKind } from './types';

/**
 * Every kind the core sends (`ErrorKind`, generated from Rust), with the
 * heading shown above its message and the message used when none came. A
 * `Record` over `ErrorKind`, so a kind added in Rust fails the type check
 * until it has its words here.
 */
const KINDS: Record<ErrorKind, { title: string; fallback: string }> = {
  invalid: { title: 'Please check your input', fallback: 'Some of what was entered is not valid.' },
  not_found: { title: 'Not found', fallback: 'That record no longer exists.' },
  conflict: { title: 'Already exists', fallback: 'That conflicts with a record that already exists.' },
  schema_too_new: {
    title: 'Database from a newer version',
    fallback: 'This database was written by a newer Coachlog; update the app to open it.',
  },
  corrupt: { title: 'Database damaged', fallback: 'The database looks damaged; restore it from a backup.' },
  io: { title: 'Could not use the database file', fallback: 'The database file could not be read or written.' },
  passphrase: { title: 'Passphrase needed', fallback: 'The database is encrypted; its passphrase is missing or wrong.' },
  // The leader said no in a native dialog raised by Rust: never shown as an
  // error (`showError` drops it, see `isCancelled`); the words are for a log.
  cancelled: { title: 'Cancelled', fallback: 'You cancelled it; nothing was changed.' },
  internal: { title: 'Something went wrong', fallback: 'Something went wrong inside Coachlog.' },
};

function isKind(k: unknown): k is ErrorKind {
  return typeof k === 'string' && Object.hasOwn(KINDS, k);
}

/** Normalises anything thrown into `{ kind, message }`. */
export function toCommandError(e: unknown): CommandError {
  if (e && typeof e === 'object' && 'message' in e) {
    const message = String((e as { message: unknown }).message ?? '').trim();
    const raw = (e as { kind?: unknown }).kind;
    const kind = isKind(raw) ? raw : 'internal';
    return { kind, message: message || fallbackMessage(kind) };
  }
  if (typeof e === 'string' && e.trim() !== '') {
    // A JSON-encoded error, as some IPC layers send it.
    try {
      const parsed: unknown = JSON.parse(e);
      if (parsed && typeof parsed === 'object' && 'message' in parsed) return toCommandError(parsed);
    } catch {
      /* plain text */
    }
    return { kind: 'internal', message: e.trim() };
  }
  return { kind: 'internal', message: fallbackMessage('internal') };
}

/** A message for an error that came without one. */
export function fallbackMessage(kind: ErrorKind): string {
  return KINDS[kind].fallback;
}

/**
 * Whether `e` is the leader's "no" in a native dialog (Save, or a
 * confirmation raised by Rust): nothing was done and nothing is to be said.
 */
export function isCancelled(e: unknown): boolean {
  return toCommandError(e).kind === 'cancelled';
}

/** A heading for an error of this kind, shown above the message. */
export function errorTitle(kind: ErrorKind): string {
  return KINDS[kind].title;
}
