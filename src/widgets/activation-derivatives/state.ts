import type { Schema, StateOf } from '../shared/url-state';

/**
 * The activation-derivatives widget's state: the input x at which the ReLU and sigmoid
 * derivatives are read, and the logits of a softmax (five are kept, the first k used) whose
 * Jacobian is shown. The default logits are the fruit example (2.0, 1.0, 0.1).
 */
export const activationDerivativesSchema = {
  x: { kind: 'number', default: 0.5, min: -4, max: 4, step: 0.01 },
  k: { kind: 'number', default: 3, min: 2, max: 5, step: 1 },
  z: { kind: 'numbers', default: [2, 1, 0.1, 0.5, -1], min: -5, max: 5, step: 0.1 },
} satisfies Schema;

export type ActivationDerivativesState = StateOf<typeof activationDerivativesSchema>;
