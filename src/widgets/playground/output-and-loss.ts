/**
 * The output activation and the loss: the pair that fits each task (sigmoid + binary
 * cross-entropy for two classes, softmax + categorical cross-entropy for three, linear + squared
 * error for a number), the pair in use, the output units and targets it needs, and a sentence for
 * every pair that does not fit. No DOM here.
 */
import { oneHot, type Dataset, type LossName, type Matrix } from '@lib';
import { DATASET_INFO, type Task } from './datasets';
import type { LossChoice, OutputChoice, PlaygroundState } from './state';

export const OUTPUT_LABEL: Record<OutputChoice, string> = {
  sigmoid: 'sigmoid',
  softmax: 'softmax',
  linear: 'linear',
};
export const LOSS_LABEL: Record<LossChoice, string> = {
  bce: 'binary cross-entropy',
  cce: 'categorical cross-entropy',
  mse: 'mean squared error',
};
/** The engine's name of each loss. */
export const LOSS_NAME: Record<LossChoice, LossName> = {
  bce: 'binary-cross-entropy',
  cce: 'categorical-cross-entropy',
  mse: 'mean-squared-error',
};

/** The pair that fits a task: sigmoid + BCE for two classes, softmax + CE for three, linear + MSE for a number. */
export function fittingPair(task: Task): {
  out: OutputChoice;
  loss: LossChoice;
} {
  if (task === 'binary') return { out: 'sigmoid', loss: 'bce' };
  if (task === 'multiclass') return { out: 'softmax', loss: 'cce' };
  return { out: 'linear', loss: 'mse' };
}

/** The output activation and loss in use ('auto' resolved). */
export function resolvePair(s: Pick<PlaygroundState, 'data' | 'out' | 'loss'>): {
  out: OutputChoice;
  loss: LossChoice;
} {
  const fit = fittingPair(DATASET_INFO[s.data].task);
  return {
    out: s.out === 'auto' ? fit.out : s.out,
    loss: s.loss === 'auto' ? fit.loss : s.loss,
  };
}

/** Output units: one per class for three classes; for two, one (two with softmax); one for a number. */
export function outputCount(task: Task, out: OutputChoice): number {
  if (task === 'multiclass') return 3;
  if (task === 'binary' && out === 'softmax') return 2;
  return 1;
}

/** Targets in the shape the output needs: one-hot rows when there are several outputs. */
export function targetsFor(data: Dataset, outputs: number): Matrix {
  if (outputs === 1 || data.y.cols === outputs) return data.y;
  return oneHot(data.labels!, outputs);
}

/** How well a pair fits: 'fits', a 'mismatch' (explained), or a 'note' (works, but not the usual choice). */
export interface PairVerdict {
  kind: 'fits' | 'mismatch' | 'note';
  /** Why, in words (empty when it fits). */
  why: string;
}

const SQUARED_ON_SQUASH =
  'Squared error through a squashing output learns slowly where it matters most: its gradient (ŷ − y) is multiplied by the slope of the output activation, ' +
  'which is almost 0 when an output is confidently wrong (ŷ near 0 when y = 1). Cross-entropy cancels that factor — the gradient at the output becomes simply ŷ − y.';

/** Whether the chosen output activation and loss fit the task, and why not. */
export function pairVerdict(task: Task, out: OutputChoice, loss: LossChoice): PairVerdict {
  const fit = fittingPair(task);
  if (out === fit.out && loss === fit.loss) return { kind: 'fits', why: '' };
  if (task === 'regression') {
    if (out === 'sigmoid') {
      return {
        kind: 'mismatch',
        why: 'A sigmoid output lies between 0 and 1, but sin x goes down to −1: the network cannot reach the lower half of the curve. A number to predict wants a linear output.',
      };
    }
    if (out === 'softmax') {
      return {
        kind: 'mismatch',
        why: 'Softmax of a single output is e^z / e^z = 1 whatever z is: the prediction is a flat line at 1 and nothing can be learned. A number to predict wants a linear output.',
      };
    }
    return {
      kind: 'mismatch',
      why: `${cap(LOSS_LABEL[loss])} compares probabilities with classes; here the targets are real numbers between about −1.5 and 1.5, not classes, so the value is not an error at all (it can even be negative, and lower is not better). Regression wants mean squared error.`,
    };
  }
  const outputs = outputCount(task, out);
  if (loss === 'mse') {
    if (out === 'linear') {
      return {
        kind: 'mismatch',
        why: 'A linear output with squared error fits the class numbers as if they were measurements: points far on the correct side still count as errors and pull the boundary towards them. It can classify, roughly, but the outputs are not probabilities.',
      };
    }
    return {
      kind: 'mismatch',
      why: `${cap(OUTPUT_LABEL[out])} with mean squared error: ${SQUARED_ON_SQUASH}`,
    };
  }
  if (out === 'linear') {
    return {
      kind: 'mismatch',
      why: `${cap(LOSS_LABEL[loss])} takes the logarithm of ŷ, so ŷ must be a probability between 0 and 1. A linear output can be anything: the loss clips it to [10⁻⁷, 1 − 10⁻⁷], and the gradient there (up to 1/10⁻⁷ = 10⁷) throws the weights far away — expect the run to stall or diverge.`,
    };
  }
  if (loss === 'cce' && outputs === 1) {
    return {
      kind: 'mismatch',
      why: 'Categorical cross-entropy needs one output per class: with a single output it is −y·log ŷ, which is 0 for every class-0 point whatever the network says. Only class-1 points are learned, and ŷ = 1 everywhere is a perfect score.',
    };
  }
  if (loss === 'cce' && out === 'sigmoid') {
    return {
      kind: 'mismatch',
      why: 'Categorical cross-entropy only looks at the output of the true class (−log ŷ of that class). Three sigmoids are independent, so all three can rise to 1 together: the loss goes to 0 without the classes being told apart. Softmax ties the outputs together (they sum to 1), so raising one lowers the others.',
    };
  }
  if (loss === 'bce' && out === 'sigmoid' && outputs > 1) {
    return {
      kind: 'mismatch',
      why: 'Three sigmoid outputs with binary cross-entropy answer three separate yes/no questions ("class 0?", "class 1?", "class 2?"). Their values need not add up to 1, so they are no probability distribution over the classes: a point can be "yes" for two classes or for none. That suits tasks where several labels may hold at once; for one class out of three use softmax with categorical cross-entropy, which makes the classes compete.',
    };
  }
  if (loss === 'bce' && out === 'softmax') {
    return {
      kind: 'note',
      why: 'Softmax with binary cross-entropy does learn (each output is scored as a yes/no probability), but it scores every point once per output. The usual pairs are softmax with categorical cross-entropy, or, for two classes, one sigmoid output with binary cross-entropy.',
    };
  }
  if (loss === 'cce' && out === 'softmax' && task === 'binary') {
    return {
      kind: 'note',
      why: 'Two softmax outputs with categorical cross-entropy are the same model as one sigmoid output with binary cross-entropy (softmax of [z, 0] is the sigmoid of z) — with twice the output weights.',
    };
  }
  return {
    kind: 'note',
    why: `The usual pair for this task is ${OUTPUT_LABEL[fit.out]} with ${LOSS_LABEL[fit.loss]}.`,
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
