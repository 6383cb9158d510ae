/** The mock backend's answers to issue 12's commands: CDF reviews as records, templates in force as the core picks them. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, emptyDb, handle } from './mockBackend';

describe('the mock backend', () => {
  it('keeps CDF reviews, one person’s newest first', () => {
    const db = emptyDb();
    const add = (person_id: number, date: string) => handle(db, 'cdf_review_add', { input: { person_id, date, focus: ['Writing'], notes: '', link: null } });
    add(2, '2026-05-01');
    add(3, '2026-06-01');
    add(2, '2026-08-01');
    expect((handle(db, 'cdf_reviews_list', { personId: 2 }) as { date: string }[]).map((r) => r.date)).toEqual(['2026-08-01', '2026-05-01']);
    expect(handle(db, 'cdf_reviews_list', { personId: null })).toHaveLength(3);
  });

  it('answers the template in force: the person’s, else the leader’s, else Coachlog’s', () => {
    const db = emptyDb();
    const get = (personId: number | null) => handle(db, 'template_get', { kind: 'one_on_one', personId });
    expect(get(2)).toEqual({ kind: 'one_on_one', person_id: 2, body: DEFAULT_TEMPLATES.one_on_one, source: 'coachlog' });
    handle(db, 'template_set', { kind: 'one_on_one', personId: null, body: '\n## Mine\n- \n\n' });
    expect(get(2)).toMatchObject({ body: '## Mine\n- \n', source: 'leader' });
    handle(db, 'template_set', { kind: 'one_on_one', personId: 2, body: '## Diego' });
    expect(get(2)).toMatchObject({ body: '## Diego\n', source: 'person' });
    expect(get(3)).toMatchObject({ source: 'leader' });
    expect(handle(db, 'template_reset', { kind: 'one_on_one', personId: 2 })).toEqual({ kind: 'one_on_one', person_id: 2, body: '## Diego\n' });
    expect(handle(db, 'template_reset', { kind: 'one_on_one', personId: 2 })).toBeNull();
    expect(handle(db, 'template_get', { kind: 'walkthrough', personId: null })).toMatchObject({ source: 'coachlog', body: DEFAULT_TEMPLATES.walkthrough });
  });
});
