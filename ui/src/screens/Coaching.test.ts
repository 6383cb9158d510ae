/**
 * The coaching views with the IPC mocked: CDF reviews on the person page
 * (list with notes rendered inert, record — also from `?cdf=new` —, edit,
 * the core's refusal shown, delete with Undo), the focus areas in force, the
 * person page's facts (career conversation, agenda balance and the
 * handbook's sentence, skip-level reports, whom a report reports to, OKR
 * objectives), and the Brief panel (every section, collapsed and
 * remembered, `b`, Copy as Markdown in the click) on the person page and in
 * Log a 1:1.
 */
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from '$lib/app.svelte';
import { startRouter } from '$lib/router.svelte';
import { toasts } from '$lib/toasts.svelte';
import type { Brief, CdfReview, Person, PersonPage as Page, TrashEntry, Update } from '$lib/types';
import { brief, cdfReview, personPage } from '../test/coaching';
import { person } from '../test/fixtures';
import LogOneOnOne from './LogOneOnOne.svelte';
import PersonPage from './PersonPage.svelte';

type Call = { cmd: string; args: Record<string, unknown> };
type Answer = (args: Record<string, unknown>) => unknown;

const MARKDOWN = '# Brief: Jane Doe\n\n## Open agenda\n';

/** A backend for Jane Doe (id 3): her records, her brief, CDF reviews kept in `reviews`; `over` answers some commands. */
function backend(opts: { reviews?: CdfReview[]; brief?: Brief; page?: Page; people?: Person[]; updates?: Update[]; over?: Record<string, Answer> } = {}) {
  const calls: Call[] = [];
  const reviews = [...(opts.reviews ?? [cdfReview()])];
  let trashed: CdfReview | null = null;
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    const over = opts.over?.[cmd];
    if (over) return over(args);
    switch (cmd) {
      case 'person_get':
        return (opts.people ?? app.people).find((p) => p.id === args.id) ?? person();
      case 'people_list':
        return opts.people ?? app.people;
      case 'app_info':
        return { version: 't', db_path: '', schema_version: 8, today: '2026-05-14', is_empty: false, startup_error: null };
      case 'settings_list':
        return [];
      case 'agenda_list':
      case 'customer_links_list':
      case 'check_ins_list':
      case 'wins_list':
      case 'interviews_list':
      case 'requisitions_list':
      case 'overdue':
        return [];
      case 'one_on_ones_list':
        return [{ id: 40, person_id: args.personId, date: '2026-03-02', status: 'held', notes: '', tags: [] }];
      case 'updates_list':
        return opts.updates ?? [];
      case 'draft_get':
        return null;
      case 'draft_save':
      case 'draft_discard':
        return null;
      case 'brief':
        return opts.brief ?? brief();
      case 'person_page':
        return opts.page ?? personPage();
      case 'brief_markdown':
        return MARKDOWN;
      case 'cdf_reviews_list':
        return reviews.filter((r) => r.person_id === args.personId);
      case 'cdf_review_add': {
        const r = { ...(args.input as Omit<CdfReview, 'id'>), id: 80 };
        reviews.push(r);
        return r;
      }
      case 'cdf_review_update': {
        const k = reviews.findIndex((r) => r.id === args.id);
        reviews[k] = { ...(args.input as Omit<CdfReview, 'id'>), id: args.id as number };
        return reviews[k];
      }
      case 'record_delete': {
        const k = reviews.findIndex((r) => r.id === args.id);
        trashed = reviews.splice(k, 1)[0];
        return {
          id: 500,
          kind: 'cdf_review',
          record_id: trashed.id,
          label: `CDF review of Jane Doe on ${trashed.date}`,
          deleted_on: '2026-05-14',
          purge_on: '2026-06-13',
          records: {},
        } as unknown as TrashEntry;
      }
      case 'trash_restore':
        if (trashed) reviews.push(trashed);
        return { id: 500, kind: 'cdf_review', record_id: 70, label: 'CDF review of Jane Doe on 2026-04-02', deleted_on: '2026-05-14', purge_on: '2026-06-13', records: {} };
      default:
        throw { kind: 'internal', message: `unexpected command ${cmd}` };
    }
  });
  return {
    calls,
    reviews,
    called: (cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args),
  };
}

const errors = () => toasts.list.filter((t) => t.tone === 'error').map((t) => t.message);
const notices = () => toasts.list.filter((t) => t.tone === 'notice').map((t) => t.message);

beforeEach(() => {
  app.today = '2026-05-14';
  app.people = [person(), person({ id: 4, name: 'Dmitri Janssen' })];
  app.settings = [];
  localStorage.clear();
  location.hash = '#/person/3';
});

afterEach(() => {
  clearMocks();
  toasts.list = [];
});

describe('CDF reviews on the person page', () => {
  it('lists the reviews newest first with focus areas, inert notes and the link', async () => {
    backend({ reviews: [cdfReview(), cdfReview({ id: 71, date: '2026-05-01', focus: ['Pricing'], notes: '', link: null })] });
    render(PersonPage, { id: 3, query: {} });
    const rows = await screen.findAllByTestId('cdf-review');
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['71', '70']);
    expect(within(rows[1]).getAllByTestId('cdf-review-focus').map((f) => f.textContent)).toEqual([
      'Customer interviews every week',
      'Write the direction page',
    ]);
    const notes = within(rows[1]).getByTestId('cdf-review-notes');
    expect(notes.querySelector('strong')?.textContent).toBe('execution');
    expect(notes.querySelector('img')).toBeNull();
    expect(notes.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(within(rows[1]).getByTestId('cdf-review-link').getAttribute('href')).toBe('https://gitlab.example.com/cdf/70');
    expect(errors()).toEqual([]);
  });

  it('records a review: the exact input, then the brief is read again', async () => {
    const b = backend({ reviews: [] });
    render(PersonPage, { id: 3, query: {} });
    await fireEvent.click(await screen.findByTestId('cdf-add'));
    const dialog = await screen.findByTestId('cdf-form');
    expect((within(dialog).getByTestId('cdf-date') as HTMLInputElement).value).toBe('2026-05-14');
    await fireEvent.input(within(dialog).getByTestId('cdf-date'), { target: { value: '2026-05-13' } });
    await fireEvent.input(within(dialog).getByTestId('cdf-focus-0'), { target: { value: '  Customer interviews ' } });
    await fireEvent.input(within(dialog).getByTestId('cdf-focus-2'), { target: { value: 'Direction page' } });
    await fireEvent.input(within(dialog).getByTestId('cdf-notes'), { target: { value: 'Went **well**.' } });
    await fireEvent.input(within(dialog).getByTestId('cdf-link'), { target: { value: 'https://gitlab.example.com/cdf/9' } });
    const briefsBefore = b.called('brief').length;
    await fireEvent.click(within(dialog).getByTestId('cdf-save'));
    await waitFor(() => expect(screen.queryByTestId('cdf-form')).toBeNull());
    expect(b.called('cdf_review_add')).toEqual([
      {
        input: {
          person_id: 3,
          date: '2026-05-13',
          focus: ['Customer interviews', 'Direction page'],
          notes: 'Went **well**.',
          link: 'https://gitlab.example.com/cdf/9',
        },
      },
    ]);
    expect(screen.getAllByTestId('cdf-review')).toHaveLength(1);
    expect(notices()).toContain('Recorded the CDF review of Wed 13 May 2026.');
    await waitFor(() => expect(b.called('brief').length).toBeGreaterThan(briefsBefore));
  });

  it('opens the add dialog from ?cdf=new (Today’s one-click action), then drops it from the route', async () => {
    backend();
    location.hash = '#/person/3?cdf=new&focus=item-12';
    startRouter();
    render(PersonPage, { id: 3, query: { cdf: 'new', focus: 'item-12' } });
    expect(await screen.findByTestId('cdf-form')).toBeTruthy();
    expect(screen.getByTestId('cdf-focus-0')).toBeTruthy();
    expect(location.hash).toBe('#/person/3?focus=item-12');
  });

  it('shows the core’s refusal in the dialog and keeps what was typed', async () => {
    const b = backend({
      reviews: [],
      over: { cdf_review_add: () => Promise.reject({ kind: 'invalid', message: 'A CDF review has 1 to 3 focus areas; give at least one.' }) },
    });
    render(PersonPage, { id: 3, query: {} });
    await fireEvent.click(await screen.findByTestId('cdf-add'));
    await fireEvent.input(screen.getByTestId('cdf-notes'), { target: { value: 'Only notes' } });
    await fireEvent.click(screen.getByTestId('cdf-save'));
    expect((await screen.findByTestId('cdf-error')).textContent).toBe('A CDF review has 1 to 3 focus areas; give at least one.');
    expect(errors()).toEqual(['A CDF review has 1 to 3 focus areas; give at least one.']);
    expect(b.called('cdf_review_add')[0]).toMatchObject({ input: { focus: [], notes: 'Only notes', link: null } });
    expect(screen.getByTestId('cdf-form')).toBeTruthy();
    expect((screen.getByTestId('cdf-notes') as HTMLTextAreaElement).value).toBe('Only notes');
  });

  it('edits a review with its fields filled in', async () => {
    const b = backend();
    render(PersonPage, { id: 3, query: {} });
    await fireEvent.click(await screen.findByTestId('cdf-edit'));
    const dialog = await screen.findByTestId('cdf-form');
    expect((within(dialog).getByTestId('cdf-focus-1') as HTMLInputElement).value).toBe('Write the direction page');
    await fireEvent.input(within(dialog).getByTestId('cdf-focus-1'), { target: { value: '' } });
    await fireEvent.click(within(dialog).getByTestId('cdf-save'));
    await waitFor(() => expect(screen.queryByTestId('cdf-form')).toBeNull());
    expect(b.called('cdf_review_update')).toEqual([
      { id: 70, input: { person_id: 3, date: '2026-04-02', focus: ['Customer interviews every week'], notes: cdfReview().notes, link: 'https://gitlab.example.com/cdf/70' } },
    ]);
    expect(within(screen.getByTestId('cdf-review')).getAllByTestId('cdf-review-focus')).toHaveLength(1);
  });

  it('deletes a review to the Trash, and Undo puts it back', async () => {
    const b = backend();
    render(PersonPage, { id: 3, query: {} });
    const row = await screen.findByTestId('cdf-review');
    await fireEvent.click(within(row).getByTestId('delete-record'));
    await waitFor(() => expect(screen.queryByTestId('cdf-review')).toBeNull());
    expect(b.called('record_delete')).toEqual([{ kind: 'cdf_review', id: 70 }]);
    expect(notices()[0]).toMatch(/^Moved CDF review of Jane Doe on 2026-04-02 to the Trash/);
    const undo = toasts.list.find((t) => t.action?.label === 'Undo')!;
    await undo.action!.run();
    expect(await screen.findByTestId('cdf-review')).toBeTruthy();
    expect(b.called('trash_restore')).toEqual([{ id: 500 }]);
  });
});

describe('the person page’s coaching facts', () => {
  it('shows the focus areas in force, the career conversation and the agenda balance with the handbook’s sentence', async () => {
    backend();
    render(PersonPage, { id: 3, query: {} });
    const facts = await screen.findByTestId('person-coaching');
    await waitFor(() => expect(within(facts).getAllByTestId('focus-area').map((f) => f.textContent)).toEqual(['Customer interviews every week', 'Write the direction page']));
    expect(within(facts).getByTestId('cdf-next-due').textContent).toContain('Sun 10 May 2026 (4 days overdue)');
    expect(within(facts).getByTestId('person-career').textContent).toMatch(/last Mon 1 Dec 2025 \(164 days ago\).*next Mon 1 Jun 2026 \(due in 18 days\)/s);
    expect(within(facts).getByTestId('agenda-balance-text').textContent).toBe('2 raised by them, 5 by you (71% by you)');
    expect(within(facts).getByTestId('agenda-balance-bar').getAttribute('aria-label')).toBe('29% of the items raised by them, 71% by you');
    expect(within(facts).getByTestId('agenda-balance-warning').textContent).toBe(
      'The handbook: “If the manager puts more than half of the items on the agenda this is an indication that something is wrong.”',
    );
  });

  it('says nothing of the handbook when the person raised at least half', async () => {
    backend({ page: personPage({ agenda_balance: { raised_by_person: 3, raised_by_leader: 3, warning: null } }) });
    render(PersonPage, { id: 3, query: {} });
    expect((await screen.findByTestId('agenda-balance-text')).textContent).toBe('3 raised by them, 3 by you (50% by you)');
    expect(screen.queryByTestId('agenda-balance-warning')).toBeNull();
  });

  it('lists a manager’s skip-level reports with the last skip-level and when the next is due', async () => {
    const b = backend({
      page: personPage({
        skip_level_reports: [
          { person_id: 8, name: 'Sam Report', title: 'Product Manager', last_meeting: '2026-02-09', next_due: '2026-05-11' },
          { person_id: 9, name: 'Tia New', title: 'Product Manager', last_meeting: null, next_due: '2026-07-01' },
        ],
      }),
    });
    render(PersonPage, { id: 3, query: {} });
    const rows = await screen.findAllByTestId('skip-level-report');
    expect(b.called('person_page')).toEqual([{ id: 3 }]);
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['8', '9']);
    expect(rows[0].textContent).toMatch(/last skip-level Mon 9 Feb 2026 \(94 days ago\).*next Mon 11 May 2026 \(3 days overdue\)/s);
    expect(rows[1].textContent).toMatch(/no skip-level yet.*next Wed 1 Jul 2026/s);
    expect(within(rows[0]).getByText('Log the skip-level').getAttribute('href')).toBe('#/log/8');
    expect(within(rows[0]).getByText('Sam Report').getAttribute('href')).toBe('#/person/8');
  });

  it('has no skip-level list for someone without reports', async () => {
    backend();
    render(PersonPage, { id: 3, query: {} });
    await screen.findByTestId('agenda-balance');
    expect(screen.queryByTestId('person-skip-levels')).toBeNull();
  });

  it('says whom a skip-level report reports to, with a link, and owes them no CDF review or career conversation', async () => {
    const people = [person({ id: 3, name: 'Jane Doe', reports_to: null }), person({ id: 8, name: 'Sam Report', tracked: false, reports_to: 3 })];
    app.people = people;
    backend({ people, page: personPage({ person: people[1], reports_to: 'Jane Doe' }), brief: brief({ person: people[1], reports_to: 'Jane Doe' }) });
    render(PersonPage, { id: 8, query: {} });
    const line = await screen.findByTestId('person-reports-to');
    expect(line.textContent).toMatch(/skip-level report of\s+Jane Doe/);
    expect(line.querySelector('a')?.getAttribute('href')).toBe('#/person/3');
    const facts = screen.getByTestId('person-coaching');
    await within(facts).findByTestId('person-career');
    expect(within(facts).queryByTestId('cdf-next-due')).toBeNull();
    expect(within(facts).getByTestId('person-career').textContent).not.toContain('next');
    await waitFor(() => expect(screen.getByTestId('brief-meta').textContent).toContain('Skip-level report of Jane Doe'));
    expect(within(screen.getByTestId('brief-panel')).queryByTestId('cdf-next-due')).toBeNull();
  });

  it('shows the objectives and key results of OKR updates, read-only', async () => {
    backend({
      updates: [
        {
          id: 10,
          person_id: 3,
          kind: 'okrs',
          period: 'FY27-Q2',
          status: 'in_review',
          done_on: null,
          link: null,
          objectives: [{ text: 'Grow Plan adoption', key_results: [{ text: '10 new teams', score: 0.7 }] }],
        },
      ],
    });
    render(PersonPage, { id: 3, query: {} });
    const okrs = await screen.findByTestId('person-okrs');
    expect(okrs.textContent).toContain('OKRs FY27-Q2');
    expect(okrs.textContent).toContain('Grow Plan adoption');
    expect(okrs.textContent).toContain('10 new teams · score 0.7');
    expect(okrs.querySelector('input, button, select')).toBeNull();
  });
});

describe('the Brief panel', () => {
  it('shows every section of the brief from the JSON, user text inert', async () => {
    const b = backend();
    render(PersonPage, { id: 3, query: {} });
    const panel = await screen.findByTestId('brief-panel');
    await waitFor(() => expect(within(panel).getAllByTestId('brief-agenda-item')).toHaveLength(2));
    expect(b.called('brief')).toEqual([{ personId: 3, asOf: null }]);
    for (const id of ['agenda', 'owed', 'wins', 'overdue', 'cdf', 'career', 'updates', 'customers', 'release']) {
      expect(within(panel).getByTestId(`brief-${id}`)).toBeTruthy();
    }
    const [carried, fresh] = within(panel).getAllByTestId('brief-agenda-item');
    expect(carried.getAttribute('data-carried')).toBe('true');
    expect(carried.textContent).toContain('carried over');
    expect(carried.textContent).toContain('timing 19.2');
    expect(carried.textContent).toContain('due Thu 21 May 2026 (due in 7 days)');
    expect(fresh.querySelector('strong')?.textContent).toBe('pricing');
    expect(within(panel).getByTestId('brief-balance-warning')).toBeTruthy();
    expect(within(panel).getByTestId('brief-owed-item').textContent).toMatch(/Request.*due Thu 14 May 2026 \(due today\)/s);
    const wins = within(panel).getAllByTestId('brief-win');
    expect(wins[0].textContent).toContain('<script>alert(1)</script>');
    expect(wins[0].querySelector('script')).toBeNull();
    expect(wins[0].textContent).toContain('not shared yet');
    expect(wins[1].textContent).toContain('shared Mon 11 May 2026 in staff meeting');
    expect(within(panel).getByTestId('brief-nudge').textContent).toContain('4 days overdue');
    expect(within(panel).getByTestId('brief-cdf').textContent).toContain('Customer interviews every week');
    // The section's heading names the focus areas once.
    expect(within(panel).getByTestId('brief-cdf').textContent?.match(/CDF focus areas/g)).toHaveLength(1);
    expect(within(panel).getByTestId('brief-career').textContent).toContain('164 days ago');
    const updates = within(panel).getAllByTestId('brief-update');
    expect(updates.map((u) => [...u.querySelectorAll('td')].map((td) => td.textContent?.trim()))).toEqual([
      ['Next release', '2026-05', 'Thu 21 May 2026', 'done Tue 12 May 2026', 'link'],
      ['3-month vision', '2026-05', 'Thu 21 May 2026', 'none recorded', '—'],
      ['OKRs', 'FY27-Q2', 'Thu 21 May 2026', 'in review', '—'],
    ]);
    expect(within(panel).getByTestId('brief-okrs').textContent).toMatch(/Grow Plan adoption.*10 new enterprise teams · score 0.7.*Docs revamp · not scored/s);
    expect(within(panel).getByTestId('brief-customer').textContent).toMatch(/Support.*Boards.*last check-in Thu 30 Apr 2026 \(14 days ago\)/s);
    expect(within(panel).getByTestId('brief-release').textContent).toContain('Release 19.0 ships Thu 21 May 2026 (in 7 days)');
  });

  it('collapses, remembers it, and b toggles it when not typing', async () => {
    backend();
    const { unmount } = render(PersonPage, { id: 3, query: {} });
    const toggle = await screen.findByTestId('brief-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByTestId('brief-body').hidden).toBe(true);
    unmount();

    render(PersonPage, { id: 3, query: {} });
    const again = await screen.findByTestId('brief-toggle');
    expect(again.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.keyDown(window, { key: 'b' });
    expect(again.getAttribute('aria-expanded')).toBe('true');
    const input = screen.getByTestId('agenda-add-text');
    input.focus();
    await fireEvent.keyDown(input, { key: 'b' });
    expect(again.getAttribute('aria-expanded')).toBe('true');
    input.blur();
    await fireEvent.keyDown(window, { key: 'g' });
    await fireEvent.keyDown(window, { key: 'b' });
    expect(again.getAttribute('aria-expanded')).toBe('true');
  });

  it('copies the core’s Markdown in the click itself', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const b = backend();
    render(PersonPage, { id: 3, query: {} });
    await screen.findAllByTestId('brief-agenda-item');
    await waitFor(() => expect(b.called('brief_markdown')).toEqual([{ personId: 3, asOf: '2026-05-14' }]));
    await new Promise((r) => setTimeout(r, 0));
    await fireEvent.click(screen.getByTestId('brief-copy'));
    expect(writeText).toHaveBeenCalledWith(MARKDOWN);
    await waitFor(() => expect(notices()[0]).toMatch(/^The brief for Jane Doe is on the clipboard as Markdown/));
  });

  it('says in the panel when the brief cannot be made, and the page stays', async () => {
    backend({ over: { brief: () => Promise.reject({ kind: 'invalid', message: 'Jane Doe has reported to you since 2027-01-01; there is nothing to brief.' }) } });
    render(PersonPage, { id: 3, query: {} });
    expect((await screen.findByTestId('brief-error')).textContent).toContain('nothing to brief');
    expect(screen.getByTestId('person-agenda')).toBeTruthy();
    expect(errors()).toEqual([]);
  });
});

describe('Log a 1:1 with the brief', () => {
  it('shows the brief on top and the focus areas beside the notes for the person picked', async () => {
    location.hash = '#/log/3';
    const b = backend();
    render(LogOneOnOne, { id: 3, query: {} });
    await screen.findByTestId('log-notes');
    const panel = await screen.findByTestId('brief-panel');
    await waitFor(() => expect(within(panel).getAllByTestId('brief-agenda-item')).toHaveLength(2));
    expect(b.called('brief')).toEqual([{ personId: 3, asOf: null }]);
    const focus = screen.getByTestId('log-focus-areas');
    expect(within(focus).getAllByTestId('focus-area').map((f) => f.textContent)).toEqual(['Customer interviews every week', 'Write the direction page']);
    expect(within(focus).getByText('Record a CDF review').getAttribute('href')).toBe('#/person/3?cdf=new');
    expect(errors()).toEqual([]);
  });

  it('reads the brief of the next person after Change person', async () => {
    const b = backend({ over: { brief: (a) => brief({ person: person({ id: a.personId as number, name: 'Dmitri Janssen' }), cdf: { last: null, next_due: '2026-06-01' } }) } });
    render(LogOneOnOne, { id: 3, query: {} });
    await screen.findByTestId('log-focus-areas');
    await fireEvent.click(screen.getByTestId('log-change-person'));
    const input = await screen.findByTestId('log-person-input');
    await fireEvent.input(input, { target: { value: 'dmi' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('log-focus-areas').textContent).toContain('No CDF review yet'));
    expect(b.called('brief').map((a) => a.personId)).toEqual([3, 4]);
  });
});
