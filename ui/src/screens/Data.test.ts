/**
 * Settings → Data against the mock backend: Import… shows the shell's dry run
 * (counts, new people) and writes nothing until Import, which sends only the
 * token and reloads the screens; Cancel forgets the file; a cancelled dialog
 * says nothing; a refused file shows its row; Export… and Import database…
 * (which says how to open the new database) send no path.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { toasts } from '$lib/toasts.svelte';
import { demoBackend, go } from '../test/app';

const { install, called, db } = demoBackend();

async function dataSection() {
  await go('#/settings');
  render(App);
  return screen.findByTestId('settings-data');
}

describe('Settings → Data', () => {
  it('previews an import, then imports exactly that file by its token and reloads the screens', async () => {
    install();
    db().importFile = { file: 'oikio-data.json', source: 'oikio', people: ['Dana Whitfield', 'Lee Novak', db().answers.people_list[0].name] };
    const before = db().answers.people_list.length;
    const section = await dataSection();
    await fireEvent.click(within(section).getByTestId('data-import'));
    const preview = await within(section).findByTestId('import-preview');
    expect(called('import_preview')).toEqual([{}]);
    expect(preview.textContent).toContain('oikio-data.json');
    const report = within(preview).getByTestId('import-preview-report').textContent ?? '';
    expect(report).toContain('Would add 2 people.');
    expect(report).toContain('New people: Dana Whitfield, Lee Novak.');
    expect(called('import_preview')).toHaveLength(1);
    expect(report).not.toContain('Dry run');
    expect(db().answers.people_list).toHaveLength(before);
    const loads = called('people_list').length;

    await fireEvent.click(within(preview).getByTestId('import-apply'));
    await waitFor(() => expect(called('import_apply')).toEqual([{ token: 'import-1' }]));
    await waitFor(() => expect(within(section).queryByTestId('import-preview')).toBeNull());
    expect(db().answers.people_list).toHaveLength(before + 2);
    await waitFor(() => expect(called('people_list').length).toBeGreaterThan(loads));
    expect(toasts.list.map((t) => t.message)).toContain('Imported oikio-data.json: 2 people.');
  });

  it('forgets the file on Cancel and says nothing when the Open dialog is cancelled', async () => {
    install();
    const section = await dataSection();
    await fireEvent.click(within(section).getByTestId('data-import'));
    await fireEvent.click(await within(section).findByTestId('import-cancel'));
    await waitFor(() => expect(called('import_cancel')).toEqual([{ token: 'import-1' }]));
    expect(within(section).queryByTestId('import-preview')).toBeNull();
    expect(called('import_apply')).toEqual([]);

    db().dialogs.open = false;
    await fireEvent.click(within(section).getByTestId('data-import'));
    await waitFor(() => expect(called('import_preview')).toHaveLength(2));
    await waitFor(() => expect(within(section).getByTestId<HTMLButtonElement>('data-import').disabled).toBe(false));
    expect(toasts.list).toEqual([]);
    expect(within(section).queryByTestId('import-preview')).toBeNull();
  });

  it('shows why a file was refused, naming its row', async () => {
    install({
      import_preview: () => {
        throw { kind: 'invalid', message: 'row 14, column date: "2026-02-30" is not a date (YYYY-MM-DD).' };
      },
    });
    const section = await dataSection();
    await fireEvent.click(within(section).getByTestId('data-import'));
    await waitFor(() => expect(toasts.list.filter((t) => t.tone === 'error')).toHaveLength(1));
    expect(toasts.list[0].message).toContain('row 14, column date');
    expect(within(section).queryByTestId('import-preview')).toBeNull();
  });

  it('exports the whole database and imports an export into a new file, saying how to open it', async () => {
    install();
    const section = await dataSection();
    await fireEvent.click(within(section).getByTestId('data-export'));
    await waitFor(() => expect(called('database_export')).toEqual([{}]));
    await waitFor(() => expect(toasts.list.some((t) => t.message.startsWith('Exported the whole database to '))).toBe(true));

    await fireEvent.click(within(section).getByTestId('data-import-database'));
    const made = await within(section).findByTestId('database-imported');
    expect(called('database_import')).toEqual([{}]);
    expect(made.textContent).toContain('coachlog-imported.sqlite');
    expect(made.textContent).toContain('COACHLOG_DB=/home/you/Documents/coachlog-imported.sqlite');
  });
});
