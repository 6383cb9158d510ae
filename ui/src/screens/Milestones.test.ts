/**
 * Portfolio milestones and the calendar feed in the UI, against the mock
 * backend (the core's fixtures): Today's release calendar lists the
 * milestones of the next 90 days; Accountability adds one on a release's day
 * and edits and deletes one; search leads to it; a PM's page lists those of
 * their stages; Settings → Calendar asks the shell to save the feed and says
 * where.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { demoBackend, go } from '../test/app';
import { toasts } from '$lib/toasts.svelte';

const { install, called, db } = demoBackend();

beforeAll(async () => {
  await Promise.all([import('./Accountability.svelte'), import('./Settings.svelte'), import('./Today.svelte')]);
});

describe('portfolio milestones', () => {
  it('shows the next 90 days of milestones on Today’s release calendar, linked to Accountability', async () => {
    install();
    await go('#/today');
    render(App);
    const items = await screen.findAllByTestId('today-milestone');
    expect(items.map((i) => i.querySelector('a')?.textContent)).toEqual(['Portfolio GA: planning suite', 'Pricing and packaging change takes effect']);
    expect(items[0].textContent).toContain('Thu 17 Dec · in 20 days (release 19.7)');
    expect(items[0].querySelector('a')?.getAttribute('href')).toBe('#/accountability?focus=milestone-2');
  });

  it('adds a milestone on a release’s day, edits it onto a day, and deletes it with Undo', async () => {
    install();
    await go('#/accountability');
    render(App);
    const section = await screen.findByTestId('milestones');
    // Upcoming ones show; the past one is folded away.
    await waitFor(() => expect(within(section).getAllByTestId('milestone-title').map((t) => t.textContent)).toContain('Portfolio GA: planning suite'));
    await fireEvent.click(within(section).getByTestId('milestone-add'));
    const form = await screen.findByTestId('milestone-form');
    await fireEvent.input(within(form).getByTestId('milestone-title-input'), { target: { value: '  Launch week ' } });
    await fireEvent.click(within(form).getByTestId('milestone-on-release'));
    await fireEvent.input(await within(form).findByTestId('milestone-release-input'), { target: { value: '19.8' } });
    await fireEvent.click(within(form).getByTestId('milestone-save'));
    await waitFor(() => expect(screen.queryByTestId('milestone-form')).toBeNull());
    expect(called('milestone_add')).toEqual([
      { input: { title: 'Launch week', date: null, release: '19.8', stages: [], link: null, notes: '' } },
    ]);
    const added = db().answers.milestones_list.find((m) => m.title === 'Launch week')!;
    expect(added.date).toBe('2027-01-21');
    const row = (await within(section).findAllByTestId('milestone')).find((r) => r.textContent?.includes('Launch week'))!;
    expect(within(row).getByTestId('milestone-date').textContent).toContain('release 19.8');

    await fireEvent.click(within(row).getByTestId('milestone-edit'));
    const edit = await screen.findByTestId('milestone-form');
    await fireEvent.click(within(edit).getByTestId('milestone-on-date'));
    await fireEvent.input(await within(edit).findByTestId('milestone-date-input'), { target: { value: '2027-01-05' } });
    await fireEvent.click(within(edit).getByTestId('milestone-save'));
    await waitFor(() => expect(screen.queryByTestId('milestone-form')).toBeNull());
    expect(called('milestone_update').at(-1)).toEqual({
      id: added.id,
      input: { title: 'Launch week', date: '2027-01-05', release: null, stages: [], link: null, notes: '' },
    });

    const { deleteRecord } = await import('$lib/deleting');
    await deleteRecord('milestone', added.id);
    expect(called('record_delete')).toEqual([{ kind: 'milestone', id: added.id }]);
    expect(db().answers.milestones_list.some((m) => m.id === added.id)).toBe(false);
  });

  it('shows the core’s refusal and keeps the dialog open', async () => {
    install({
      milestone_add: () => {
        throw { kind: 'invalid', message: 'The link \'x\' is not a web link; give a full URL starting with https://.' };
      },
    });
    await go('#/accountability');
    render(App);
    await fireEvent.click(await screen.findByTestId('milestone-add'));
    const form = await screen.findByTestId('milestone-form');
    await fireEvent.input(within(form).getByTestId('milestone-title-input'), { target: { value: 'GA' } });
    await fireEvent.click(within(form).getByTestId('milestone-save'));
    await waitFor(() => expect(toasts.list.filter((t) => t.tone === 'error').map((t) => t.message).join()).toContain('is not a web link'));
    expect(screen.getByTestId('milestone-form')).toBeTruthy();
  });

  it('leads a search hit to the milestone on Accountability', async () => {
    db().answers.search['launch'] = [
      {
        kind: 'milestone',
        id: 2,
        person_id: null,
        person: null,
        date: '2026-12-17',
        snippet: 'Portfolio GA: planning suite',
        parts: [{ text: 'Portfolio GA: planning suite', matched: false }],
      },
    ];
    install();
    await go('#/search?q=launch');
    render(App);
    const hit = await screen.findByTestId('search-result');
    expect(hit.getAttribute('href')).toBe('#/accountability?focus=milestone-2');
    expect(hit.textContent).toContain('milestone');
  });
});

describe('the calendar feed', () => {
  it('asks the shell to save it (no path from the page) and says where', async () => {
    install();
    await go('#/settings');
    render(App);
    const section = await screen.findByTestId('calendar-section');
    await fireEvent.input(within(section).getByTestId('calendar-months'), { target: { value: '6' } });
    await fireEvent.click(within(section).getByTestId('calendar-save'));
    expect((await within(section).findByTestId('calendar-saved')).textContent).toContain('/home/you/Documents/coachlog.ics');
    expect(called('calendar_save')).toEqual([{ months: 6 }]);
  });

  it('says nothing when the leader cancels the Save dialog', async () => {
    db().dialogs.save = false;
    install();
    await go('#/settings');
    render(App);
    const section = await screen.findByTestId('calendar-section');
    await fireEvent.click(within(section).getByTestId('calendar-save'));
    await waitFor(() => expect(called('calendar_save')).toHaveLength(1));
    expect(within(section).queryByTestId('calendar-saved')).toBeNull();
    expect(toasts.list.filter((t) => t.tone === 'error')).toEqual([]);
  });
});
