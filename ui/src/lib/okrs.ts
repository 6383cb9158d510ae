/**
 * OKR content of an `okrs` update: its objectives, each with key results and
 * an optional score from 0.0 to 1.0. The form's rows as typed (scores as
 * text), turning them into the update's `objectives`, and scores in words.
 * The core checks the texts and the limits and says what is wrong
 * (`crates/core/src/store/updates.rs`); a score is read here because the
 * core refuses a bad one before its own checks run. Unit-tested in
 * `okrs.test.ts`.
 */
import type { Objective, Update } from './types';

/**
 * The most objectives an update holds, and key results an objective holds
 * (the core's `OBJECTIVES_MAX`): the form offers no more.
 */
export const OBJECTIVES_MAX = 20;

/** A key result as typed. */
export interface KeyResultRow {
  text: string;
  /** '' while not scored. */
  score: string;
}

/** An objective as typed. */
export interface ObjectiveRow {
  text: string;
  keyResults: KeyResultRow[];
}

/** A score as the core writes it: `0.7`, `0.85`, `1.0`, `0.0`. */
export function scoreText(score: number): string {
  const hundredths = Math.round(score * 100);
  const [whole, rest] = [Math.floor(hundredths / 100), hundredths % 100];
  if (rest === 0) return `${whole}.0`;
  return rest % 10 === 0 ? `${whole}.${rest / 10}` : `${whole}.${String(rest).padStart(2, '0')}`;
}

/** The rows for an update's objectives (to edit them). */
export function toRows(objectives: readonly Objective[]): ObjectiveRow[] {
  return objectives.map((o) => ({
    text: o.text,
    keyResults: o.key_results.map((kr) => ({ text: kr.text, score: kr.score === null ? '' : scoreText(kr.score) })),
  }));
}

/** A new, empty objective with one empty key result. */
export function newObjective(): ObjectiveRow {
  return { text: '', keyResults: [newKeyResult()] };
}

export function newKeyResult(): KeyResultRow {
  return { text: '', score: '' };
}

/**
 * A typed score: null when empty, else a number from 0.0 to 1.0 with at
 * most two decimals (a comma is read as the decimal point). Throws with the
 * leader's words otherwise; `where` names the key result.
 */
export function parseScore(text: string, where: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const value = /^\d*\.?\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(value)) throw new Error(`'${text.trim()}' is not a score (${where}); give a number from 0.0 to 1.0, such as 0.7, or leave it empty.`);
  if (value > 1) throw new Error(`A key result's score is from 0.0 to 1.0; ${t} is not (${where}).`);
  if (Math.abs(Math.round(value * 100) / 100 - value) > 1e-9)
    throw new Error(`A key result's score has at most two decimals (0.7, 0.85); ${t} has more (${where}).`);
  return Math.round(value * 100) / 100;
}

const blankKr = (kr: KeyResultRow) => kr.text.trim() === '' && kr.score.trim() === '';

/**
 * The update's `objectives` for the rows: texts trimmed, rows left wholly
 * empty dropped (a key result with neither text nor score; an objective
 * with no text and no key results left). An objective or key result with
 * no text but something else is sent as it is, for the core to say what
 * is missing. Throws on a score that is not one.
 */
export function toObjectives(rows: readonly ObjectiveRow[]): Objective[] {
  const out: Objective[] = [];
  rows.forEach((o, i) => {
    const krs = o.keyResults.filter((kr) => !blankKr(kr));
    if (o.text.trim() === '' && krs.length === 0) return;
    out.push({
      text: o.text.trim(),
      key_results: krs.map((kr, j) => ({ text: kr.text.trim(), score: parseScore(kr.score, `key result ${j + 1} of objective ${i + 1}`) })),
    });
  });
  return out;
}

/** "2 objectives · 5 key results": an OKR update's content in a few words ('' without objectives). */
export function okrSummary(u: Pick<Update, 'objectives'>): string {
  const o = u.objectives.length;
  if (o === 0) return '';
  const k = u.objectives.reduce((n, x) => n + x.key_results.length, 0);
  return `${o} objective${o === 1 ? '' : 's'} · ${k} key result${k === 1 ? '' : 's'}`;
}
