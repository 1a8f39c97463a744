/**
 * Everything the layer-matmul widget shows, derived from its state with the engine (lib/):
 * the matrices X, W, B, the logits Z = XW + B (`addRowVector(matmul(X, W), B)`, the same two
 * calls as `Dense.forward`), one z written out as its row-times-column sum with the current
 * numbers, the code lines, and the parsing and nudging of typed entries.
 */
import { addRowVector, matmul, Matrix } from '@lib';
import { clampToField, type NumberListField } from '../shared/url-state';
import { parseTyped } from '../shared/controls';
import { fmt } from '~/util/format';
import { INPUTS, NEURONS, layerMatmulSchema, type LayerMatmulState } from './state';

export interface LayerMatrices {
  /** rows × 4: one example per row. */
  X: Matrix;
  /** 4 × 3: column j holds neuron j's weights. */
  W: Matrix;
  /** 1 × 3. */
  B: Matrix;
}

export function rowCount(s: LayerMatmulState): number {
  return Number(s.rows);
}

export function matricesOf(s: LayerMatmulState): LayerMatrices {
  const rows = rowCount(s);
  return {
    X: new Matrix(rows, INPUTS, Float64Array.from(s.x.slice(0, rows * INPUTS))),
    W: new Matrix(INPUTS, NEURONS, Float64Array.from(s.w)),
    B: Matrix.row(s.b),
  };
}

/** Z = XW + B with the engine: rows × 3, one row of logits per example. */
export function logits(s: LayerMatmulState): number[][] {
  const { X, W, B } = matricesOf(s);
  const Z = addRowVector(matmul(X, W), B);
  return Z.toArray();
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
/** Subscript digits: sub(12) = "₁₂". */
export function sub(n: number | string): string {
  return String(n).replace(/\d/g, (d) => SUB[Number(d)]!);
}

/** Visible names of the entries (1-based, as in the slides): x₃, w₁₂, b₂, z₁. */
export const names = {
  x: (i: number) => `x${sub(i + 1)}`,
  w: (i: number, j: number) => `w${sub(i + 1)}${sub(j + 1)}`,
  b: (j: number) => `b${sub(j + 1)}`,
  z: (j: number) => `z${sub(j + 1)}`,
};

/** An entry as shown in its field: at least one decimal, at most two, a true minus (1.0, −0.25). */
export function formatEntry(v: number): string {
  const two = fmt(v, 2);
  return two.endsWith('0') ? two.slice(0, -1) : two;
}

/** A result: at least two decimals, up to four if needed (products of two-decimal entries). */
export function formatResult(v: number): string {
  if (!Number.isFinite(v)) return fmt(v);
  return fmt(v, 4).replace(/(\.\d\d)(\d*?)0+$/, '$1$2');
}

const texNumber = (text: string) => text.replace('−', '-');
/** A number as a factor in KaTeX: negatives in parentheses. */
function texFactor(v: number, format: (v: number) => string = formatEntry): string {
  const t = texNumber(format(v));
  return v < 0 && t.startsWith('-') ? `(${t})` : t;
}

export interface Explanation {
  /** 0-based example (row of X and Z) and neuron (column of W, B and Z). */
  row: number;
  neuron: number;
  terms: { x: number; w: number }[];
  b: number;
  /** z from the engine's Z = XW + B. */
  z: number;
  /** Σ x_i w_ij + b_j added up term by term here, to check the engine against. */
  bySum: number;
}

/** Row `row` of X times column `neuron` of W, plus b — the sum behind one entry of Z. */
export function explain(s: LayerMatmulState, Z: number[][], row: number, neuron: number): Explanation {
  const terms = Array.from({ length: INPUTS }, (_, i) => ({
    x: s.x[row * INPUTS + i]!,
    w: s.w[i * NEURONS + neuron]!,
  }));
  const b = s.b[neuron]!;
  const bySum = terms.reduce((sum, t) => sum + t.x * t.w, 0) + b;
  return { row, neuron, terms, b, z: Z[row]![neuron]!, bySum };
}

/** KaTeX source: the sum in symbols, then with the current numbers, then its value. */
export function explanationTex(e: Explanation, batch: boolean): string {
  const j = e.neuron + 1;
  const ex = batch ? `^{(${e.row + 1})}` : '';
  const terms = e.terms.map((_, i) => `x${ex}_{${i + 1}} w_{${i + 1}${j}}`);
  // With the example's superscript the symbols are wider: two lines as well.
  const symbols = batch
    ? `${terms.slice(0, 2).join(' + ')} \\\\ &\\phantom{=} {} + ${terms.slice(2).join(' + ')} + b_{${j}}`
    : `${terms.join(' + ')} + b_{${j}}`;
  const products = e.terms.map((t) => `${texFactor(t.x)} \\cdot ${texFactor(t.w)}`);
  // The numbers take two lines, so the sum fits a phone.
  const numbers = `${products.slice(0, 2).join(' + ')} \\\\ &\\phantom{=} {} + ${products.slice(2).join(' + ')} + ${texFactor(e.b)}`;
  return `\\begin{aligned} z${ex}_{${j}} &= ${symbols} \\\\ &= ${numbers} \\\\ &= ${texNumber(formatResult(e.z))} \\end{aligned}`;
}

/** The same sum as plain text, for screen readers: "z₁ = 1.0 × 0.5 + … + 0.1 = 1.00". */
export function explanationText(e: Explanation, batch: boolean): string {
  const name = `${names.z(e.neuron)}${batch ? ` of example ${e.row + 1}` : ''}`;
  const factor = (v: number) => (v < 0 ? `(${formatEntry(v)})` : formatEntry(v));
  const products = e.terms.map((t) => `${factor(t.x)} × ${factor(t.w)}`).join(' + ');
  return `${name} = ${products} + ${factor(e.b)} = ${formatResult(e.z)}`;
}

const py = (v: number) => formatEntry(v).replace('−', '-');
const ts = (v: number) => String(v);
const rowsOf = (values: readonly number[], cols: number) =>
  Array.from({ length: values.length / cols }, (_, r) => values.slice(r * cols, (r + 1) * cols));

/** Z as nested rows for a code comment, one example per line. */
function resultRows(Z: number[][], indent: string): string {
  return `[${Z.map((r) => `[${r.map((v) => formatResult(v).replace('−', '-')).join(', ')}]`).join(`,\n${indent} `)}]`;
}

/** The slide's NumPy, runnable, with the current numbers. */
export function numpyCode(s: LayerMatmulState, Z: number[][]): string {
  const X = rowsOf(s.x.slice(0, rowCount(s) * INPUTS), INPUTS);
  const W = rowsOf(s.w, NEURONS);
  return [
    'import numpy as np',
    '',
    `X = np.array([${X.map((r) => `[${r.map(py).join(', ')}]`).join(',\n              ')}])`,
    `W = np.array([${W.map((r) => `[${r.map(py).join(', ')}]`).join(',\n              ')}])`,
    `B = np.array([${s.b.map(py).join(', ')}])`,
    '',
    'Z = np.dot(X, W) + B',
    `# Z = ${resultRows(Z, '#      ')}`,
  ].join('\n');
}

/** The same with the engine, as this widget computes it. */
export function engineCode(s: LayerMatmulState, Z: number[][]): string {
  const X = rowsOf(s.x.slice(0, rowCount(s) * INPUTS), INPUTS);
  const W = rowsOf(s.w, NEURONS);
  return [
    "import { Matrix, matmul, addRowVector } from '@lib';",
    '',
    `const X = Matrix.from([${X.map((r) => `[${r.map(ts).join(', ')}]`).join(',\n                       ')}]);`,
    `const W = Matrix.from([${W.map((r) => `[${r.map(ts).join(', ')}]`).join(',\n                       ')}]);`,
    `const B = Matrix.row([${s.b.map(ts).join(', ')}]);`,
    '',
    'const Z = addRowVector(matmul(X, W), B);',
    `// Z.toArray() = ${resultRows(Z, '//              ')}`,
  ].join('\n');
}

/** The one-line forms shown beside each other. */
export const CODE_LINE = { numpy: 'Z = np.dot(X, W) + B', engine: 'const Z = addRowVector(matmul(X, W), B);' } as const;

/** Every entry shares one field description (bounds and step). */
export const ENTRY: NumberListField = layerMatmulSchema.x;

export type Typed = { ok: true; value: number; hint: string } | { ok: false; hint: string };

/**
 * What a reader typed into an entry: a number (a true minus and a decimal comma are fine), clamped
 * to the bounds and rounded to the step, with a hint saying what was changed; or a refusal.
 */
export function readTyped(text: string, name: string, current: number, field: NumberListField = ENTRY): Typed {
  const typed = parseTyped(text);
  if (typed === undefined)
    return { ok: false, hint: `${name}: "${text.trim()}" is not a number; kept ${formatEntry(current)}.` };
  const value = clampToField(field, typed);
  if (typed < field.min || typed > field.max) {
    return {
      ok: true,
      value,
      hint: `${name}: ${fmt(typed, 2).replace(/\.?0+$/, '')} is outside ${fmt(field.min, 0)} … ${fmt(field.max, 0)}; set to ${formatEntry(value)}.`,
    };
  }
  if (Math.abs(value - typed) > 1e-12)
    return {
      ok: true,
      value,
      hint: `${name}: ${text.trim()} is rounded to ${formatEntry(value)} (steps of ${field.step}).`,
    };
  return { ok: true, value, hint: '' };
}

/** The change a key makes to a focused entry: arrows 0.1 (with Shift 1), PageUp/PageDown 1. */
export function keyStep(key: string, shift: boolean): number | undefined {
  switch (key) {
    case 'ArrowUp':
      return shift ? 1 : 0.1;
    case 'ArrowDown':
      return shift ? -1 : -0.1;
    case 'PageUp':
      return 1;
    case 'PageDown':
      return -1;
    default:
      return undefined;
  }
}

/** An entry moved by `delta`, kept in bounds and free of float noise. */
export function nudge(value: number, delta: number, field: NumberListField = ENTRY): number {
  return clampToField(field, value + delta);
}

/** A copy of a list with entry `index` replaced. */
export function withEntry(list: readonly number[], index: number, value: number): number[] {
  const next = list.slice();
  next[index] = value;
  return next;
}

/** The polite announcement: Z row by row. */
export function announceZ(Z: number[][]): string {
  if (Z.length === 1) return `Z = ${Z[0]!.map(formatResult).join(', ')}.`;
  return Z.map((r, i) => `Example ${i + 1}: Z = ${r.map(formatResult).join(', ')}.`).join(' ');
}
