import type { Matrix } from '../matrix.ts';

/** Names of the activation functions the library knows (used in JSON and layer specs). */
export type ActivationName = 'step' | 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'softmax';

/** Every activation name, in teaching order. */
export const ACTIVATION_NAMES: readonly ActivationName[] = ['step', 'linear', 'sigmoid', 'tanh', 'relu', 'softmax'];

/**
 * An activation "layer": h = f(z) applied to a batch (one sample per row).
 *
 * forward(z) stores and returns h = f(z) in `output`;
 * backward(dE/dh) stores and returns dE/dz = dE/dh ⊙ f'(z) in `dinputs` (chain rule).
 * Both reuse their buffers between calls of the same batch size.
 */
export interface Activation {
  readonly name: ActivationName;
  /** h = f(z) from the last forward pass. */
  output: Matrix;
  /** dE/dz from the last backward pass. */
  dinputs: Matrix;
  forward(inputs: Matrix): Matrix;
  backward(dvalues: Matrix): Matrix;
}
