import type { Schema, StateOf } from '../shared/url-state';

/**
 * The activation-explorer widget's state: which functions are drawn (one switch each), the probe
 * x where f(x) and f′(x) are read, and the slope α of the leaky ReLU for x < 0.
 */
export const activationExplorerSchema = {
  step: { kind: 'boolean', default: false },
  linear: { kind: 'boolean', default: false },
  sigmoid: { kind: 'boolean', default: true },
  tanh: { kind: 'boolean', default: true },
  relu: { kind: 'boolean', default: true },
  leaky: { kind: 'boolean', default: false },
  x: { kind: 'number', default: 1, min: -4, max: 4, step: 0.01 },
  alpha: { kind: 'number', default: 0.1, min: 0.01, max: 0.5, step: 0.01 },
} satisfies Schema;

export type ActivationExplorerState = StateOf<typeof activationExplorerSchema>;
