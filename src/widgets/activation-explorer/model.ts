/**
 * Everything the activation explorer shows, derived from its state with the engine (lib/): the
 * curves of each activation and of its derivative (broken at jumps, never joined across them),
 * the values at the probe, and what they mean for learning (saturation, dead ReLU, no gradient).
 */
import {
  leakyRelu,
  leakyReluDerivative,
  linear,
  linearDerivative,
  relu,
  reluDerivative,
  sigmoid,
  sigmoidDerivative,
  step,
  stepDerivative,
  tanh,
  tanhDerivative,
} from '@lib';
import type { ActivationExplorerState } from './state';

export const FUNCTIONS = ['step', 'linear', 'sigmoid', 'tanh', 'relu', 'leaky'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export const NAMES: Record<FunctionName, string> = {
  step: 'Step',
  linear: 'Linear',
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  relu: 'ReLU',
  leaky: 'Leaky ReLU',
};

/** The chart's x range (also the probe's). */
export const X_MIN = -4;
export const X_MAX = 4;

export function value(fn: FunctionName, x: number, alpha: number): number {
  switch (fn) {
    case 'step':
      return step(x);
    case 'linear':
      return linear(x);
    case 'sigmoid':
      return sigmoid(x);
    case 'tanh':
      return tanh(x);
    case 'relu':
      return relu(x);
    case 'leaky':
      return leakyRelu(x, alpha);
  }
}

/** f′(x), or undefined where there is none at all (the step's jump at 0). */
export function derivative(fn: FunctionName, x: number, alpha: number): number | undefined {
  switch (fn) {
    case 'step':
      return x === 0 ? undefined : stepDerivative(x);
    case 'linear':
      return linearDerivative(x);
    case 'sigmoid':
      return sigmoidDerivative(x);
    case 'tanh':
      return tanhDerivative(x);
    case 'relu':
      return reluDerivative(x);
    case 'leaky':
      return leakyReluDerivative(x, alpha);
  }
}

/** Where a function has a corner or a jump: its derivative changes abruptly there. */
export function breakpoints(fn: FunctionName): number[] {
  return fn === 'step' || fn === 'relu' || fn === 'leaky' ? [0] : [];
}

/** Whether f itself jumps at its breakpoint (the step) or only bends there (ReLU, leaky ReLU). */
export function jumps(fn: FunctionName): boolean {
  return fn === 'step';
}

export interface CurvePoint {
  fn: FunctionName;
  /** Pieces between breakpoints are separate series, so a jump is never drawn as a steep line. */
  piece: string;
  x: number;
  y: number;
}

/**
 * Points of f (kind 'f') or f′ (kind 'df') on [X_MIN, X_MAX], `n` per unit length, split at the
 * breakpoints. Each piece ends at the breakpoint with the one-sided limit from its own side.
 */
export function curve(fn: FunctionName, kind: 'f' | 'df', alpha: number, n = 24): CurvePoint[] {
  const cuts = kind === 'f' && !jumps(fn) ? [] : breakpoints(fn);
  const edges = [X_MIN, ...cuts, X_MAX];
  const out: CurvePoint[] = [];
  const eps = 1e-9;
  for (let p = 0; p < edges.length - 1; p++) {
    const a = edges[p]!;
    const b = edges[p + 1]!;
    const steps = Math.max(2, Math.ceil((b - a) * n));
    for (let i = 0; i <= steps; i++) {
      const x = a + ((b - a) * i) / steps;
      // At a cut, evaluate just inside this piece (the one-sided limit), but plot at the cut.
      const at = i === 0 && p > 0 ? x + eps : i === steps && p < edges.length - 2 ? x - eps : x;
      const y = kind === 'f' ? value(fn, at, alpha) : derivative(fn, at, alpha)!;
      out.push({ fn, piece: `${fn}-${p}`, x, y });
    }
  }
  return out;
}

/** The range of y the shown curves need, always including [0, 1], with a little room. */
export function yDomain(fns: readonly FunctionName[], kind: 'f' | 'df', alpha: number): [number, number] {
  let lo = 0;
  let hi = 1;
  for (const fn of fns) {
    for (const p of curve(fn, kind, alpha, 4)) {
      lo = Math.min(lo, p.y);
      hi = Math.max(hi, p.y);
    }
  }
  const pad = 0.08 * (hi - lo);
  return [lo - pad, hi + pad];
}

export interface Probe {
  fn: FunctionName;
  f: number;
  /** undefined: no derivative at this x. */
  df: number | undefined;
  /** Set when f′(x) here is a convention (at a corner) rather than a true derivative. */
  convention: boolean;
}

export function probe(fn: FunctionName, x: number, alpha: number): Probe {
  return {
    fn,
    f: value(fn, x, alpha),
    df: derivative(fn, x, alpha),
    convention: x === 0 && (fn === 'relu' || fn === 'leaky'),
  };
}

export function shownFunctions(s: ActivationExplorerState): FunctionName[] {
  return FUNCTIONS.filter((fn) => s[fn]);
}

/** A slope this small passes (almost) nothing back in backpropagation. */
export const SATURATED = 0.05;

/** What the probe's values mean for learning, one sentence per relevant function. */
export function lessons(s: ActivationExplorerState): string[] {
  const x = s.x;
  const out: string[] = [];
  const shown = shownFunctions(s);
  for (const fn of shown) {
    const df = derivative(fn, x, s.alpha);
    if (fn === 'step') {
      out.push(
        x === 0
          ? 'Step: at x = 0 the step jumps from 0 to 1, so it has no derivative there at all.'
          : `Step: the slope is 0 here, as everywhere except the jump at 0, so backpropagation gets no gradient through a step neuron and cannot tell how to change the weights before it.`,
      );
    } else if ((fn === 'sigmoid' || fn === 'tanh') && df !== undefined && df < SATURATED) {
      out.push(
        `${NAMES[fn]}: saturated at x = ${x.toFixed(2).replace('-', '−')}: the curve is almost flat, its slope ${df.toFixed(3)} lets little gradient through (vanishing gradient).`,
      );
    } else if (fn === 'relu' && x < 0) {
      out.push(
        'ReLU: off for negative x, with slope 0, so no gradient flows back; a neuron that is off for every input stops learning (a "dead" ReLU).',
      );
    } else if (fn === 'relu' && x === 0) {
      out.push(
        'ReLU: x = 0 is the corner, where there is no derivative; in practice the slope there is taken to be 0.',
      );
    } else if (fn === 'leaky' && x <= 0) {
      out.push(
        `Leaky ReLU: for negative x the slope is α = ${s.alpha}, not 0, so some gradient still flows back and the neuron can recover.`,
      );
    }
  }
  return out;
}
