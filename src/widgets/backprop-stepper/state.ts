import type { Schema, StateOf } from '../shared/url-state';

/**
 * The backprop-stepper's state: the lecture's 3-2-1 network (weights fixed at the worked example's),
 * the hidden activation f, the output activation g, the loss, the target y, the learning rate α,
 * and which of the eleven steps (four forward, seven backprop) is shown, counted from 1.
 */
export const backpropStepperSchema = {
  f: { kind: 'choice', default: 'relu', options: ['relu', 'sigmoid', 'tanh', 'linear'] as const },
  g: { kind: 'choice', default: 'sigmoid', options: ['sigmoid', 'linear'] as const },
  loss: { kind: 'choice', default: 'bce', options: ['bce', 'mse'] as const },
  y: { kind: 'number', default: 1, min: 0, max: 1, step: 0.05 },
  alpha: { kind: 'number', default: 0.5, min: 0.01, max: 2, step: 0.01 },
  step: { kind: 'number', default: 1, min: 1, max: 11, step: 1 },
} satisfies Schema;

export type BackpropStepperState = StateOf<typeof backpropStepperSchema>;
export type Hidden = (typeof backpropStepperSchema.f.options)[number];
export type Output = (typeof backpropStepperSchema.g.options)[number];
export type LossChoice = (typeof backpropStepperSchema.loss.options)[number];
