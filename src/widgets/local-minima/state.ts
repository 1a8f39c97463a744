import type { Schema, StateOf } from '../shared/url-state';

/**
 * The local-minima widget's state: the learning rate α of gradient descent and the starting point
 * for the next run dropped with the keyboard (clicks on the chart drop a start where they land).
 * The runs themselves are the reader's actions, not settings, and are not part of the link.
 */
export const localMinimaSchema = {
  lr: { kind: 'number', default: 0.05, min: 0.01, max: 0.6, step: 0.01 },
  start: { kind: 'number', default: -2, min: -2.4, max: 2.4, step: 0.05 },
} satisfies Schema;

export type LocalMinimaState = StateOf<typeof localMinimaSchema>;
