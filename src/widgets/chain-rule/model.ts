/**
 * The chain-rule widget's arithmetic: F(x) = f₂(w₂ · f₁(w₁x)) evaluated link by link with the
 * engine's activation functions and derivatives, the chain-rule product of the local derivatives,
 * and the central-difference slope it is checked against.
 */
import { linear, linearDerivative, relu, reluDerivative, sigmoid, sigmoidDerivative, tanh, tanhDerivative } from '@lib';
import type { ChainRuleState, Piece } from './state';

export interface PieceInfo {
  label: string;
  f: (z: number) => number;
  df: (z: number) => number;
  /** KaTeX of f applied to an argument. */
  tex: (arg: string) => string;
  /** KaTeX of the derivative f′(z) in terms of z. */
  derivative: string;
  /** Where f′ is not defined (ReLU's kink). */
  kink?: number;
}

export const PIECES: Record<Piece, PieceInfo> = {
  sigmoid: {
    label: 'Sigmoid σ',
    f: sigmoid,
    df: sigmoidDerivative,
    tex: (a) => `\\sigma(${a})`,
    derivative: '\\sigma(z)\\,(1 - \\sigma(z))',
  },
  tanh: { label: 'tanh', f: tanh, df: tanhDerivative, tex: (a) => `\\tanh(${a})`, derivative: '1 - \\tanh^2(z)' },
  relu: {
    label: 'ReLU',
    f: relu,
    df: reluDerivative,
    tex: (a) => `\\operatorname{ReLU}(${a})`,
    derivative: '\\mathbf{1}(z > 0)',
    kink: 0,
  },
  linear: { label: 'Linear (identity)', f: linear, df: linearDerivative, tex: (a) => a, derivative: '1' },
  // Not an activation of the engine: the square is here as a simple smooth piece, f(z) = z², f′(z) = 2z.
  square: { label: 'Square z²', f: (z) => z * z, df: (z) => 2 * z, tex: (a) => `(${a})^2`, derivative: '2z' },
};

/** A piece by its name (decoding guarantees the name is one of the options). */
export const piece = (name: string): PieceInfo => PIECES[name as Piece];

/** The step of the central difference: a millionth, as in the lecture's check. */
export const H = 1e-6;

export interface Chain {
  /** u = w₁x, a = f₁(u), g = w₂a, y = F(x) = f₂(g). */
  u: number;
  a: number;
  g: number;
  y: number;
  /** The local derivatives, outer to inner: f₂′(g), ∂g/∂a = w₂, f₁′(u), ∂u/∂x = w₁. */
  factors: [number, number, number, number];
  /** The chain-rule product F′(x). */
  analytic: number;
  /** (F(x + h) − F(x − h)) / 2h. */
  numeric: number;
  /** |analytic − numeric| / max(|analytic| + |numeric|, 1e-12): 0 when both are 0. */
  relError: number;
  /** A ReLU sits exactly on its kink, where f′ is undefined (taken as 0) and the two disagree. */
  atKink: boolean;
}

export function composite(s: ChainRuleState): (x: number) => number {
  const f1 = piece(s.f1).f;
  const f2 = piece(s.f2).f;
  return (x) => f2(s.w2 * f1(s.w1 * x));
}

export function chain(s: ChainRuleState): Chain {
  const p1 = piece(s.f1);
  const p2 = piece(s.f2);
  const u = s.w1 * s.x;
  const a = p1.f(u);
  const g = s.w2 * a;
  const y = p2.f(g);
  const factors: [number, number, number, number] = [p2.df(g), s.w2, p1.df(u), s.w1];
  const analytic = factors[0] * factors[1] * factors[2] * factors[3] + 0; // + 0: no −0
  const F = composite(s);
  const numeric = (F(s.x + H) - F(s.x - H)) / (2 * H) + 0;
  const relError = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-12);
  const atKink =
    (p1.kink !== undefined && Math.abs(u - p1.kink) < Math.abs(s.w1) * H) ||
    (p2.kink !== undefined && Math.abs(g - p2.kink) < 1e-9);
  return { u, a, g, y, factors, analytic, numeric, relError, atKink };
}

/** The tangent of F at the reader's x across the chart, x = −4 … 4: y = F(x₀) + F′(x₀)·(x − x₀). */
export function tangentLine(s: Pick<ChainRuleState, 'x'>, c: Pick<Chain, 'y' | 'analytic'>): [number, number][] {
  return [-4, 4].map((x) => [x, c.y + c.analytic * (x - s.x)]);
}

/** The curve F over x ∈ [−4, 4] as [x, F(x)] at `n` evenly spaced points (what the chart draws). */
export function graph(s: Pick<ChainRuleState, 'f1' | 'f2' | 'w1' | 'w2'>, n = 161): [number, number][] {
  const F = composite({ ...s, x: 0 });
  return Array.from({ length: n }, (_, i) => {
    const x = -4 + (8 * i) / (n - 1);
    return [x, F(x)];
  });
}

/** The smallest of 1, 1.5, 2, 3, 5, 7 × 10ᵏ at least `v` (v > 0): a coarse ladder of axis ends. */
export function ladder(v: number): number {
  const k = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.5, 2, 3, 5, 7]) if (m * k >= v * (1 - 1e-12)) return Number((m * k).toPrecision(12));
  return Number((10 * k).toPrecision(12));
}

/** The lowest and highest finite values on the curve ([0, 0] when there are none). */
function valueRange(points: readonly (readonly [number, number])[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const [, y] of points) {
    if (!Number.isFinite(y)) continue;
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  return lo > hi ? [0, 0] : [lo, hi];
}

/**
 * The chart's y axis for the curve of an outer piece `f2`. A sigmoid or tanh outside bounds F
 * whatever the weights: the axis is that piece's whole range (0…1, −1…1), fixed. ReLU, linear and
 * square are not bounded: on the side of 0 where the curve reaches furthest, the axis ends at E =
 * that reach plus 8 %, at least 1, rounded up on the coarse `ladder`; on the other side at the
 * curve's reach there scaled by the same factor and rounded up likewise (so a curve symmetric about
 * 0 gets a symmetric axis), at least E/10. So 0 is always on the axis, and the axis moves only when
 * the curve crosses a step of the ladder.
 */
export function yDomain(f2: ChainRuleState['f2'], points: readonly (readonly [number, number])[]): [number, number] {
  if (f2 === 'sigmoid') return [0, 1];
  if (f2 === 'tanh') return [-1, 1];
  const [lo, hi] = valueRange(points);
  const reach = Math.max(-lo, hi, 0);
  const extent = ladder(Math.max(1, 1.08 * reach));
  // The other side of 0 at the same scale: a curve as far below 0 as above it gets the same end.
  const other = (v: number) => (v > 0 ? Math.max(extent / 10, ladder((extent * v) / reach)) : extent / 10);
  return hi >= -lo ? [-other(-lo), extent] : [-extent, other(hi)];
}

/**
 * The y axis to show next, given the one shown: `yDomain` afresh, except that for a ReLU, linear or
 * square outside the axis shown is kept while the whole curve still fits in it and the fresh axis
 * would not be under 40 % of its height — so a weight nudged back and forth across a step of the
 * ladder does not redraw the chart on every press. The same array comes back when nothing changes.
 */
export function keepDomain(
  shown: [number, number],
  f2: ChainRuleState['f2'],
  points: readonly (readonly [number, number])[],
): [number, number] {
  const next = yDomain(f2, points);
  if (next[0] === shown[0] && next[1] === shown[1]) return shown;
  if (f2 === 'sigmoid' || f2 === 'tanh') return next;
  const [lo, hi] = valueRange(points);
  const fits = shown[0] <= lo && hi <= shown[1];
  return fits && next[1] - next[0] >= 0.4 * (shown[1] - shown[0]) ? shown : next;
}
