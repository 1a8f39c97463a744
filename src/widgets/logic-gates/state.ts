import type { Schema, StateOf } from '../shared/url-state';

/**
 * The logic-gates widget's state: which truth table, which network, and how it is trained.
 * Defaults: the single neuron learns AND (the first of the three to try); lr 2 and seed 0 are the
 * engine's tested recipe for XOR with the 2-2-1 network (full batch, momentum 0.9).
 */
export const logicGatesSchema = {
  gate: { kind: 'choice', default: 'and' as const, options: ['and', 'or', 'xor'] as const },
  arch: { kind: 'choice', default: 'neuron' as const, options: ['neuron', '2-2-1'] as const },
  lr: { kind: 'number', default: 2, min: 0.1, max: 5, step: 0.1 },
  seed: { kind: 'number', default: 0, min: 0, max: 9999, step: 1 },
} satisfies Schema;

export type LogicGatesState = StateOf<typeof logicGatesSchema>;
