import type { Activation, ActivationName } from './activation.ts';
import { ACTIVATION_NAMES } from './activation.ts';
import { Linear } from './linear.ts';
import { ReLU } from './relu.ts';
import { Sigmoid } from './sigmoid.ts';
import { Softmax } from './softmax.ts';
import { Step } from './step.ts';
import { Tanh } from './tanh.ts';

export type { Activation, ActivationName } from './activation.ts';
export { ACTIVATION_NAMES } from './activation.ts';
export { step, stepDerivative, Step, STEP_HAS_NO_GRADIENT } from './step.ts';
export { linear, linearDerivative, Linear } from './linear.ts';
export { sigmoid, sigmoidDerivative, Sigmoid } from './sigmoid.ts';
export { tanh, tanhDerivative, Tanh } from './tanh.ts';
export { relu, reluDerivative, ReLU } from './relu.ts';
export { leakyRelu, leakyReluDerivative } from './leaky-relu.ts';
export { softmax, softmaxJacobian, Softmax } from './softmax.ts';

/** True when `name` is one of ACTIVATION_NAMES. */
export function isActivationName(name: unknown): name is ActivationName {
  return typeof name === 'string' && (ACTIVATION_NAMES as readonly string[]).includes(name);
}

/** A fresh activation layer for `name` ('step' | 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'softmax'). */
export function createActivation(name: ActivationName): Activation {
  switch (name) {
    case 'step':
      return new Step();
    case 'linear':
      return new Linear();
    case 'sigmoid':
      return new Sigmoid();
    case 'tanh':
      return new Tanh();
    case 'relu':
      return new ReLU();
    case 'softmax':
      return new Softmax();
    default:
      throw new Error(`Unknown activation "${String(name)}"; expected one of ${ACTIVATION_NAMES.join(', ')}`);
  }
}
