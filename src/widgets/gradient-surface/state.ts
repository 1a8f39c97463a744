import type { Schema, StateOf } from '../shared/url-state';

/** The gradient-surface widget's state: the point (w₁, w₂) where the gradient is taken. */
export const gradientSurfaceSchema = {
  w1: { kind: 'number', default: 0.6, min: -1, max: 5, step: 0.05 },
  w2: { kind: 'number', default: 0.4, min: -4, max: 2, step: 0.05 },
} satisfies Schema;

export type GradientSurfaceState = StateOf<typeof gradientSurfaceSchema>;
