import type { Schema, StateOf } from '../shared/url-state';

/**
 * The forward-pass widget's state: the slides' 3-2-1 network without biases. `x` holds x₁, x₂, x₃;
 * `w1` the first layer's weights row after row as in W¹ (3 inputs × 2 hidden neurons):
 * w¹₁₁, w¹₁₂, w¹₂₁, w¹₂₂, w¹₃₁, w¹₃₂; `w2` the weights w²₁y, w²₂y into the output. The activation
 * `f` of the hidden layer and `g` of the output. Defaults: the lecture's worked example.
 */
export const forwardPassSchema = {
  x: { kind: 'numbers', default: [1, 0.5, -1], min: -2, max: 2, step: 0.05 },
  w1: { kind: 'numbers', default: [0.2, -0.4, 0.7, 0.1, -0.3, 0.5], min: -3, max: 3, step: 0.05 },
  w2: { kind: 'numbers', default: [1.5, -0.8], min: -3, max: 3, step: 0.05 },
  f: { kind: 'choice', default: 'relu', options: ['linear', 'sigmoid', 'tanh', 'relu', 'step'] as const },
  g: { kind: 'choice', default: 'sigmoid', options: ['linear', 'sigmoid'] as const },
} satisfies Schema;

export type ForwardPassState = StateOf<typeof forwardPassSchema>;
/** The state's choices as their literal types (decoding guarantees the value is one of the options). */
export type HiddenActivation = (typeof forwardPassSchema.f.options)[number];
export type OutputActivation = (typeof forwardPassSchema.g.options)[number];
export const hiddenOf = (s: ForwardPassState) => s.f as HiddenActivation;
export const outputOf = (s: ForwardPassState) => s.g as OutputActivation;
