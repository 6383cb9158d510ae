import { describe, expect, it } from 'vitest';
import { formatBytes, formatTime, KIND_LABELS, latestBackup, restorable } from './backups';
import type { BackupFile } from './types';

const backup = (taken_at: string, kind: BackupFile['kind'] = 'rolling'): BackupFile => ({
  path: `/data/backups/coachlog-${taken_at}.sqlite`,
  taken_at,
  bytes: 196608,
  kind,
});

describe('backups', () => {
  it('shows the time in local time, to the minute', () => {
    const d = new Date(2026, 10, 27, 9, 5, 41);
    expect(formatTime(d.toISOString())).toBe('27 Nov 2026, 09:05');
    expect(formatTime(d.toISOString(), true)).toBe('27 Nov 2026, 09:05:41');
    expect(formatTime('not a time')).toBe('not a time');
  });

  it('shows sizes in bytes, KB or MB', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(196608)).toBe('192 KB');
    expect(formatBytes(2.45 * 1024 * 1024)).toBe('2.5 MB');
    expect(formatBytes(48 * 1024 * 1024)).toBe('48 MB');
  });

  it('offers the newest backup of the rolling set as the latest', () => {
    const list = [
      backup('2026-11-27T10:00:00Z', 'before_restore'),
      backup('2026-11-27T09:30:00Z', 'damaged'),
      backup('2026-11-27T09:00:00Z'),
      backup('2026-11-26T09:00:00Z'),
    ];
    expect(latestBackup(list)).toBe(list[2]);
    expect(latestBackup(list.slice(0, 2))).toBeNull();
    expect(list.map(restorable)).toEqual([true, false, true, true]);
    expect(KIND_LABELS.damaged).toContain('rescue');
  });
});
