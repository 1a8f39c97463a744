import type { Schema, StateOf } from '../shared/url-state';

/** Hinges the reader can set by hand. */
export const HINGES = 6;

/**
 * The sine-fit widget's state. `mode` picks one of three ways to fit sin(x) on [0, 2π]:
 * trained linear units (`layers`, `units`, `lr`, `seed`), ReLU hinges set by hand (`hinges`,
 * their weights `hw`, biases `hb`, output weights `hv`, the output bias `c`; `edit` is the hinge
 * whose sliders are shown, `view` the x range drawn), or trained ReLU units (`units`, `lr`,
 * `seed`). The hand defaults are the slide's two-ReLU formula; `parts` draws each unit's share.
 */
export const sineFitSchema = {
  mode: { kind: 'choice', default: 'linear' as const, options: ['linear', 'hand', 'relu'] as const },
  layers: { kind: 'number', default: 1, min: 1, max: 3, step: 1 },
  units: { kind: 'number', default: 8, min: 1, max: 32, step: 1 },
  lr: { kind: 'number', default: 0.005, min: 0.001, max: 0.05, step: 0.001 },
  seed: { kind: 'number', default: 0, min: 0, max: 9999, step: 1 },
  parts: { kind: 'boolean', default: true },
  hinges: { kind: 'number', default: 2, min: 1, max: HINGES, step: 1 },
  edit: { kind: 'number', default: 1, min: 1, max: HINGES, step: 1 },
  hw: { kind: 'numbers', default: [6, 6, 1, 1, 1, 1], min: -8, max: 8, step: 0.1 },
  hb: { kind: 'numbers', default: [0, -0.7, -1, -2, -3, -4], min: -10, max: 10, step: 0.05 },
  hv: { kind: 'numbers', default: [1, -1, 0.5, 0.5, 0.5, 0.5], min: -3, max: 3, step: 0.01 },
  c: { kind: 'number', default: -0.7, min: -2, max: 2, step: 0.05 },
  view: { kind: 'choice', default: 'slide' as const, options: ['slide', 'sine'] as const },
} satisfies Schema;

export type SineFitState = StateOf<typeof sineFitSchema>;
