/**
 * Everything the softmax widget shows, computed honestly in float64: the logits, the naive
 * textbook softmax e^z / Σe^z (which overflows for large logits), the stable one that subtracts
 * the largest logit first (its probabilities from the engine's `softmax`), each with its
 * exponentials, sum and quotients, and a verdict on the naive one in words.
 */
import { Matrix, softmax } from '@lib';
import type { SoftmaxState } from './state';
import { powerOfTen } from '~/util/format';

export const CLASSES = ['apple', 'orange', 'banana', 'pear', 'plum', 'kiwi'] as const;

/** The largest x with e^x finite in float64 (ln of the largest double, ≈ 709.78). */
export const EXP_OVERFLOW = Math.log(Number.MAX_VALUE);

/** The logits actually fed to the softmax: the first k, each plus the shift. */
export function logitsOf(s: SoftmaxState): number[] {
  return s.z.slice(0, s.k).map((v) => v + s.shift);
}

export interface Steps {
  /** The exponent of each class: z (naive) or z − m (stable). */
  exponents: number[];
  exps: number[];
  sum: number;
  probs: number[];
}

/** The textbook formula, step by step: e^{z_i}, then Σ, then e^{z_i} / Σ. */
export function naiveSoftmax(z: readonly number[]): Steps {
  const exps = z.map((v) => Math.exp(v));
  let sum = 0;
  for (const e of exps) sum += e;
  return { exponents: [...z], exps, sum, probs: exps.map((e) => e / sum) };
}

/** Subtract the largest logit m first (e^{z_i − m} ≤ 1); the probabilities are the engine's softmax. */
export function stableSoftmax(z: readonly number[]): Steps & { max: number } {
  const max = Math.max(...z);
  const exponents = z.map((v) => v - max);
  const exps = exponents.map((v) => Math.exp(v));
  let sum = 0;
  for (const e of exps) sum += e;
  const probs = Array.from(softmax(Matrix.from([z])).data);
  return { max, exponents, exps, sum, probs };
}

export type Verdict = 'ok' | 'overflow' | 'sum-overflow' | 'underflow' | 'imprecise';

export interface NaiveVerdict {
  kind: Verdict;
  /** Largest |naive − stable| over the classes (NaN if the naive result has a NaN). */
  error: number;
}

/** What went wrong (if anything) with the naive formula, judged against the stable one. */
export function judge(naive: Steps, stable: Steps): NaiveVerdict {
  let error = 0;
  naive.probs.forEach((p, i) => {
    const d = Math.abs(p - stable.probs[i]!);
    if (Number.isNaN(d) || d > error) error = d;
  });
  if (naive.exps.some((e) => e === Infinity)) return { kind: 'overflow', error };
  if (naive.sum === Infinity) return { kind: 'sum-overflow', error };
  if (naive.sum === 0) return { kind: 'underflow', error };
  if (Number.isNaN(error) || error > 1e-9) return { kind: 'imprecise', error };
  return { kind: 'ok', error };
}

export interface Softmaxes {
  logits: number[];
  naive: Steps;
  stable: Steps & { max: number };
  verdict: NaiveVerdict;
}

export function compute(s: SoftmaxState): Softmaxes {
  const logits = logitsOf(s);
  const naive = naiveSoftmax(logits);
  const stable = stableSoftmax(logits);
  return { logits, naive, stable, verdict: judge(naive, stable) };
}

/** A float64 as text: NaN and Infinity spelled out, huge and tiny numbers as m × 10ⁿ. */
export interface NumberText {
  /** The whole text, e.g. "8.22 × 10³⁰⁷" (no break inside) — for labels, tables and tests. */
  text: string;
  mantissa: string;
  /** Present when written with a power of ten. */
  exponent?: number;
}

export function numberText(x: number, digits = 3): NumberText {
  if (Number.isNaN(x)) return { text: 'NaN', mantissa: 'NaN' };
  if (x === Infinity) return { text: 'Infinity', mantissa: 'Infinity' };
  if (x === -Infinity) return { text: '−Infinity', mantissa: '−Infinity' };
  if (x === 0) return { text: '0', mantissa: '0' };
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e6) {
    const t = x.toFixed(digits).replace('-', '−');
    return { text: t, mantissa: t };
  }
  const [m, e] = x.toExponential(2).split('e');
  const mantissa = m!.replace('-', '−');
  const exponent = Number(e);
  return { text: `${mantissa}\u202f×\u202f${powerOfTen(exponent)}`, mantissa, exponent };
}

/** The same for KaTeX. */
export function numberTex(x: number, digits = 3): string {
  if (Number.isNaN(x)) return '\\text{NaN}';
  if (x === Infinity) return '\\infty';
  if (x === -Infinity) return '-\\infty';
  const t = numberText(x, digits);
  const m = t.mantissa.replace('−', '-');
  return t.exponent === undefined ? m : `${m} \\times 10^{${t.exponent}}`;
}
