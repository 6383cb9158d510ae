/**
 * The coverage grid on the Team screen: how each cell shows its status —
 * a class for the colour, and an icon and a label, so colour is never the
 * only signal. Pure, tested in `coverage.test.ts`.
 */
import { CATALOGUE } from './bindings';
import type { CoverageCell, CoverageStatus, Practice } from './types';

/** Column headings: the core's rule table (generated `bindings/ruleTable.ts`). */
export const PRACTICE_LABELS = Object.fromEntries(CATALOGUE.practices.map((p) => [p.practice, p.label])) as Record<
  Practice,
  string
>;

/** Each status's class, icon and legend wording. */
export const STATUS_VIEW: Record<CoverageStatus, { cls: string; icon: string; legend: string }> = {
  overdue: { cls: 'cov-overdue', icon: '!', legend: 'Overdue' },
  due_soon: { cls: 'cov-soon', icon: '◔', legend: 'Due within three days' },
  on_track: { cls: 'cov-ok', icon: '✓', legend: 'On track' },
  not_applicable: { cls: 'cov-na', icon: '–', legend: 'Not applicable' },
};

export interface CellView {
  cls: string;
  icon: string;
  /** Short text shown in the cell. */
  label: string;
  /** The tooltip: the worst item's message, or what the status means. */
  title: string;
}

/** How one cell shows. */
export function cellView(cell: CoverageCell): CellView {
  const { cls, icon } = STATUS_VIEW[cell.status];
  const v = { cls, icon };
  switch (cell.status) {
    case 'overdue':
      return { ...v, label: `${cell.overdue} overdue`, title: cell.worst ?? 'Overdue' };
    case 'due_soon':
      return { ...v, label: `${cell.due_soon} due soon`, title: cell.worst ?? 'Due within three days' };
    case 'on_track':
      return { ...v, label: 'On track', title: 'Nothing overdue or due within three days.' };
    case 'not_applicable':
      return { ...v, label: 'n/a', title: 'Nothing to track here (no internal customers).' };
  }
}
