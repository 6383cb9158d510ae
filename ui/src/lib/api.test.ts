import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import * as api from './api';
import { ApiError } from './api';

afterEach(() => clearMocks());

/** Records the calls made through IPC and answers them with `answer`. */
function record(answer: (cmd: string, args: unknown) => unknown) {
  const calls: { cmd: string; args: unknown }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    return answer(cmd, args);
  });
  return calls;
}

describe('api', () => {
  it('calls the Rust command with camelCase argument names', async () => {
    const calls = record(() => []);
    await api.peopleList(true);
    await api.agendaList(3, true, null);
    await api.agendaClose(5, 'done', '2026-02-02', null);
    expect(calls).toEqual([
      { cmd: 'people_list', args: { includeArchived: true } },
      { cmd: 'agenda_list', args: { personId: 3, open: true, tag: null } },
      { cmd: 'agenda_close', args: { id: 5, tag: 'done', on: '2026-02-02', inOneOnOne: null } },
    ]);
  });

  it('sends the place a win was shared as `place`', async () => {
    const calls = record(() => ({}));
    await api.winShare(2, '2026-02-05', 'staff meeting');
    expect(calls[0]).toEqual({
      cmd: 'win_share',
      args: { id: 2, on: '2026-02-05', place: 'staff meeting' },
    });
  });

  it('passes a missing search limit as null (the command defaults it)', async () => {
    const calls = record(() => []);
    await api.search('roadmap');
    expect(calls[0].args).toEqual({ text: 'roadmap', limit: null });
  });

  it('returns what the command answers', async () => {
    record(() => ({ id: 1, name: 'Ada' }));
    await expect(api.personGet(1)).resolves.toEqual({ id: 1, name: 'Ada' });
  });

  it('rethrows a core error as an ApiError with its kind and message', async () => {
    record(() => {
      throw { kind: 'not_found', message: 'There is no person with id 999.' };
    });
    const error = await api.personGet(999).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ kind: 'not_found', message: 'There is no person with id 999.' });
  });

  it('turns Tauri string errors and unknown kinds into internal ApiErrors', async () => {
    record(() => {
      throw 'invalid args `id` for command `person_get`';
    });
    await expect(api.personGet(1)).rejects.toMatchObject({
      name: 'ApiError',
      kind: 'internal',
      message: 'invalid args `id` for command `person_get`',
    });
    record(() => {
      throw { kind: 'weird', message: 'x' };
    });
    await expect(api.personGet(1)).rejects.toMatchObject({ kind: 'internal', message: 'x' });
  });

  it('reads errors the way toCommandError does: JSON-encoded, and never with an empty message', async () => {
    record(() => {
      throw '{"kind":"conflict","message":"Jane Doe is already on the team."}';
    });
    await expect(api.personGet(1)).rejects.toMatchObject({ kind: 'conflict', message: 'Jane Doe is already on the team.' });
    record(() => {
      throw { kind: 'io', message: '' };
    });
    await expect(api.personGet(1)).rejects.toMatchObject({ kind: 'io', message: 'The database file could not be read or written.' });
  });
});
