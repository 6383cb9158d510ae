/**
 * Correcting what was recorded, against the mock backend: a check-in (date,
 * epic updated, notes) on Internal customers, an interview (date, candidate,
 * interviewers, with the picker of a new one) on Hiring, and a 1:1's date —
 * the core's refusal of a day already taken shown, the dialog kept.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { toasts } from '$lib/toasts.svelte';
import { demoBackend, go } from '../test/app';

const { install, called, db } = demoBackend();

const errors = () => toasts.list.filter((t) => t.tone === 'error').map((t) => t.message);

describe('editing a check-in', () => {
  it('changes its date, epic flag and notes', async () => {
    install();
    await go('#/customers');
    render(App);
    const item = await waitFor(() => {
      const el = document.getElementById('checkin-8');
      if (!el) throw new Error('no check-in 8 yet');
      return el;
    });
    await fireEvent.click(within(item).getByTestId('edit-check-in'));
    const form = await screen.findByTestId('check-in-form');
    expect(within(form).getByTestId<HTMLInputElement>('check-in-date').value).toBe('2026-11-11');
    expect(within(form).getByTestId<HTMLInputElement>('check-in-epic').checked).toBe(false);
    expect(within(form).getByTestId<HTMLTextAreaElement>('check-in-notes').value).toContain('Caught up with the Marketing Ops DRI');
    expect(within(form).getByTestId('delete-record').dataset).toMatchObject({ kind: 'check_in', id: '8' });

    await fireEvent.input(within(form).getByTestId('check-in-date'), { target: { value: '2026-11-12' } });
    await fireEvent.click(within(form).getByTestId('check-in-epic'));
    await fireEvent.input(within(form).getByTestId('check-in-notes'), { target: { value: 'Epic updated after all.' } });
    await fireEvent.click(within(form).getByTestId('check-in-save'));

    await waitFor(() => expect(screen.queryByTestId('check-in-form')).toBeNull());
    expect(called('check_in_update')).toEqual([{ id: 8, input: { link_id: 2, date: '2026-11-12', epic_updated: true, notes: 'Epic updated after all.' } }]);
    expect(called('check_in_add')).toEqual([]);
    expect(document.getElementById('checkin-8')?.textContent).toContain('Epic updated after all.');
    expect(toasts.list.map((t) => t.message)).toContain('Check-in saved.');
  });
});

describe('editing an interview', () => {
  it('changes its date, candidate and interviewers with the same picker as a new one', async () => {
    install();
    await go('#/hiring');
    render(App);
    const rows = await screen.findAllByTestId('interview');
    const row = rows.find((r) => r.textContent?.includes('Nomvula Dlamini'))!;
    await fireEvent.click(within(row).getByTestId('edit-interview'));
    const form = await screen.findByTestId('interview-form');
    expect(within(form).getByTestId<HTMLInputElement>('interview-candidate').value).toBe('Nomvula Dlamini');
    const amara = within(form).getByLabelText<HTMLInputElement>('Amara Okafor');
    const diego = within(form).getByLabelText<HTMLInputElement>('Diego Hernández');
    expect([amara.checked, diego.checked]).toEqual([true, false]);
    expect(within(form).getByLabelText<HTMLInputElement>('Other interviewers').value).toBe('Hannah Schmidt');

    await fireEvent.input(within(form).getByTestId('interview-candidate'), { target: { value: 'Nomvula D. Dlamini' } });
    await fireEvent.input(within(form).getByLabelText('Date'), { target: { value: '2026-11-24' } });
    await fireEvent.click(amara);
    await fireEvent.click(diego);
    await fireEvent.click(within(form).getByTestId('interview-save'));

    await waitFor(() => expect(screen.queryByTestId('interview-form')).toBeNull());
    expect(called('interview_update')).toEqual([
      {
        id: 9,
        input: { requisition_id: 2, date: '2026-11-24', candidate: 'Nomvula D. Dlamini', interviewers: [{ person: 2 }, { name: 'Hannah Schmidt' }] },
      },
    ]);
    expect(called('interview_add')).toEqual([]);
    await waitFor(() => expect(screen.getAllByTestId('interview').some((r) => r.textContent?.includes('Nomvula D. Dlamini'))).toBe(true));
    expect(errors()).toEqual([]);
  });
});

describe("editing a 1:1's date", () => {
  it('sends the new date, and keeps the dialog with the core’s message when the day is taken', async () => {
    const taken = 'Priya Raman already has a 1:1 on 2026-11-20; choose another day.';
    let refuse = true;
    install({
      one_on_one_update: () => {
        if (refuse) throw { kind: 'conflict', message: taken };
        return { ...db().answers.one_on_ones_list.find((m) => m.person_id === 3)!, date: '2026-11-19' };
      },
    });
    await go('#/person/3');
    render(App);
    const [entry] = await screen.findAllByTestId('timeline-entry');
    await fireEvent.click(within(entry).getByText('Edit 1:1'));
    const form = await screen.findByTestId('one-on-one-form');
    const date = within(form).getByLabelText<HTMLInputElement>('Date');
    await fireEvent.input(date, { target: { value: '2026-11-20' } });
    await fireEvent.click(within(form).getByText('Save'));
    expect((await screen.findByTestId('error-message')).textContent).toBe(taken);
    expect(screen.getByTestId('one-on-one-form').contains(date) && date.value).toBe('2026-11-20');

    refuse = false;
    await fireEvent.input(date, { target: { value: '2026-11-19' } });
    await fireEvent.click(within(form).getByText('Save'));
    await waitFor(() => expect(screen.queryByTestId('one-on-one-form')).toBeNull());
    expect(called('one_on_one_update').map((a) => (a.input as { date: string }).date)).toEqual(['2026-11-20', '2026-11-19']);
  });
});
