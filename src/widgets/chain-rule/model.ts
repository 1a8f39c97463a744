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

/** F over x ∈ [−4, 4] and the tangent line at the reader's x, for the chart. */
export function curve(s: ChainRuleState, c: Chain, n = 161) {
  const F = composite(s);
  return Array.from({ length: n }, (_, i) => {
    const x = -4 + (8 * i) / (n - 1);
    return { x, y: F(x), tangent: c.y + c.analytic * (x - s.x) };
  });
}
