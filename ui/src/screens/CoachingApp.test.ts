/**
 * The coaching views in the whole app against the mock backend (the core's
 * fixtures for the demo team): the person page's Brief panel and facts as
 * the core wrote them, and a CDF review recorded, then deleted with the
 * notice's Undo.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { FIXTURES } from '../dev/mockBackend';
import { toasts } from '$lib/toasts.svelte';
import type { Brief } from '$lib/types';
import { demoBackend, go, TODAY } from '../test/app';

const { install, called, db } = demoBackend();
const errors = () => toasts.list.filter((t) => t.tone === 'error').map((t) => t.message);
const BRIEF = (FIXTURES.answers as unknown as { brief: Record<string, Brief> }).brief['1'];

describe('the person page on the demo team', () => {
  it('shows the core’s brief and coaching facts', async () => {
    install();
    await go('#/person/1');
    render(App);
    const panel = await screen.findByTestId('brief-panel');
    await waitFor(() => expect(within(panel).getAllByTestId('brief-agenda-item')).toHaveLength(BRIEF.agenda.length));
    expect(within(panel).getByTestId('brief-release').textContent).toContain(`Release ${BRIEF.next_release.version}`);
    expect(within(panel).getAllByTestId('brief-update')).toHaveLength(BRIEF.updates.length);
    expect(called('brief')).toEqual([{ personId: 1, asOf: null }]);
    expect(called('brief_markdown')).toEqual([{ personId: 1, asOf: TODAY }]);
    expect(called('person_page')).toEqual([{ id: 1 }]);
    expect((await screen.findByTestId('agenda-balance-text')).textContent).toBe(
      `${BRIEF.agenda_balance.raised_by_person} raised by them, ${BRIEF.agenda_balance.raised_by_leader} by you (${Math.round((100 * BRIEF.agenda_balance.raised_by_leader) / (BRIEF.agenda_balance.raised_by_person + BRIEF.agenda_balance.raised_by_leader))}% by you)`,
    );
    expect(errors()).toEqual([]);
  });

  it('records a CDF review, then deletes it with the notice’s Undo', async () => {
    install();
    await go('#/person/1');
    render(App);
    await fireEvent.click(await screen.findByTestId('cdf-add'));
    await fireEvent.input(await screen.findByTestId('cdf-focus-0'), { target: { value: 'Writing the 3-month vision' } });
    await fireEvent.input(screen.getByTestId('cdf-notes'), { target: { value: 'Agreed the next steps' } });
    await fireEvent.click(screen.getByTestId('cdf-save'));
    const row = await screen.findByTestId('cdf-review');
    expect(row.textContent).toContain('Writing the 3-month vision');
    expect(called('cdf_review_add')).toEqual([
      { input: { person_id: 1, date: TODAY, focus: ['Writing the 3-month vision'], notes: 'Agreed the next steps', link: null } },
    ]);
    const id = Number(row.getAttribute('data-id'));

    await fireEvent.click(within(row).getByTestId('delete-record'));
    await waitFor(() => expect(screen.queryByTestId('cdf-review')).toBeNull());
    expect(called('record_delete')).toEqual([{ kind: 'cdf_review', id }]);
    await fireEvent.click(screen.getByTestId('notice-action'));
    expect(await screen.findByTestId('cdf-review')).toBeTruthy();
    expect(db().answers.cdf_reviews_list.map((r) => r.id)).toEqual([id]);
    expect(errors()).toEqual([]);
  });
});
