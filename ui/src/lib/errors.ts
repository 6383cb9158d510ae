/**
 * Errors as the UI shows them. Commands reject with `{ kind, message }`;
 * anything else thrown (a JS `Error`, a string from the IPC layer) is turned
 * into the same shape so every error has a message to show and a kind to
 * branch on.
 */
import type { CommandError, ErrorKind } from './types';

const KINDS: readonly ErrorKind[] = [
  'invalid',
  'not_found',
  'conflict',
  'schema_too_new',
  'corrupt',
  'io',
  'passphrase',
  'internal',
];

function isKind(k: unknown): k is ErrorKind {
  return typeof k === 'string' && (KINDS as readonly string[]).includes(k);
}

/** Normalises anything thrown into `{ kind, message }`. */
export function toCommandError(e: unknown): CommandError {
  if (e && typeof e === 'object' && 'message' in e) {
    const message = String((e as { message: unknown }).message ?? '').trim();
    const kind = (e as { kind?: unknown }).kind;
    if (isKind(kind)) return { kind, message: message || fallbackMessage(kind) };
    return { kind: 'internal', message: message || fallbackMessage('internal') };
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
  switch (kind) {
    case 'invalid':
      return 'Some of what was entered is not valid.';
    case 'not_found':
      return 'That record no longer exists.';
    case 'conflict':
      return 'That conflicts with a record that already exists.';
    case 'schema_too_new':
      return 'This database was written by a newer Coachlog; update the app to open it.';
    case 'corrupt':
      return 'The database looks damaged; restore it from a backup.';
    case 'io':
      return 'The database file could not be read or written.';
    case 'passphrase':
      return 'The database is encrypted; its passphrase is missing or wrong.';
    case 'internal':
      return 'Something went wrong inside Coachlog.';
  }
}

/** A heading for an error of this kind, shown above the message. */
export function errorTitle(kind: ErrorKind): string {
  switch (kind) {
    case 'invalid':
      return 'Please check your input';
    case 'not_found':
      return 'Not found';
    case 'conflict':
      return 'Already exists';
    case 'schema_too_new':
      return 'Database from a newer version';
    case 'corrupt':
      return 'Database damaged';
    case 'io':
      return 'Could not use the database file';
    case 'passphrase':
      return 'Passphrase needed';
    case 'internal':
      return 'Something went wrong';
  }
}
