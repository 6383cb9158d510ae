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
import type { Brief, PersonPage } from '$lib/types';
import { demoBackend, go, TODAY } from '../test/app';

const { install, called, db } = demoBackend();
/** The first screen of a test loads its chunk: more time than a click's answer on a busy machine. */
const SLOW = { timeout: 5000 };
const errors = () => toasts.list.filter((t) => t.tone === 'error').map((t) => t.message);
const BRIEF = (FIXTURES.answers as unknown as { brief: Record<string, Brief> }).brief['1'];

describe('the person page on the demo team', () => {
  it('shows the core’s brief and coaching facts', async () => {
    install();
    await go('#/person/1');
    render(App);
    const panel = await screen.findByTestId('brief-panel', {}, SLOW);
    await waitFor(() => expect(within(panel).getAllByTestId('brief-agenda-item')).toHaveLength(BRIEF.agenda.length));
    expect(within(panel).getByTestId('brief-release').textContent).toContain(`Release ${BRIEF.next_release.version}`);
    expect(within(panel).getAllByTestId('brief-update')).toHaveLength(BRIEF.updates.length);
    expect(called('brief')).toEqual([{ personId: 1, asOf: null }]);
    expect(called('brief_markdown')).toEqual([{ personId: 1, asOf: TODAY }]);
    expect(called('person_page')).toEqual([{ id: 1 }]);
    // The focus areas of the review in force, in the brief and on the page.
    const focus = BRIEF.cdf.last?.focus ?? [];
    expect(focus.length).toBeGreaterThan(0);
    expect(within(within(panel).getByTestId('brief-cdf')).getAllByTestId('focus-area').map((f) => f.textContent)).toEqual(focus);
    await waitFor(() => expect(within(screen.getByTestId('person-coaching')).getAllByTestId('focus-area').map((f) => f.textContent)).toEqual(focus));
    expect((await screen.findByTestId('agenda-balance-text')).textContent).toBe(
      `${BRIEF.agenda_balance.raised_by_person} raised by them, ${BRIEF.agenda_balance.raised_by_leader} by you (${Math.round((100 * BRIEF.agenda_balance.raised_by_leader) / (BRIEF.agenda_balance.raised_by_person + BRIEF.agenda_balance.raised_by_leader))}% by you)`,
    );
    expect(errors()).toEqual([]);
  });

  it('lists a manager’s skip-level reports as the core gives them', async () => {
    install();
    await go('#/person/4');
    render(App);
    const page = (FIXTURES.answers as unknown as { person_page: Record<string, PersonPage> }).person_page['4'];
    const rows = await screen.findAllByTestId('skip-level-report', {}, SLOW);
    expect(rows.map((r) => Number(r.getAttribute('data-id')))).toEqual(page.skip_level_reports.map((r) => r.person_id));
    expect(rows.map((r) => within(r).getAllByRole('link')[0].textContent)).toEqual(page.skip_level_reports.map((r) => r.name));
    expect(errors()).toEqual([]);
  });

  it('opens the CDF review dialog from the person page’s own route, ?cdf=new', async () => {
    install();
    await go('#/person/5?cdf=new');
    render(App);
    const form = await screen.findByTestId('cdf-form', {}, SLOW);
    expect(form.textContent).toContain('Jonas Becker');
    expect(within(form).getByTestId<HTMLInputElement>('cdf-date').value).toBe(TODAY);
  });

  it('records a CDF review, then deletes it with the notice’s Undo', async () => {
    install();
    await go('#/person/1');
    render(App);
    const before = (await screen.findAllByTestId('cdf-review', {}, SLOW)).length;
    expect(before).toBe(db().answers.cdf_reviews_list.filter((r) => r.person_id === 1).length);
    await fireEvent.click(screen.getByTestId('cdf-add'));
    await fireEvent.input(await screen.findByTestId('cdf-focus-0'), { target: { value: 'Writing the 3-month vision' } });
    await fireEvent.input(screen.getByTestId('cdf-notes'), { target: { value: 'Agreed the next steps' } });
    await fireEvent.click(screen.getByTestId('cdf-save'));
    await waitFor(() => expect(screen.getAllByTestId('cdf-review')).toHaveLength(before + 1));
    // Newest first: today's review on top.
    const row = screen.getAllByTestId('cdf-review')[0];
    expect(row.textContent).toContain('Writing the 3-month vision');
    expect(called('cdf_review_add')).toEqual([
      { input: { person_id: 1, date: TODAY, focus: ['Writing the 3-month vision'], notes: 'Agreed the next steps', link: null } },
    ]);
    const id = Number(row.getAttribute('data-id'));

    await fireEvent.click(within(row).getByTestId('delete-record'));
    await waitFor(() => expect(screen.getAllByTestId('cdf-review')).toHaveLength(before));
    expect(called('record_delete')).toEqual([{ kind: 'cdf_review', id }]);
    await fireEvent.click(screen.getByTestId('notice-action'));
    await waitFor(() => expect(screen.getAllByTestId('cdf-review')).toHaveLength(before + 1));
    expect(document.getElementById(`cdf-${id}`)).toBeTruthy();
    expect(db().answers.cdf_reviews_list.some((r) => r.id === id)).toBe(true);
    expect(errors()).toEqual([]);
  });
});
