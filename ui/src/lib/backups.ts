/**
 * Words for backups: when one was taken (local time), its size, its kind,
 * and which one "Restore the latest backup" means. (What a restore does to
 * the notes, the shell says in its own confirmation.)
 */
import type { BackupFile, BackupKind } from './types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A UTC time (`2026-11-27T09:30:05Z`) in the computer's time zone:
 * `27 Nov 2026, 10:30`, or `27 Nov 2026, 10:30:05` with `seconds` (the list,
 * where two backups may share a minute).
 */
export function formatTime(iso: string, seconds = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = `${two(d.getHours())}:${two(d.getMinutes())}${seconds ? `:${two(d.getSeconds())}` : ''}`;
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${time}`;
}

/** `812 bytes`, `188 KB`, `2.4 MB` (1 KB = 1024 bytes). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  const mb = n / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** What each kind of file in the backups folder is, for the list. */
export const KIND_LABELS: Record<BackupKind, string> = {
  rolling: 'Backup',
  before_restore: 'Before a restore',
  damaged: 'Damaged copy (for rescue only)',
};

/** Whether a backup can be restored (a damaged copy cannot, as it is). */
export function restorable(b: BackupFile): boolean {
  return b.kind !== 'damaged';
}

/** The backup "Restore the latest backup" means: the newest of the rolling set, as `coachlog restore --latest`. */
export function latestBackup(list: readonly BackupFile[]): BackupFile | null {
  return list.find((b) => b.kind === 'rolling') ?? null;
}
