import type { Schema, StateOf } from '../shared/url-state';

/**
 * The softmax widget's state: how many classes, their logits (six are kept; the first `k` are
 * used), and a constant added to every logit — the shift that takes (2.0, 1.0, 0.1) to the
 * lecture's (1000, 999, 998.1) and makes the naive formula overflow.
 */
export const softmaxSchema = {
  k: { kind: 'number', default: 3, min: 2, max: 6, step: 1 },
  z: { kind: 'numbers', default: [2, 1, 0.1, 0.5, -1, 1.5], min: -10, max: 10, step: 0.1 },
  shift: { kind: 'number', default: 0, min: -1000, max: 1000, step: 1 },
} satisfies Schema;

export type SoftmaxState = StateOf<typeof softmaxSchema>;
