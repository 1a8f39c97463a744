import type { Schema, StateOf } from '../shared/url-state';

/**
 * The chain-rule widget's state: F(x) = f₂(w₂ · f₁(w₁x)) with the two pieces f₁, f₂ and the numbers
 * x, w₁, w₂. Defaults: the lecture's worked example (two sigmoids, w₁ = 0.5, w₂ = −1.5, x = 2).
 */
const PIECES = ['sigmoid', 'tanh', 'relu', 'linear', 'square'] as const;
export const chainRuleSchema = {
  f1: { kind: 'choice', default: 'sigmoid', options: PIECES },
  f2: { kind: 'choice', default: 'sigmoid', options: PIECES },
  x: { kind: 'number', default: 2, min: -4, max: 4, step: 0.1 },
  w1: { kind: 'number', default: 0.5, min: -3, max: 3, step: 0.1 },
  w2: { kind: 'number', default: -1.5, min: -3, max: 3, step: 0.1 },
} satisfies Schema;

export type ChainRuleState = StateOf<typeof chainRuleSchema>;
export type Piece = (typeof PIECES)[number];
