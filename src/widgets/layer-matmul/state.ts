import type { Schema, StateOf } from '../shared/url-state';

/** Inputs per example (columns of X, rows of W) and neurons (columns of W and B). */
export const INPUTS = 4;
export const NEURONS = 3;
/** The batch X holds up to this many examples (rows). */
export const MAX_ROWS = 3;

/**
 * The layer-matmul widget's state: the batch X (always three rows of four inputs, row after row;
 * only the first `rows` are used), the weights W (4×3, row after row: w₁₁ w₁₂ w₁₃ w₂₁ …), the
 * biases B and how many examples the batch has. The first row, W and B are the lecture's example.
 */
export const layerMatmulSchema = {
  rows: { kind: 'choice', default: '1', options: ['1', '2', '3'] as const },
  x: { kind: 'numbers', default: [1, 2, 0, -1, 0.5, -1, 1.5, 2, -2, 0, 1, 0.5], min: -10, max: 10, step: 0.01 },
  w: {
    kind: 'numbers',
    default: [0.5, -0.2, 0.1, 0.3, 0.8, -0.5, -1, 0.4, 0.2, 0.2, 0.1, 0.6],
    min: -10,
    max: 10,
    step: 0.01,
  },
  b: { kind: 'numbers', default: [0.1, 0, -0.2], min: -10, max: 10, step: 0.01 },
} satisfies Schema;

export type LayerMatmulState = StateOf<typeof layerMatmulSchema>;
