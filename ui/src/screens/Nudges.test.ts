/**
 * The overdue review in the app, against the mock backend's demo team (the
 * core's fixtures, on their day): Today lists the nudges grouped by practice
 * with one-click actions, snooze and dismiss (with Undo); the release
 * calendar; the Team screen's coverage grid; the notification settings.
 */
import { clearMocks } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { handle, type MockCommand, type MockDb } from '../dev/mockBackend';
import { backendLog, demoDb, go, resetApp, TODAY, type Overrides } from '../test/app';

let db: MockDb;
const { install } = backendLog(() => db);

beforeEach(async () => {
  resetApp();
  db = demoDb();
  install();
  await go('#/today');
});

afterEach(() => {
  clearMocks();
});

/**
 * The backend for acting on nudges: each command of `gone` runs as the mock
 * backend does it, after which `overdue` answers without the keys listed —
 * what the core's rules answer then (they are tested in the core).
 */
function afterActing(gone: Partial<Record<MockCommand, string[]>>): void {
  const overrides: Overrides = {};
  for (const [cmd, keys] of Object.entries(gone) as [MockCommand, string[]][]) {
    overrides[cmd] = (a) => {
      db.answers.overdue = db.answers.overdue.filter((n) => !keys.includes(n.key));
      return handle(db, cmd, a);
    };
  }
  install(overrides);
}

const setting = (key: string) => db.answers.settings_list.find((s) => s.key === key)?.value;

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
    // Jonas's August update (99 days) leads; Priya's category epic (54) next, then her check-in (30)…
    expect(headings).toEqual([
      'Updates · 2',
      'Category epics · 6',
      'CDF reviews · 5',
      'Customer check-ins · 3',
      'Actions · 6',
      '1:1s · 3',
      'Requests · 1',
      'Wins to share · 2',
    ]);
    const oneOnOnes = within(list.querySelectorAll('section.group')[5] as HTMLElement).getAllByTestId('nudge-item');
    // Most overdue first, then by name.
    expect(oneOnOnes.map((el) => el.dataset.key)).toEqual(['one_on_one:2:2026-11-18', 'one_on_one:6:2026-11-30', 'one_on_one:4:2026-11-30']);
    expect(oneOnOnes[0].textContent).toContain('9 days overdue');
    expect(oneOnOnes[0].textContent).toContain('Due Wed 18 Nov 2026');
    expect(oneOnOnes[1].textContent).toContain('due in 3 days');
    expect(item('customer_epic:1:2026-11-28')?.textContent).toContain('due tomorrow');
    // Logging the 1:1 opens Log a 1:1 with the person picked.
    expect(within(oneOnOnes[0]).getByTestId('nudge-act').getAttribute('href')).toBe('#/log/2');
  });

  it('offers the one-click actions of rules 12 to 14: the CDF review, the career conversation, the skip-level', async () => {
    // The demo's fixtures hold CDF reviews overdue; a career conversation and a skip-level are set by the test.
    const base = db.answers.overdue.find((n) => n.key === 'cdf_review:1:2026-10-25')!;
    db.answers.overdue.push(
      { ...base, key: 'career_conversation:2:2026-11-01', rule: 'career_conversation', person_id: 2, person: 'Diego Hernández', message: 'Career conversation with Diego Hernández is 26 days overdue.' },
      { ...base, key: 'skip_level:9:2026-11-01', rule: 'skip_level', person_id: 9, person: 'Noor Haddad', message: 'Skip-level with Noor Haddad is 26 days overdue.' },
    );
    for (const s of db.answers.settings_list) if (s.key === 'career_tag') s.value = 'Career';
    const list = await today();
    const headings = [...list.querySelectorAll('h3')].map((h) => h.textContent?.replace(/\s+/g, ' ').trim());
    expect(headings).toContain('Career conversations · 1');
    expect(headings).toContain('Skip-levels · 1');
    const act = (key: string) => within(item(key)!).getByTestId('nudge-act');
    expect(act('cdf_review:1:2026-10-25').textContent).toBe('Record the CDF review');
    expect(act('cdf_review:1:2026-10-25').getAttribute('href')).toBe('#/person/1?cdf=new');
    expect(act('career_conversation:2:2026-11-01').textContent).toBe('Log the career conversation');
    expect(act('career_conversation:2:2026-11-01').getAttribute('href')).toBe('#/log/2?tag=Career');
    expect(act('skip_level:9:2026-11-01').textContent).toBe('Log the skip-level');
    expect(act('skip_level:9:2026-11-01').getAttribute('href')).toBe('#/log/9');
  });

  it('shows the next release day and the two after it', async () => {
    await today();
    expect(screen.getByTestId('next-release').textContent?.replace(/\s+/g, ' ').trim()).toBe('Next release 19.7 · Thu 17 Dec · in 20 days');
    expect(screen.getByTestId('later-releases').textContent?.replace(/\s+/g, ' ')).toContain('19.8 · Thu 21 Jan 2027 · in 55 days');
  });

  it('closes a request in one click; the list refreshes without it', async () => {
    afterActing({ agenda_close: ['request:97'] });
    await today();
    await fireEvent.click(within(item('request:97')!).getByTestId('nudge-act'));
    await waitFor(() => expect(item('request:97')).toBeNull());
    expect(db.answers.agenda_list.find((i) => i.id === 97)).toMatchObject({ close_tag: 'done', closed_on: TODAY, closed_in: null });
    expect(screen.getByTestId('notice').textContent).toContain('Closed Jonas Becker’s request as DONE.');
  });

  it('closes an action with another tag from the small menu', async () => {
    afterActing({ agenda_close: ['action:31'] });
    await today();
    await fireEvent.change(within(item('action:31')!).getByTestId('nudge-close-tag'), { target: { value: 'wont' } });
    await waitFor(() => expect(item('action:31')).toBeNull());
    expect(db.answers.agenda_list.find((i) => i.id === 31)).toMatchObject({ close_tag: 'wont', closed_on: TODAY });
  });

  it('records a check-in, marks an update done and shares a win', async () => {
    afterActing({
      // A check-in with the epic updated answers both of the link's nudges.
      check_in_add: ['customer_epic:4:2026-10-04', 'customer_check_in:4:2026-10-28'],
      update_add: ['update:5:next_release:2026-08'],
      win_share: ['win_unshared:3'],
    });
    await today();
    await fireEvent.click(within(item('customer_epic:4:2026-10-04')!).getByTestId('nudge-act'));
    await waitFor(() => expect(item('customer_epic:4:2026-10-04')).toBeNull());
    expect(item('customer_check_in:4:2026-10-28')).toBeNull();
    expect(db.answers.check_ins_list.at(-1)).toMatchObject({ link_id: 4, date: TODAY, epic_updated: true });

    // No update recorded for the month yet: marking it done adds one.
    await fireEvent.click(within(item('update:5:next_release:2026-08')!).getByTestId('nudge-act'));
    await waitFor(() => expect(item('update:5:next_release:2026-08')).toBeNull());
    expect(db.answers.updates_list.at(-1)).toMatchObject({ person_id: 5, kind: 'next_release', period: '2026-08', status: 'done', done_on: TODAY });

    await fireEvent.click(within(item('win_unshared:3')!).getByTestId('nudge-act'));
    await waitFor(() => expect(item('win_unshared:3')).toBeNull());
    expect(db.answers.wins_list.find((w) => w.id === 3)?.shared_on).toBe(TODAY);
  });

  it('marks a recorded update done', async () => {
    afterActing({ update_done: ['update:4:next_release:2026-11'] });
    await today();
    await fireEvent.click(within(item('update:4:next_release:2026-11')!).getByTestId('nudge-act'));
    await waitFor(() => expect(item('update:4:next_release:2026-11')).toBeNull());
    expect(db.answers.updates_list.find((u) => u.id === 38)).toMatchObject({ status: 'done', done_on: TODAY });
    expect(screen.getByTestId('notice').textContent).toContain('Marked Mei Lin Chen’s next release update for 2026-11 done.');
  });

  it('dismisses with Undo', async () => {
    const key = 'customer_check_in:7:2026-11-25';
    await today();
    await fireEvent.click(within(item(key)!).getByTestId('nudge-dismiss'));
    await waitFor(() => expect(item(key)).toBeNull());
    expect(db.nudgeState[key]).toMatchObject({ dismissed: true });
    await fireEvent.click(screen.getByTestId('notice-action'));
    await waitFor(() => expect(item(key)).not.toBeNull());
    expect(db.nudgeState[key]).toBeUndefined();
  });

  it('snoozes until a chosen day, with quick picks', async () => {
    await today();
    await fireEvent.click(within(item('win_unshared:3')!).getByTestId('nudge-snooze'));
    const dialog = await screen.findByTestId('snooze-dialog');
    const until = within(dialog).getByTestId('snooze-until') as HTMLInputElement;
    expect(until.value).toBe('2026-11-29'); // "3 days" from Friday: back on Monday the 30th
    await fireEvent.click(within(dialog).getByText('a week'));
    expect(until.value).toBe('2026-12-03');
    expect(dialog.textContent).toContain('It comes back on Fri 4 Dec 2026.');
    await fireEvent.input(until, { target: { value: '2026-11-26' } });
    expect((within(dialog).getByTestId('snooze-confirm') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(until, { target: { value: '2026-12-01' } });
    await fireEvent.click(within(dialog).getByTestId('snooze-confirm'));
    await waitFor(() => expect(item('win_unshared:3')).toBeNull());
    expect(db.nudgeState['win_unshared:3']).toEqual({ key: 'win_unshared:3', snoozed_until: '2026-12-01', dismissed: false });
    expect(screen.queryByTestId('snooze-dialog')).toBeNull();
  });
});

describe('Team', () => {
  it('shows the coverage grid with words, icons and the worst message', async () => {
    // The demo team has internal customers everywhere: one cell not applicable, as the core answers without them.
    const fatima = db.answers.coverage.rows[2];
    fatima.cells = fatima.cells.map((c) => (c.practice === 'customers' ? { ...c, status: 'not_applicable', overdue: 0, due_soon: 0, worst: null } : c));
    await go('#/team');
    render(App);
    const grid = await screen.findByTestId('coverage-grid');
    const rows = within(grid).getAllByTestId('coverage-row');
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual(['Amara Okafor', 'Diego Hernández', 'Fatima Al-Sayed', 'Jonas Becker', 'Mei Lin Chen', 'Priya Raman']);
    const cell = (row: number, practice: string) => within(rows[row]).getAllByTestId('coverage-cell').find((c) => c.dataset.practice === practice)!;
    const diego = cell(1, 'one_on_one');
    expect(diego.dataset.status).toBe('overdue');
    expect(diego.classList.contains('cov-overdue')).toBe(true);
    expect(diego.querySelector('.label')?.textContent).toBe('1 overdue');
    expect(within(diego).getByTestId('coverage-tip').textContent).toBe('1:1 with Diego Hernández is 9 days overdue (last held 2026-11-11, every 7 days; due 2026-11-18).');
    expect(cell(1, 'actions').querySelector('.label')?.textContent).toBe('2 overdue');
    expect(cell(2, 'one_on_one').querySelector('.label')?.textContent).toBe('1 due soon');
    expect(cell(2, 'one_on_one').classList.contains('cov-soon')).toBe(true);
    expect(cell(2, 'customers')).toMatchObject({ dataset: { status: 'not_applicable' } });
    expect(cell(2, 'customers').querySelector('.label')?.textContent).toBe('n/a');
    expect(cell(5, 'requests').querySelector('.label')?.textContent).toBe('On track');
    expect(cell(5, 'requests').classList.contains('cov-ok')).toBe(true);
    // Rules 12 to 14 have their columns, headed by the core's words.
    const heads = [...grid.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    expect(heads.slice(-3)).toEqual(['CDF reviews', 'Career conversations', 'Skip-levels']);
    expect(cell(0, 'cdf_reviews').dataset.status).toBe('overdue');
    expect(within(cell(0, 'cdf_reviews')).getByTestId('coverage-tip').textContent).toBe('CDF review of Amara Okafor is 33 days overdue (none yet; due 2026-10-25).');
    expect(cell(0, 'career_conversations').dataset.status).toBe('on_track');
    expect(cell(0, 'skip_levels').querySelector('.label')?.textContent).toBe('n/a');
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
    await waitFor(() => expect(setting('notifications')).toBe('off'));
    const time = screen.getByTestId('setting-notify_at') as HTMLInputElement;
    expect(time.type).toBe('time');
    expect(time.value).toBe('09:00');
    await fireEvent.input(time, { target: { value: '17:45' } });
    await fireEvent.click(screen.getByTestId('setting-save-notify_at'));
    await waitFor(() => expect(setting('notify_at')).toBe('17:45'));
  });
});
