import { describe, expect, it } from 'vitest';
import type { Neuron2 } from '@lib';
import { defaultsOf } from '../shared/url-state';
import { trainChunk } from '../shared/useTrainingLoop';
import { perceptronSchema, type PerceptronState } from './state';
import { clampNeuron, learn, makePoints } from './model';
import { MAX_EPOCHS, PerceptronRun, converged, runStatus } from './run';

/** A run over a state held here, as the widget holds it. */
function runOn(start: PerceptronState) {
  let state = start;
  const data = makePoints(state.seed);
  const run = new PerceptronRun(
    data,
    () => state,
    (n: Neuron2) => {
      const stored = clampNeuron(n);
      state = { ...state, ...stored };
      return stored;
    },
  );
  return { run, data, state: () => state };
}

describe('perceptron training run', () => {
  it('one step is one epoch of the rule, written back clamped to the sliders', () => {
    const start = defaultsOf(perceptronSchema);
    const { run, data, state } = runOn(start);
    let expected = start;
    for (let i = 0; i < 3; i++) {
      const { neuron, mistakes } = learn(expected, data);
      expected = { ...expected, ...clampNeuron(neuron) };
      run.step();
      expect(state()).toEqual(expected);
      expect(run.mistakes).toBe(mistakes);
    }
    expect(run.epochCount).toBe(3);
    expect(run.history.epochs.map((r) => r.epoch)).toEqual([1, 2, 3]);
  });

  it('the shared loop runs it until an epoch makes no mistake', () => {
    for (const act of ['step', 'sigmoid'] as const) {
      const { run } = runOn({ ...defaultsOf(perceptronSchema), act });
      const result = trainChunk(
        run,
        { budgetMs: Infinity, epochs: Infinity, now: () => 0 },
        { maxEpochs: MAX_EPOCHS, check: converged },
      );
      if (act === 'step') expect(result.stop?.kind).toBe('converged');
      if (result.stop?.kind === 'converged') expect(run.mistakes).toBe(0);
      expect(runStatus(run, result.stop, false)).toMatch(/converged|Stopped after/);
    }
  });
});
