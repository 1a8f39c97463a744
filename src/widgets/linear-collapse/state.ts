import type { Schema, StateOf } from '../shared/url-state';

/**
 * The linear-collapse widget's state: the slide's 2-2-2-1 network, its weights as the engine's
 * matrices (rows = inputs, columns = neurons) written row after row, the hidden activation, and
 * the seed of the random test inputs.
 *
 * - `w1` = W₁ (x → hidden layer 1): [x₁→h₁₁, x₁→h₂₁, x₂→h₁₁, x₂→h₂₁], the slide's h₁₁ = 1x₁, h₂₁ = 2x₂
 * - `w2` = W₂ (hidden 1 → hidden 2): [h₁₁→h₁₂, h₁₁→h₂₂, h₂₁→h₁₂, h₂₁→h₂₂], h₁₂ = 2h₁₁ + 3h₂₁, h₂₂ = 1h₂₁ + 2h₁₁
 * - `w3` = W₃ (hidden 2 → output): [h₁₂→ŷ, h₂₂→ŷ], ŷ = 3h₁₂ + 1h₂₂
 */
export const linearCollapseSchema = {
  w1: { kind: 'numbers', default: [1, 0, 0, 2], min: -5, max: 5, step: 0.1 },
  w2: { kind: 'numbers', default: [2, 2, 3, 1], min: -5, max: 5, step: 0.1 },
  w3: { kind: 'numbers', default: [3, 1], min: -5, max: 5, step: 0.1 },
  act: { kind: 'choice', default: 'linear', options: ['linear', 'relu'] as const },
  seed: { kind: 'number', default: 1, min: 1, max: 9999, step: 1 },
} satisfies Schema;

export type LinearCollapseState = StateOf<typeof linearCollapseSchema>;
