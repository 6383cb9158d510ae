/**
 * Deleting any record, the one way every screen does it: to the Trash, with
 * what goes with it, then a notice saying what went with an Undo that puts
 * it all back. A person takes all their records, so the leader confirms
 * first, told how many; every other kind goes at once (Undo covers it).
 */
import * as api from './api';
import { personName, reloadScreens, settingNumber } from './app.svelte';
import { askConfirm } from './confirm.svelte';
import { plural } from './format';
import { othersCount, withIt, withText } from './kinds';
import type { TrashEntry } from './bindings';
import { clearErrors, notify, showError } from './toasts.svelte';
import type { RecordKind } from './types';

/** How long the notice with its Undo stays. */
const UNDO_MS = 10_000;

/** The days a deleted record stays in the Trash (the `trash_days` setting). */
export function trashDays(): number {
  return settingNumber('trash_days', 30);
}

/** Asks before deleting a person, naming how many records go with them. */
async function confirmPersonDelete(id: number): Promise<boolean> {
  const counts = await api.recordDeletePreview('person', id);
  const name = personName(id);
  const others = othersCount('person', counts);
  const what = others ? ` and their ${plural(others, 'record')} — ${withIt('person', counts).join(', ')}` : '';
  return askConfirm(
    `Delete ${name}?`,
    `Delete ${name}${what}? They stay in the Trash for ${trashDays()} days (Settings → Trash).`,
    'Delete',
  );
}

/**
 * Deletes record `id` of `kind` to the Trash (a person after the leader
 * confirms). `done` runs once it is gone (close its dialog, leave its page),
 * then every screen reloads. Answers the Trash entry, or null when nothing
 * was deleted (the leader said no, or it failed: the error is shown).
 */
export async function deleteRecord(kind: RecordKind, id: number, done?: () => void): Promise<TrashEntry | null> {
  try {
    if (kind === 'person' && !(await confirmPersonDelete(id))) return null;
    const entry = await api.recordDelete(kind, id);
    done?.();
    clearErrors();
    notify(`Moved ${entry.label} to the Trash${withText(entry.kind, entry.records)}.`, { label: 'Undo', run: () => void restoreEntry(entry) }, UNDO_MS);
    await reloadScreens();
    return entry;
  } catch (e) {
    showError(e);
    return null;
  }
}

/**
 * Puts a Trash entry back (Undo, or Restore in Settings → Trash), then every
 * screen reloads; a restore the core refuses (`conflict`, e.g. its person is
 * in the Trash too) shows its message. Answers whether it was restored.
 */
export async function restoreEntry(entry: TrashEntry): Promise<boolean> {
  try {
    await api.trashRestore(entry.id);
    clearErrors();
    notify(`Restored ${entry.label}.`);
    await reloadScreens();
    return true;
  } catch (e) {
    showError(e);
    return false;
  }
}
