import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyForm } from './logForm';
import { parseHash } from './routes';
import { inForceText, logFormFor, prefill, routeTag, sourceText, startForm, templateBody, withTag } from './templates';

afterEach(() => clearMocks());

const TEMPLATE = '## Their items\n- \n';

describe('templates', () => {
  it('says where the template in force comes from', () => {
    expect(sourceText('person', 'Priya Raman')).toBe('Priya Raman’s own template');
    expect(sourceText('person')).toBe('their own template');
    expect(sourceText('leader')).toBe('yours');
    expect(sourceText('coachlog')).toBe('Coachlog’s default');
    expect(inForceText({ kind: 'walkthrough', person_id: null, body: '', source: 'leader' })).toBe('In force: yours.');
  });

  it('pre-fills only what is empty', () => {
    expect(prefill('', TEMPLATE)).toBe(TEMPLATE);
    expect(prefill('  \n', TEMPLATE)).toBe(TEMPLATE);
    expect(prefill('Talked pricing', TEMPLATE)).toBe('Talked pricing');
    expect(prefill('', '')).toBe('');
  });

  it('adds a tag once, compared case-insensitively', () => {
    expect(withTag('', 'career')).toBe('career');
    expect(withTag('risk', 'career')).toBe('risk, career');
    expect(withTag('Career, risk', 'career')).toBe('Career, risk');
    expect(withTag('risk', '  ')).toBe('risk');
    expect(withTag('risk', null)).toBe('risk');
  });

  it('starts a new 1:1 from the template, and a draft from its own notes', () => {
    const fresh = emptyForm('2026-11-27', 3);
    expect(startForm(fresh, false, { template: TEMPLATE, tag: 'career' })).toMatchObject({ notes: TEMPLATE, tagsText: 'career', personId: 3 });
    const draft = { ...fresh, notes: '', tagsText: 'risk' };
    // A draft's notes stay as they were saved, even empty: the leader may have cleared the template.
    expect(startForm(draft, true, { template: TEMPLATE, tag: 'career' })).toMatchObject({ notes: '', tagsText: 'risk, career' });
  });

  it('takes the tag from the route only for the person it names', () => {
    expect(routeTag(3, parseHash('#/log/3?tag=career'))).toBe('career');
    expect(routeTag(4, parseHash('#/log/3?tag=career'))).toBeNull();
    expect(routeTag(3, parseHash('#/log/3'))).toBeNull();
    expect(routeTag(3, parseHash('#/person/3?tag=career'))).toBeNull();
  });

  it('asks the core for the template in force, and starts empty when it cannot', async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      asked.push([cmd, args]);
      return { kind: 'one_on_one', person_id: 3, body: TEMPLATE, source: 'leader' };
    });
    expect(await templateBody('one_on_one', 3)).toBe(TEMPLATE);
    expect(asked).toEqual([['template_get', { kind: 'one_on_one', personId: 3 }]]);
    expect(await logFormFor(null, emptyForm('2026-11-27', 3))).toMatchObject({ notes: TEMPLATE });
    asked.length = 0;
    // A draft is not pre-filled, so the core is not asked.
    expect(await logFormFor({ ...emptyForm('2026-11-27', 3), notes: 'kept' }, emptyForm('2026-11-27', 3))).toMatchObject({ notes: 'kept' });
    expect(asked).toEqual([]);
    mockIPC(() => {
      throw { kind: 'io', message: 'The disk is gone.' };
    });
    expect(await templateBody('walkthrough', null)).toBe('');
  });
});
