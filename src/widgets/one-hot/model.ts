/**
 * Everything the one-hot widget shows: the one-hot vectors of the categories (the engine's
 * `oneHot`), the entry-by-entry differences between the true and the predicted vector, their
 * squares and their sum (the slides' L = Σ(…)², a sum, not a mean), the engine's mean for
 * comparison, the same error if the categories were numbered 0, 1, 2, …, and the check of a
 * category name the reader types.
 */
import { Matrix, meanSquaredError, oneHot } from '@lib';

export const BUILT_IN = ['Dog', 'Pear', 'House', 'Grass'] as const;
/** At most this many categories in all (the built-in four and three of the reader's). */
export const MAX_CATEGORIES = 7;
export const MAX_LABEL_LENGTH = 16;

/** The one-hot vector of category `index` among `k`, from the engine. */
export function vectorOf(index: number, k: number): number[] {
  return Array.from(oneHot([index], k).data);
}

/** A position that exists among k categories (a link may name one that has not been added here). */
export function usable(index: number, k: number): number {
  return Math.max(0, Math.min(k - 1, Math.round(index)));
}

export interface Comparison {
  k: number;
  truth: number;
  guess: number;
  yTrue: number[];
  yPredict: number[];
  differences: number[];
  squares: number[];
  /** Σ (y_true − y_predict)²: the slides' L. */
  sum: number;
  /** The engine's meanSquaredError: the sum divided by k. */
  mean: number;
  /** (truth − guess)² if the categories were numbered 0, 1, 2, … instead. */
  numbered: number;
}

export function compare(k: number, truthIndex: number, guessIndex: number): Comparison {
  const truth = usable(truthIndex, k);
  const guess = usable(guessIndex, k);
  const yTrue = vectorOf(truth, k);
  const yPredict = vectorOf(guess, k);
  const differences = yTrue.map((t, i) => t - yPredict[i]!);
  const squares = differences.map((d) => d * d);
  const sum = squares.reduce((a, b) => a + b, 0);
  const mean = meanSquaredError(Matrix.from([yPredict]), Matrix.from([yTrue]));
  return { k, truth, guess, yTrue, yPredict, differences, squares, sum, mean, numbered: (truth - guess) ** 2 };
}

/** Σ(y_true − y_predict)² for every pair (true row, predicted column). */
export function allPairs(k: number): number[][] {
  return Array.from({ length: k }, (_, t) => Array.from({ length: k }, (_, g) => compare(k, t, g).sum));
}

export type LabelCheck = { ok: true; label: string } | { ok: false; reason: string };

/**
 * A category name typed by the reader: trimmed, 1 to 16 characters of letters, digits, spaces,
 * hyphens or apostrophes, not already in the list (ignoring case), and room left in the list.
 */
export function checkLabel(text: string, existing: readonly string[]): LabelCheck {
  const label = text.trim().replace(/\s+/g, ' ');
  if (!label) return { ok: false, reason: 'Type a name for the category first.' };
  if (label.length > MAX_LABEL_LENGTH)
    return {
      ok: false,
      reason: `“${label.slice(0, MAX_LABEL_LENGTH)}…” is too long: at most ${MAX_LABEL_LENGTH} characters.`,
    };
  if (!/^[\p{L}\p{N}][\p{L}\p{N} '’-]*$/u.test(label)) {
    return {
      ok: false,
      reason: `“${label}” has characters a category name cannot have: use letters, digits, spaces, hyphens or apostrophes.`,
    };
  }
  if (existing.some((c) => c.toLocaleLowerCase() === label.toLocaleLowerCase()))
    return { ok: false, reason: `“${label}” is already a category.` };
  if (existing.length >= MAX_CATEGORIES)
    return { ok: false, reason: `There are already ${MAX_CATEGORIES} categories; remove one of yours first.` };
  return { ok: true, label };
}
