/**
 * Checking answers: pure functions, no DOM (tested in `check.test.ts`).
 */
import type { ChoiceOption, Condition, Goal, Operand } from './types';

/**
 * A short answer reduced to what matters: Unicode-normalised, lower case, curly quotes and
 * dashes made plain, `ŷ` read as "y hat", punctuation (including `_`, `^`, braces, dots) as
 * spaces, a leading "the/a/an" dropped, spaces collapsed. "The cross-entropy." → "cross entropy".
 */
export function normaliseText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ŷ|y\u0302/g, ' y hat ')
    .replace(/[‘’‚′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .replace(/'/g, '')
    .trim()
    .replace(/^(the|a|an) /, '')
    .replace(/\s+/g, ' ');
}

/** Whether a short answer matches one of the accepted forms (spacing inside words does not matter: "y_true" = "ytrue"). */
export function matchText(input: string, accept: readonly string[]): boolean {
  const given = normaliseText(input);
  if (!given) return false;
  const squash = (s: string) => s.replace(/ /g, '');
  return accept.some((a) => {
    const form = normaliseText(a);
    return form === given || squash(form) === squash(given);
  });
}

/**
 * A number as a reader types it: `3`, ` 3.0 `, `-0.5`, `−0.5` (true minus), `1e-7`, `1,5`
 * (decimal comma, when it is the only separator). Returns undefined for anything else.
 */
export function parseNumber(input: string): number | undefined {
  let s = input.trim().replace(/[−–]/g, '-');
  if (/^[-+]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  const x = Number(s);
  return Number.isFinite(x) ? x : undefined;
}

export type NumericResult = { kind: 'unreadable' } | { kind: 'right'; value: number } | { kind: 'wrong'; value: number; direction: 'high' | 'low' };

/** Is the typed number within `tolerance` of `value` (absolute, inclusive)? */
export function checkNumeric(input: string, value: number, tolerance: number): NumericResult {
  const x = parseNumber(input);
  if (x === undefined) return { kind: 'unreadable' };
  // A hair of slack so that e.g. 0.1 + 0.2 against 0.3 ± 0 still counts.
  const slack = 1e-12 * Math.max(1, Math.abs(value));
  if (Math.abs(x - value) <= tolerance + slack) return { kind: 'right', value: x };
  return { kind: 'wrong', value: x, direction: x > value ? 'high' : 'low' };
}

export interface ChoiceResult {
  correct: boolean;
  /** Feedback for each chosen option, in option order. */
  chosen: { id: string; correct: boolean; feedback: string }[];
  /** Correct options not chosen (multiple choice). */
  missed: string[];
}

/** Grade chosen option ids: right when exactly the correct options are chosen. */
export function gradeChoice(options: readonly ChoiceOption[], chosenIds: readonly string[]): ChoiceResult {
  const chosenSet = new Set(chosenIds);
  const chosen = options.filter((o) => chosenSet.has(o.id)).map((o) => ({ id: o.id, correct: o.correct, feedback: o.feedback }));
  const missed = options.filter((o) => o.correct && !chosenSet.has(o.id)).map((o) => o.id);
  const correct = chosen.length > 0 && missed.length === 0 && chosen.every((c) => c.correct);
  return { correct, chosen, missed };
}

type Report = Record<string, number | string | boolean | null>;

function resolve(op: Operand, report: Report): number | string | boolean | null | undefined {
  return typeof op === 'object' && op !== null ? report[op.field] : op;
}

/** Whether one reported value meets a condition. Missing or null values never do; NaN fails every order. */
export function meets(report: Report, field: string, is: Condition): boolean {
  const v = report[field];
  if (v === undefined || v === null) return false;
  for (const [op, raw] of Object.entries(is) as [keyof Condition, Operand][]) {
    if (op === 'absLt') {
      if (typeof v !== 'number' || !(Math.abs(v) < (raw as number))) return false;
      continue;
    }
    const w = resolve(raw, report);
    if (w === undefined || w === null) return false;
    if (op === 'eq' && v !== w) return false;
    if (op === 'ne' && v === w) return false;
    if (op === 'lt' || op === 'le' || op === 'gt' || op === 'ge') {
      if (typeof v !== 'number' || typeof w !== 'number') return false;
      const ok = op === 'lt' ? v < w : op === 'le' ? v <= w : op === 'gt' ? v > w : v >= w;
      if (!ok) return false;
    }
  }
  return true;
}

/** Which goals of a widget task hold for a report. */
export function checkGoals(goals: readonly Goal[], report: Report): { met: boolean[]; solved: boolean } {
  const met = goals.map((g) => meets(report, g.field, g.is));
  return { met, solved: met.length > 0 && met.every(Boolean) };
}
