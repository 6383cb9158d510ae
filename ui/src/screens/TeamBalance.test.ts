/**
 * The agenda balance on the Team screen, against the mock backend (the
 * core's fixtures): per person, the share of the agenda items the leader
 * raised over the balance window, a small bar, and the handbook's sentence
 * (the core's `warning`) only where the leader raised more than half.
 */
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { formatDate } from '$lib/dates';
import { toasts } from '$lib/toasts.svelte';
import type { TeamBalance } from '$lib/types';
import { demoBackend, go } from '../test/app';

const { install, called, db } = demoBackend();
const balance = () => (db().answers as unknown as { agenda_balance: TeamBalance }).agenda_balance;
const errors = () => toasts.list.filter((t) => t.tone === 'error').map((t) => t.message);

beforeAll(async () => {
  await import('./Team.svelte');
});

async function team() {
  await go('#/team');
  render(App);
  const table = await screen.findByTestId('team-table');
  await waitFor(() => expect(within(table).getAllByTestId('team-balance-text').length).toBeGreaterThan(0));
  const cell = (id: number) => within(table).getAllByTestId('team-balance').find((c) => c.dataset.person === String(id))!;
  return { table, cell };
}

describe('the agenda balance on Team', () => {
  it('shows each person’s share raised by the leader, and the handbook’s sentence only where it is more than half', async () => {
    install();
    const { table, cell } = await team();
    expect(called('agenda_balance')).toEqual([{ from: null, to: null }]);
    // The core's window (the 90 days ending today), as it gives it.
    expect(within(table).getByTestId('team-balance-period').textContent).toBe(`${formatDate(balance().from)} – ${formatDate(balance().to)}`);
    expect(balance().from).toBe('2026-08-30');
    // Priya Raman (3): 3 of 5 items raised by the leader — the core's warning.
    const priya = cell(3);
    expect(within(priya).getByTestId('team-balance-text').textContent).toBe('60% by you');
    expect(priya.textContent).toContain('3 of 5 items');
    expect(within(priya).getByTestId('team-balance-bar').getAttribute('aria-label')).toBe('2 raised by them, 3 by you (60% by you)');
    expect(within(priya).getByTestId('team-balance-warning').textContent).toBe(
      '“If the manager puts more than half of the items on the agenda this is an indication that something is wrong.”',
    );
    // Amara Okafor (1): 6 of 14, no sentence.
    const amara = cell(1);
    expect(within(amara).getByTestId('team-balance-text').textContent).toBe('43% by you');
    expect(within(amara).queryByTestId('team-balance-warning')).toBeNull();
    // Only Priya's row carries the sentence.
    expect(within(table).getAllByTestId('team-balance-warning')).toHaveLength(1);
    // A skip-level report with no item in the window.
    expect(within(cell(9)).getByTestId('team-balance-text').textContent).toBe('No items');
    expect(within(cell(9)).queryByTestId('team-balance-bar')).toBeNull();
    expect(errors()).toEqual([]);
  });

  it('shows the sentence as the core words it, wherever the core gives it', async () => {
    const amara = balance().people.find((p) => p.person_id === 1)!;
    amara.balance = { raised_by_leader: 9, raised_by_person: 1, warning: 'The core’s sentence' };
    install();
    const { cell } = await team();
    expect(within(cell(1)).getByTestId('team-balance-text').textContent).toBe('90% by you');
    expect(within(cell(1)).getByTestId('team-balance-warning').textContent).toBe('“The core’s sentence.”');
  });

  it('shows the core’s message when the balance cannot be read, and the roster still', async () => {
    install({ agenda_balance: () => Promise.reject({ kind: 'io', message: 'The database could not be read; try again.' }) });
    await go('#/team');
    render(App);
    expect((await screen.findByTestId('error-message')).textContent).toBe('The database could not be read; try again.');
    expect(within(await screen.findByTestId('team-table')).getAllByTestId('team-row').length).toBeGreaterThan(0);
    expect(screen.queryAllByTestId('team-balance-text')).toHaveLength(0);
  });
});
