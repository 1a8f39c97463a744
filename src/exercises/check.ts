/**
 * Checking answers: pure functions, no DOM (tested in `check.test.ts`). A widget task's goals are
 * checked in `goals.ts`: that part is needed as soon as a task is on screen, this one only when a
 * reader checks an answer, so the page loads it then (see Exercise.tsx).
 */
import type { AnswerMeaning, ChoiceOption, ShortAnswer } from './types';

/**
 * A short answer reduced to what matters: Unicode-normalised, lower case, curly quotes and
 * dashes made plain, ŷ read as "y hat" however it is typed (`ŷ`, `y^`, `\hat{y}`, "hat y"),
 * punctuation (including `_`, `^`, braces, dots) as spaces, a leading "the/a/an" dropped, spaces
 * collapsed. "The cross-entropy." → "cross entropy".
 */
export function normaliseText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ŷ|y\u0302|\\?hat\s*\{\s*y\s*\}|\by\s*\^(?![\p{L}\p{N}{])/gu, ' y hat ')
    .replace(/[‘’‚′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .replace(/'/g, '')
    .trim()
    .replace(/^(the|a|an) /, '')
    .replace(/\s+/g, ' ')
    .replace(/\bhat y\b/g, 'y hat');
}

/** Words that only decorate a short answer ("the network's prediction" → "prediction"). */
const FILLER = new Set(['the', 'a', 'an', 'of', 'network', 'model']);

/** A simple plural made singular: "labels" → "label", "probabilities" → "probability", "classes" → "class". */
function singular(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/**
 * The words of a short answer that carry meaning: `normaliseText`, then a possessive "'s" dropped,
 * "one hot" read as one word, simple plurals made singular and filler words dropped.
 * "The network's one-hot labels" → ["onehot", "label"].
 */
export function answerWords(s: string): string[] {
  const plain = s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚′]/g, "'")
    .replace(/'s\b/g, '');
  return normaliseText(plain)
    .replace(/\bone hot\b/g, 'onehot')
    .split(' ')
    .filter(Boolean)
    .map(singular)
    .filter((w) => !FILLER.has(w));
}

/**
 * Whether the answer's words contain the phrase's words, as whole words, in order and next to each
 * other; spacing inside the phrase does not matter, so "cross entropy", "cross-entropy" and
 * "crossentropy" all contain "cross-entropy", and "y hat" contains "ŷ". "Multiclass" does not contain "class".
 */
export function containsPhrase(words: readonly string[], phrase: string): boolean {
  const target = answerWords(phrase).join('');
  if (!target) return false;
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let j = i; j < words.length && joined.length < target.length; j++) {
      joined += words[j];
      if (joined === target) return true;
    }
  }
  return false;
}

/** How a short answer was judged. `unsure`: it carries neither an accepted meaning nor a known wrong one (or both). */
export type TextResult =
  { kind: 'empty' } | { kind: 'right' } | { kind: 'wrong'; feedback: string } | { kind: 'unsure'; feedback?: string };

/** Whether the answer's words carry a meaning: a phrase of every group of `all`, and none of `not`. */
export function hasMeaning(words: readonly string[], meaning: AnswerMeaning): boolean {
  return (
    meaning.all.every((group) => group.some((p) => containsPhrase(words, p))) &&
    !(meaning.not ?? []).some((p) => containsPhrase(words, p))
  );
}

/**
 * Judge a short answer by what it means for this question. Right when it carries an accepted
 * meaning and no known wrong one; wrong, with the reason, when it carries a known wrong meaning and
 * no accepted one. Anything else (neither, or both at once) is `unsure`: the page says so and points
 * to the model answer instead of claiming ✓ or ✗. An `unclear` note ("y hat" only reads the symbol
 * aloud) may say what is missing.
 */
export function checkText(input: string, q: ShortAnswer): TextResult {
  if (!normaliseText(input)) return { kind: 'empty' };
  const words = answerWords(input);
  const right = q.accept.some((m) => hasMeaning(words, m));
  const wrong = (q.reject ?? []).find((m) => hasMeaning(words, m));
  if (right && !wrong) return { kind: 'right' };
  if (wrong && !right) return { kind: 'wrong', feedback: wrong.feedback };
  const note = right ? undefined : (q.unclear ?? []).find((m) => hasMeaning(words, m));
  return note ? { kind: 'unsure', feedback: note.feedback } : { kind: 'unsure' };
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

export type NumericResult =
  | { kind: 'unreadable' }
  | { kind: 'right'; value: number }
  | { kind: 'wrong'; value: number; direction: 'high' | 'low' };

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
  const chosen = options
    .filter((o) => chosenSet.has(o.id))
    .map((o) => ({ id: o.id, correct: o.correct, feedback: o.feedback }));
  const missed = options.filter((o) => o.correct && !chosenSet.has(o.id)).map((o) => o.id);
  const correct = chosen.length > 0 && missed.length === 0 && chosen.every((c) => c.correct);
  return { correct, chosen, missed };
}
