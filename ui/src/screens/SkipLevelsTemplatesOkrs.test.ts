/**
 * Issue 12's screens against the mock backend (the core's fixtures):
 * skip-level reports in the person form and on the Team screen, the
 * templates (Settings, a person's own, the pre-filled 1:1 notes and
 * walkthrough findings, the career tag from Today), and OKR content on the
 * Accountability screen.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { DEFAULT_TEMPLATES, handle } from '../dev/mockBackend';
import { demoBackend, go } from '../test/app';
import type { PersonInput } from '$lib/types';

const { install, called, db } = demoBackend();

/** Noor, a skip-level report of Amara (id 1), met on 2026-09-01. */
function addSkipLevelReport(): number {
  const input: PersonInput = {
    name: 'Noor Haddad',
    title: 'Product Manager, Import',
    job_family: 'product_manager',
    level: 'ic',
    scope: { kind: 'group', section: 'Dev', stages: ['Create'], groups: ['Import'] },
    since: '2026-01-05',
    cadence_days: null,
    tracked: false,
    reports_to: 1,
  };
  const noor = handle(db(), 'person_add', { input }) as { id: number };
  handle(db(), 'one_on_one_log', {
    input: { one_on_one: { person_id: noor.id, date: '2026-09-01', status: 'held', notes: '', tags: [] }, new_items: [], close_items: [] },
  });
  return noor.id;
}

describe('skip-level reports', () => {
  it('adds a skip-level report: Tracked goes off and says why, and the core gets reports_to', async () => {
    install();
    await go('#/team?add=1');
    render(App);
    const form = await screen.findByTestId('person-form');
    await fireEvent.input(within(form).getByTestId('person-name'), { target: { value: 'Noor Haddad' } });
    const tracked = within(form).getByTestId<HTMLInputElement>('person-tracked');
    expect(tracked.checked).toBe(true);
    const reportsTo = within(form).getByTestId<HTMLSelectElement>('person-reports-to');
    // Managers are the people on the team (the demo's Sofia Rossi is archived), by name.
    expect([...reportsTo.options].map((o) => o.textContent)).toEqual([
      'You (a direct report)',
      'Amara Okafor',
      'Diego Hernández',
      'Fatima Al-Sayed',
      'Jonas Becker',
      'Mei Lin Chen',
      'Priya Raman',
    ]);
    reportsTo.selectedIndex = 1;
    await fireEvent.change(reportsTo);
    expect(tracked.checked).toBe(false);
    expect(tracked.disabled).toBe(true);
    expect(within(form).getByTestId('person-tracked-why').textContent).toContain('A skip-level report is never tracked: Amara Okafor holds their 1:1s');
    await fireEvent.click(within(form).getByTestId('person-save'));
    await screen.findByTestId('screen-person');
    expect(called('person_add')).toEqual([{ input: expect.objectContaining({ name: 'Noor Haddad', reports_to: 1, tracked: false }) }]);
  });

  it('puts Tracked back when the person reports to the leader again', async () => {
    install();
    await go('#/team?add=1');
    render(App);
    const form = await screen.findByTestId('person-form');
    const reportsTo = within(form).getByTestId<HTMLSelectElement>('person-reports-to');
    reportsTo.selectedIndex = 2;
    await fireEvent.change(reportsTo);
    reportsTo.selectedIndex = 0;
    await fireEvent.change(reportsTo);
    const tracked = within(form).getByTestId<HTMLInputElement>('person-tracked');
    expect(tracked.checked).toBe(true);
    expect(tracked.disabled).toBe(false);
    expect(within(form).queryByTestId('person-tracked-why')).toBeNull();
  });

  it('shows the core’s refusal and keeps the dialog', async () => {
    install({ person_add: () => Promise.reject({ kind: 'invalid', message: 'Amara Okafor is a skip-level report; pick one of your managers.' }) });
    await go('#/team?add=1');
    render(App);
    const form = await screen.findByTestId('person-form');
    await fireEvent.input(within(form).getByTestId('person-name'), { target: { value: 'Noor Haddad' } });
    await fireEvent.click(within(form).getByTestId('person-save'));
    expect((await screen.findByTestId('error-message')).textContent).toBe('Amara Okafor is a skip-level report; pick one of your managers.');
    expect(screen.getByTestId('person-form')).toBeTruthy();
  });

  it('lists skip-level reports under their manager with their last skip-level', async () => {
    const noor = addSkipLevelReport();
    install();
    await go('#/team');
    render(App);
    const table = await screen.findByTestId('team-table');
    const skipRow = await within(table).findByTestId('team-skip-row');
    expect(skipRow.dataset.person).toBe(String(noor));
    // Right under Amara's row, apart from the direct reports.
    const rows = [...table.querySelectorAll('tbody tr')] as HTMLElement[];
    const at = rows.indexOf(skipRow);
    expect(rows[at - 1].textContent).toContain('Amara Okafor');
    expect(rows.filter((r) => r.dataset.testid === 'team-row')).toHaveLength(6);
    expect(within(skipRow).getByTestId('team-skip-badge').textContent).toBe('skip-level report');
    await waitFor(() => expect(within(skipRow).getByTestId('team-last-skip').textContent).toContain('Last skip-level Tue 1 Sep 2026'));
    expect(within(skipRow).getByText('Log skip-level').getAttribute('href')).toBe(`#/log/${noor}`);
    expect(called('one_on_ones_list')).toContainEqual({ personId: noor, from: null, to: null });
  });

  it('a manager with skip-level reports reports to the leader: the choice is locked, saying why', async () => {
    addSkipLevelReport();
    install();
    await go('#/team');
    render(App);
    const table = await screen.findByTestId('team-table');
    const amara = (await within(table).findAllByTestId('team-row')).find((r) => r.textContent?.includes('Amara Okafor'))!;
    await fireEvent.click(within(amara).getByTestId('team-edit'));
    const form = await screen.findByTestId('person-form');
    expect(within(form).getByTestId<HTMLSelectElement>('person-reports-to').disabled).toBe(true);
    expect(form.textContent?.replace(/\s+/g, ' ')).toContain('Noor Haddad is a skip-level report of Amara Okafor, so Amara Okafor reports to you.');
  });
});

describe('templates', () => {
  it('pre-fills a new 1:1’s notes with the template in force, and Today’s career link sets the career tag', async () => {
    install();
    await go('#/log/2?tag=career');
    render(App);
    const notes = await screen.findByTestId<HTMLTextAreaElement>('log-notes');
    expect(notes.value).toBe(DEFAULT_TEMPLATES.one_on_one);
    expect(screen.getByTestId<HTMLInputElement>('log-tags').value).toBe('career');
    expect(called('template_get')).toEqual([{ kind: 'one_on_one', personId: 2 }]);
  });

  it('pre-fills with the person’s own template', async () => {
    handle(db(), 'template_set', { kind: 'one_on_one', personId: 2, body: '## Diego’s items\n- ' });
    install();
    await go('#/log/2');
    render(App);
    const notes = await screen.findByTestId<HTMLTextAreaElement>('log-notes');
    expect(notes.value).toBe('## Diego’s items\n- \n');
    expect(screen.getByTestId<HTMLInputElement>('log-tags').value).toBe('');
  });

  it('gives a person their own 1:1 template from the person form, and takes it away', async () => {
    install();
    await go('#/team');
    render(App);
    const table = await screen.findByTestId('team-table');
    const diego = (await within(table).findAllByTestId('team-row')).find((r) => r.textContent?.includes('Diego Hernández'))!;
    await fireEvent.click(within(diego).getByTestId('team-edit'));
    let form = await screen.findByTestId('person-form');
    await waitFor(() => expect(within(form).getByTestId('person-template-source').textContent).toContain('Their 1:1s start from Coachlog’s default'));
    await fireEvent.click(within(form).getByTestId('person-template-own'));
    const body = within(form).getByTestId<HTMLTextAreaElement>('person-template-body');
    expect(body.value).toBe(DEFAULT_TEMPLATES.one_on_one);
    await fireEvent.input(body, { target: { value: '## Pricing\n- ' } });
    await fireEvent.click(within(form).getByTestId('person-save'));
    await waitFor(() => expect(screen.queryByTestId('person-form')).toBeNull());
    expect(called('template_set')).toEqual([{ kind: 'one_on_one', personId: 2, body: '## Pricing\n- ' }]);

    await fireEvent.click(within(diego).getByTestId('team-edit'));
    form = await screen.findByTestId('person-form');
    await waitFor(() => expect(within(form).getByTestId<HTMLInputElement>('person-template-own').checked).toBe(true));
    await fireEvent.click(within(form).getByTestId('person-template-own'));
    await fireEvent.click(within(form).getByTestId('person-save'));
    await waitFor(() => expect(screen.queryByTestId('person-form')).toBeNull());
    expect(called('template_reset')).toEqual([{ kind: 'one_on_one', personId: 2 }]);
    expect(db().templates).toEqual([]);
  });

  it('edits the leader’s 1:1 template in Settings, says where it comes from, resets it with Undo', async () => {
    install();
    await go('#/settings');
    render(App);
    const section = await screen.findByTestId('templates-section');
    const source = within(section).getByTestId('template-source-one_on_one');
    await waitFor(() => expect(source.textContent).toContain('In force: Coachlog’s default.'));
    const body = within(section).getByTestId<HTMLTextAreaElement>('template-body-one_on_one');
    expect(body.value).toBe(DEFAULT_TEMPLATES.one_on_one);
    const save = within(section).getByTestId<HTMLButtonElement>('template-save-one_on_one');
    expect(save.disabled).toBe(true);
    expect(within(section).queryByTestId('template-reset-one_on_one')).toBeNull();

    await fireEvent.input(body, { target: { value: '## Wins\n- \n\n## Blockers\n- ' } });
    // Ctrl+Enter in the editor saves, as the Save button does.
    await fireEvent.keyDown(body, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(source.textContent).toContain('In force: yours.'));
    expect(called('template_set')).toEqual([{ kind: 'one_on_one', personId: null, body: '## Wins\n- \n\n## Blockers\n- ' }]);
    expect(body.value).toBe('## Wins\n- \n\n## Blockers\n- \n');
    expect(screen.getByTestId('notice').textContent).toContain('Saved your 1:1 notes template.');

    await fireEvent.click(within(section).getByTestId('template-reset-one_on_one'));
    await waitFor(() => expect(source.textContent).toContain('In force: Coachlog’s default.'));
    expect(called('template_reset')).toEqual([{ kind: 'one_on_one', personId: null }]);
    expect(body.value).toBe(DEFAULT_TEMPLATES.one_on_one);
    const notice = screen.getAllByTestId('notice').find((n) => n.textContent?.includes('back to Coachlog’s default'))!;
    await fireEvent.click(within(notice).getByTestId('notice-action'));
    await waitFor(() => expect(source.textContent).toContain('In force: yours.'));
    expect(body.value).toBe('## Wins\n- \n\n## Blockers\n- \n');
  });

  it('follows a template the command line wrote, unless one is being typed', async () => {
    install();
    await go('#/settings');
    render(App);
    const section = await screen.findByTestId('templates-section');
    const one = within(section).getByTestId<HTMLTextAreaElement>('template-body-one_on_one');
    const walk = within(section).getByTestId<HTMLTextAreaElement>('template-body-walkthrough');
    await waitFor(() => expect(walk.value).toBe(DEFAULT_TEMPLATES.walkthrough));
    await waitFor(() => expect(called('data_version').length).toBeGreaterThan(0));
    await fireEvent.input(one, { target: { value: 'Being typed' } });
    // `coachlog template set` writes both; the window gets the focus back.
    handle(db(), 'template_set', { kind: 'one_on_one', personId: null, body: 'From the CLI' });
    handle(db(), 'template_set', { kind: 'walkthrough', personId: null, body: 'Walked from the CLI' });
    db().dataVersion++;
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(walk.value).toBe('Walked from the CLI\n'));
    expect(within(section).getByTestId('template-source-walkthrough').textContent).toContain('In force: yours.');
    expect(one.value).toBe('Being typed');
    expect(within(section).getByTestId('template-source-one_on_one').textContent).toContain('In force: yours.');
  });

  it('shows the core’s refusal of a template and keeps what was typed', async () => {
    install({ template_set: () => Promise.reject({ kind: 'invalid', message: 'The template is longer than 20000 characters; shorten it.' }) });
    await go('#/settings');
    render(App);
    const section = await screen.findByTestId('templates-section');
    const body = within(section).getByTestId<HTMLTextAreaElement>('template-body-walkthrough');
    await waitFor(() => expect(body.value).toBe(DEFAULT_TEMPLATES.walkthrough));
    await fireEvent.input(body, { target: { value: 'x'.repeat(50) } });
    await fireEvent.click(within(section).getByTestId('template-save-walkthrough'));
    expect((await screen.findByTestId('error-message')).textContent).toBe('The template is longer than 20000 characters; shorten it.');
    expect(body.value).toBe('x'.repeat(50));
  });

  it('pre-fills a new walkthrough’s findings with the walkthrough template', async () => {
    handle(db(), 'template_set', { kind: 'walkthrough', personId: null, body: '## Scenario\n- ' });
    install();
    await go('#/walkthroughs');
    render(App);
    await fireEvent.click(await screen.findByTestId('walkthrough-add'));
    const form = await screen.findByTestId('walkthrough-form');
    expect(within(form).getByTestId<HTMLTextAreaElement>('walkthrough-findings').value).toBe('## Scenario\n- \n');
    expect(called('template_get')).toEqual([{ kind: 'walkthrough', personId: null }]);
  });
});

describe('OKR content', () => {
  /** The "…" of Amara's (id 1) OKR cell for FY27-Q4, the quarter of the fixtures' today. */
  async function openAmarasOkrs() {
    await go('#/accountability');
    render(App);
    const grid = await screen.findByTestId('acc-grid');
    const cell = within(grid)
      .getAllByTestId('acc-cell')
      .find((c) => c.dataset.person === '1' && c.dataset.kind === 'okrs' && c.dataset.period === 'FY27-Q4')!;
    await fireEvent.click(within(cell.closest('td')!).getByTestId('acc-cell-edit'));
    return screen.findByTestId('update-form');
  }

  it('writes objectives and key results with scores in the update dialog, and the screen shows them', async () => {
    install();
    const form = await openAmarasOkrs();
    expect(within(form).queryAllByTestId('okr-objective')).toHaveLength(0);
    await fireEvent.click(within(form).getByTestId('okr-objective-add'));
    // The new objective's field has the focus: typing goes on from the keyboard.
    expect(document.activeElement).toBe(within(form).getByTestId('okr-objective-text'));
    await fireEvent.input(within(form).getByTestId('okr-objective-text'), { target: { value: 'Grow self-managed adoption' } });
    await fireEvent.input(within(form).getByTestId('okr-kr-text'), { target: { value: 'Ship the import wizard' } });
    await fireEvent.input(within(form).getByTestId('okr-kr-score'), { target: { value: '0.7' } });
    await fireEvent.click(within(form).getByTestId('okr-kr-add'));
    expect(document.activeElement).toBe(within(form).getAllByTestId('okr-kr-text')[1]);
    await fireEvent.input(within(form).getAllByTestId('okr-kr-text')[1], { target: { value: '20 customers migrated' } });
    await fireEvent.click(within(form).getByTestId('okr-objective-add'));
    await fireEvent.input(within(form).getAllByTestId('okr-objective-text')[1], { target: { value: 'To remove' } });
    await fireEvent.click(within(form).getAllByTestId('okr-objective-remove')[1]);
    await fireEvent.click(within(form).getByTestId('update-save'));
    await waitFor(() => expect(screen.queryByTestId('update-form')).toBeNull());
    expect(called('update_update')).toEqual([
      {
        id: 10,
        input: {
          person_id: 1,
          kind: 'okrs',
          period: 'FY27-Q4',
          status: 'done',
          done_on: '2026-11-20',
          link: 'https://gitlab.com/gitlab-com/gitlab-OKRs/-/work_items/13983',
          objectives: [
            {
              text: 'Grow self-managed adoption',
              key_results: [
                { text: 'Ship the import wizard', score: 0.7 },
                { text: '20 customers migrated', score: null },
              ],
            },
          ],
        },
      },
    ]);
    const okr = await screen.findByTestId('acc-okr');
    expect(okr.dataset.period).toBe('FY27-Q4');
    expect(within(okr).getByTestId('acc-objective').textContent).toContain('Grow self-managed adoption');
    expect(within(okr).getAllByTestId('acc-key-result').map((k) => k.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Ship the import wizard 0.7',
      '20 customers migrated not scored',
    ]);
    expect(screen.getByTestId('acc-okr-count').textContent).toBe('1 obj.');

    // Edited again from the list: the dialog holds what was saved.
    await fireEvent.click(within(okr).getByTestId('acc-okr-edit'));
    const again = await screen.findByTestId('update-form');
    expect(within(again).getByTestId<HTMLInputElement>('okr-objective-text').value).toBe('Grow self-managed adoption');
    expect(within(again).getAllByTestId<HTMLInputElement>('okr-kr-score').map((s) => s.value)).toEqual(['0.7', '']);
  });

  it('says what is wrong with a score, and shows the core’s refusal, keeping the dialog', async () => {
    install({ update_update: () => Promise.reject({ kind: 'invalid', message: 'Give objective 1 its text; it is empty.' }) });
    const form = await openAmarasOkrs();
    await fireEvent.click(within(form).getByTestId('okr-objective-add'));
    await fireEvent.input(within(form).getByTestId('okr-kr-text'), { target: { value: 'A key result' } });
    await fireEvent.input(within(form).getByTestId('okr-kr-score'), { target: { value: '1.5' } });
    await fireEvent.click(within(form).getByTestId('update-save'));
    expect((await screen.findByTestId('error-message')).textContent).toBe("A key result's score is from 0.0 to 1.0; 1.5 is not (key result 1 of objective 1).");
    expect(called('update_update')).toEqual([]);
    await fireEvent.input(within(form).getByTestId('okr-kr-score'), { target: { value: '' } });
    await fireEvent.click(within(form).getByTestId('update-save'));
    await waitFor(() => expect(screen.getByTestId('error-message').textContent).toBe('Give objective 1 its text; it is empty.'));
    expect(screen.getByTestId('update-form')).toBeTruthy();
    expect(within(form).getByTestId<HTMLInputElement>('okr-kr-text').value).toBe('A key result');
  });

  it('offers no objectives for the other kinds, and sends none', async () => {
    install();
    await go('#/accountability');
    render(App);
    const grid = await screen.findByTestId('acc-grid');
    const cell = within(grid)
      .getAllByTestId('acc-cell')
      .find((c) => c.dataset.person === '1' && c.dataset.kind === 'next_release' && c.dataset.period === '2026-11')!;
    await fireEvent.click(within(cell.closest('td')!).getByTestId('acc-cell-edit'));
    const form = await screen.findByTestId('update-form');
    expect(within(form).queryByTestId('okr-editor')).toBeNull();
    await fireEvent.click(within(form).getByTestId('update-save'));
    await waitFor(() => expect(screen.queryByTestId('update-form')).toBeNull());
    const sent = [...called('update_update'), ...called('update_add')];
    expect(sent).toHaveLength(1);
    expect((sent[0].input as { objectives: unknown[] }).objectives).toEqual([]);
  });
});

describe('CDF reviews across the house', () => {
  it('finds a CDF review in search, labelled and linked to the person’s review', async () => {
    db().answers.search['focus'] = [
      {
        kind: 'cdf_review',
        id: 4,
        person_id: 2,
        person: 'Diego Hernández',
        date: '2026-10-01',
        snippet: 'Focus: stakeholder communication',
        parts: [
          { text: 'Focus', matched: true },
          { text: ': stakeholder communication', matched: false },
        ],
      },
    ];
    install();
    await go('#/search?q=focus');
    render(App);
    const hit = await screen.findByTestId('search-result');
    expect(hit.dataset.kind).toBe('cdf_review');
    expect(hit.getAttribute('href')).toBe('#/person/2?focus=cdf-4');
    expect(hit.textContent).toContain('CDF review');
    expect(within(hit).getByTestId('search-snippet').querySelector('mark')?.textContent).toBe('Focus');
  });

  it('deletes a CDF review to the Trash with Undo; Settings → Trash lists it in the core’s words and restores it', async () => {
    const review = handle(db(), 'cdf_review_add', {
      input: { person_id: 2, date: '2026-10-01', focus: ['Stakeholder communication'], notes: 'Private', link: null },
    }) as { id: number };
    install();
    await go('#/settings');
    render(App);
    await screen.findByTestId('trash-section');
    const { deleteRecord } = await import('$lib/deleting');
    const entry = await deleteRecord('cdf_review', review.id);
    expect(called('record_delete')).toEqual([{ kind: 'cdf_review', id: review.id }]);
    // No confirmation for a review: Undo covers it.
    expect(called('record_delete_preview')).toEqual([]);
    expect(entry?.kind).toBe('cdf_review');
    expect(db().answers.cdf_reviews_list).toEqual([]);
    const row = await screen.findByTestId('trash-entry');
    expect(row.dataset.kind).toBe('cdf_review');
    expect(row.textContent).toContain('CDF review');
    await fireEvent.click(within(row).getByTestId('trash-restore'));
    await waitFor(() => expect(screen.queryAllByTestId('trash-entry')).toHaveLength(0));
    expect(db().answers.cdf_reviews_list.map((r) => r.id)).toEqual([review.id]);
  });
});
