/**
 * The overdue review in the app, against the mock backend's demo team:
 * Today lists the nudges grouped by practice with one-click actions, snooze
 * and dismiss (with Undo); the release calendar; the Team screen's coverage
 * grid; the notification settings.
 */
import { clearMocks } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { installMockBackend, type MockDb } from '../dev/mockBackend';
import { demoDb, go, resetApp } from '../test/app';

const TODAY = '2026-05-14'; // a Thursday

let db: MockDb;

beforeEach(async () => {
  resetApp();
  db = demoDb(TODAY);
  installMockBackend(db);
  await go('#/today');
});

afterEach(() => {
  clearMocks();
});

const item = (key: string) => screen.queryAllByTestId('nudge-item').find((el) => el.dataset.key === key) ?? null;

async function today() {
  render(App);
  const list = await screen.findByTestId('nudge-list');
  await waitFor(() => expect(within(list).getAllByTestId('nudge-item').length).toBeGreaterThan(3));
  return list;
}

describe('Today', () => {
  it('lists the nudges grouped by practice, most overdue first, with their due words', async () => {
    const list = await today();
    const headings = [...list.querySelectorAll('h3')].map((h) => h.textContent?.replace(/\s+/g, ' ').trim());
    // Zoë's 1:1 (53 days) leads; the April updates (28 days) next, then the hiring loop (13)…
    expect(headings.slice(0, 3)).toEqual(['1:1s · 2', 'Updates · 7', 'Hiring loops · 1']);
    const oneOnOnes = within(list.querySelectorAll('section.group')[0] as HTMLElement).getAllByTestId('nudge-item');
    expect(oneOnOnes.map((el) => el.dataset.key)).toEqual(['one_on_one:3:2026-03-22', 'one_on_one:1:2026-05-12']);
    expect(oneOnOnes[0].textContent).toContain('53 days overdue');
    expect(oneOnOnes[0].textContent).toContain('Due Sun 22 Mar 2026');
    expect(item('action:22')?.textContent).toContain('due in 2 days');
    // Logging the 1:1 opens Log a 1:1 with the person picked.
    expect(within(oneOnOnes[1]).getByTestId('nudge-act').getAttribute('href')).toBe('#/log/1');
  });

  it('shows the next release day and the two after it', async () => {
    await today();
    expect(screen.getByTestId('next-release').textContent?.replace(/\s+/g, ' ').trim()).toBe('Next release 19.0 · Thu 21 May · in 7 days');
    expect(screen.getByTestId('later-releases').textContent?.replace(/\s+/g, ' ')).toContain('19.1 · Thu 18 Jun · in 35 days');
  });

  it('closes a request in one click; the list refreshes without it', async () => {
    await today();
    await fireEvent.click(within(item('request:20')!).getByTestId('nudge-act'));
    await waitFor(() => expect(item('request:20')).toBeNull());
    expect(db.items.find((i) => i.id === 20)).toMatchObject({ close_tag: 'done', closed_on: TODAY });
    expect(screen.getByTestId('notice').textContent).toContain('Closed Jane Doe’s request as DONE.');
  });

  it('closes an action with another tag from the small menu', async () => {
    await today();
    await fireEvent.change(within(item('action:21')!).getByTestId('nudge-close-tag'), { target: { value: 'wont' } });
    await waitFor(() => expect(item('action:21')).toBeNull());
    expect(db.items.find((i) => i.id === 21)?.close_tag).toBe('wont');
  });

  it('records a check-in, marks an update done and shares a win', async () => {
    await today();
    await fireEvent.click(within(item('customer_epic:40:2026-05-09')!).getByTestId('nudge-act'));
    await waitFor(() => expect(item('customer_epic:40:2026-05-09')).toBeNull());
    // The check-in with the epic updated answers both of the link's nudges.
    expect(item('customer_check_in:40:2026-05-09')).toBeNull();
    expect(db.checkIns.at(-1)).toMatchObject({ link_id: 40, date: TODAY, epic_updated: true });

    await fireEvent.click(within(item('update:2:next_release:2026-04')!).getByTestId('nudge-act'));
    await waitFor(() => expect(item('update:2:next_release:2026-04')).toBeNull());
    expect(db.updates.at(-1)).toMatchObject({ person_id: 2, kind: 'next_release', period: '2026-04', status: 'done', done_on: TODAY });

    await fireEvent.click(within(item('win_unshared:70')!).getByTestId('nudge-act'));
    await waitFor(() => expect(item('win_unshared:70')).toBeNull());
    expect(db.wins[0].shared_on).toBe(TODAY);
  });

  it('dismisses with Undo', async () => {
    await today();
    await fireEvent.click(within(item('hiring_peer:50')!).getByTestId('nudge-dismiss'));
    await waitFor(() => expect(item('hiring_peer:50')).toBeNull());
    expect(db.nudgeState['hiring_peer:50']).toMatchObject({ dismissed: true });
    await fireEvent.click(screen.getByTestId('notice-action'));
    await waitFor(() => expect(item('hiring_peer:50')).not.toBeNull());
    expect(db.nudgeState['hiring_peer:50']).toBeUndefined();
  });

  it('snoozes until a chosen day, with quick picks', async () => {
    await today();
    await fireEvent.click(within(item('win_unshared:70')!).getByTestId('nudge-snooze'));
    const dialog = await screen.findByTestId('snooze-dialog');
    const until = within(dialog).getByTestId('snooze-until') as HTMLInputElement;
    expect(until.value).toBe('2026-05-16'); // "3 days": back on Sunday the 17th
    await fireEvent.click(within(dialog).getByText('next Monday'));
    expect(until.value).toBe('2026-05-17');
    expect(dialog.textContent).toContain('It comes back on Mon 18 May 2026.');
    await fireEvent.input(until, { target: { value: '2026-05-13' } });
    expect((within(dialog).getByTestId('snooze-confirm') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(until, { target: { value: '2026-05-20' } });
    await fireEvent.click(within(dialog).getByTestId('snooze-confirm'));
    await waitFor(() => expect(item('win_unshared:70')).toBeNull());
    expect(db.nudgeState['win_unshared:70']).toEqual({ key: 'win_unshared:70', snoozed_until: '2026-05-20', dismissed: false });
    expect(screen.queryByTestId('snooze-dialog')).toBeNull();
  });
});

describe('Team', () => {
  it('shows the coverage grid with words, icons and the worst message', async () => {
    await go('#/team');
    render(App);
    const grid = await screen.findByTestId('coverage-grid');
    const rows = within(grid).getAllByTestId('coverage-row');
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual(['Dmitri Janssen', 'Jane Doe', 'Zoë Ng']);
    const cell = (row: number, practice: string) => within(rows[row]).getAllByTestId('coverage-cell').find((c) => c.dataset.practice === practice)!;
    const jane = cell(1, 'one_on_one');
    expect(jane.dataset.status).toBe('overdue');
    expect(jane.classList.contains('cov-overdue')).toBe(true);
    expect(jane.querySelector('.label')?.textContent).toBe('1 overdue');
    expect(within(jane).getByTestId('coverage-tip').textContent).toBe('1:1 with Jane Doe is 2 days overdue (last held 2026-05-05; due 2026-05-12).');
    expect(cell(0, 'customers')).toMatchObject({ dataset: { status: 'not_applicable' } });
    expect(cell(0, 'customers').querySelector('.label')?.textContent).toBe('n/a');
    expect(cell(1, 'actions').classList.contains('cov-overdue')).toBe(true);
    expect(cell(2, 'requests').querySelector('.label')?.textContent).toBe('On track');
    expect(cell(2, 'requests').classList.contains('cov-ok')).toBe(true);
  });
});

describe('Settings', () => {
  it('turns notifications off with a toggle and sets their time', async () => {
    await go('#/settings');
    render(App);
    const toggle = (await screen.findByTestId('setting-notifications')) as HTMLInputElement;
    expect(toggle.type).toBe('checkbox');
    expect(toggle.checked).toBe(true);
    await fireEvent.click(toggle);
    await waitFor(() => expect(db.settings.notifications).toBe('off'));
    const time = screen.getByTestId('setting-notify_at') as HTMLInputElement;
    expect(time.type).toBe('time');
    expect(time.value).toBe('09:00');
    await fireEvent.input(time, { target: { value: '17:45' } });
    await fireEvent.click(screen.getByTestId('setting-save-notify_at'));
    await waitFor(() => expect(db.settings.notify_at).toBe('17:45'));
  });
});
