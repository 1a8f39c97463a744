import type { Schema, StateOf } from '../shared/url-state';

/**
 * The one-hot widget's state: the true and the predicted category, as positions in the list of
 * categories (Dog, Pear, House, Grass, then any the reader adds). The defaults are the slides'
 * first example: the answer is Pear, the guess House.
 */
export const oneHotSchema = {
  truth: { kind: 'number', default: 1, min: 0, max: 6, step: 1 },
  guess: { kind: 'number', default: 2, min: 0, max: 6, step: 1 },
} satisfies Schema;

export type OneHotState = StateOf<typeof oneHotSchema>;
