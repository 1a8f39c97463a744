/**
 * The short-answer questions of this lecture, judged on phrasings students write: for each question
 * at least 12 right and 12 wrong answers (the misconceptions the slide's question is after), and the
 * answers the page should call "not sure" rather than ✓ or ✗. A change to the accepted meanings in
 * `exercises.ts` that flips one of these fails here.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '~/exercises/check';
import type { TextExercise } from '~/exercises/types';
import { exercises } from './exercises';

interface Phrasings {
  right: string[];
  /** Wrong answers, each with a word its feedback must contain (so the reason fits the mistake). */
  wrong: [answer: string, reasonSays: RegExp][];
  unsure: string[];
}

const TABLES: Record<string, Phrasings> = {
  'onehot-in-formula': {
    right: [
      'the one-hot encoded true labels',
      'true label',
      'the true class',
      'one-hot encoded labels',
      'target values',
      'actual labels',
      'y_true',
      'oh_y_true = y_true^k',
      'the ground truth',
      'one-hot targets',
      'the desired output',
      'the true probability distribution',
      'what the network should output',
      'the correct answers',
      'expected output',
      'Y TRUE',
    ],
    wrong: [
      ['y_predict', /predictions/],
      ['probs', /predictions/],
      ['the predicted labels', /predictions/],
      ['ŷ', /predictions/],
      ['y-hat', /predictions/],
      ['predictions', /predictions/],
      ['the softmax output', /predictions/],
      ['the network output', /predictions/],
      ['logits', /predictions/],
      ['the predicted probabilities', /predictions/],
      ['estimated values', /predictions/],
      ['y_pred', /predictions/],
      ['the loss', /comes with the data/],
      ['weights', /comes with the data/],
      ['the inputs', /comes with the data/],
    ],
    unsure: ['one-hot', 'a one-hot vector', 'y', 'the y', 'zeros and ones', 'cat'],
  },
  'what-is-yhat': {
    right: [
      'predicted values',
      'the output of the network',
      'network prediction',
      "the model's prediction",
      'estimated value',
      'predicted probability',
      'y_predict',
      'y_pred',
      'the predicted probabilities for each class',
      'an estimate of y',
      'an estimate of the true value y',
      'the softmax output',
      'what the network predicts',
      'our guess for y',
      'predicted y',
      'the network output for an input',
    ],
    wrong: [
      ['the true output', /without the hat/],
      ['the desired output', /without the hat/],
      ['the target', /without the hat/],
      ['the true label', /without the hat/],
      ['true labels', /without the hat/],
      ['y_true', /without the hat/],
      ['ground truth', /without the hat/],
      ['the actual value', /without the hat/],
      ['the correct answer', /without the hat/],
      ['what the network should output', /without the hat/],
      ['the expected value', /without the hat/],
      ['the predicted class', /not one class/],
      ['the argmax of the outputs', /not one class/],
      ['the loss', /computed from ŷ and y/],
      ['the error', /computed from ŷ and y/],
      ['the weights', /go into the network/],
      ['the input', /go into the network/],
    ],
    unsure: ['y hat', 'ŷ', 'y^', '\\hat{y}', 'y', 'the error of the prediction', 'a vector'],
  },
  'loss-name': {
    right: [
      'cross-entropy',
      'multiclass cross-entropy',
      'cross-entropy (log loss)',
      'NLL',
      'multi-class cross entropy',
      'crossentropy',
      'Categorical Cross-Entropy',
      'negative log likelihood',
      'log-loss',
      'CCE',
      'softmax cross-entropy',
      'the categorical crossentropy loss',
    ],
    wrong: [
      ['binary cross-entropy', /two-class case/],
      ['BCE', /two-class case/],
      ['sigmoid cross entropy', /two-class case/],
      ['mean squared error', /regression/],
      ['MSE', /regression/],
      ['squared error', /regression/],
      ['quadratic loss', /regression/],
      ['L2 loss', /regression/],
      ['least squares', /regression/],
      ['hinge loss', /logarithm/],
      ['mean absolute error', /logarithm/],
      ['L1', /logarithm/],
      ['softmax', /makes the prediction/],
      ['accuracy', /smooth/],
    ],
    unsure: [
      'entropy',
      'KL divergence',
      'Kullback-Leibler divergence',
      'log likelihood',
      'the loss',
      'cross-entropy, not MSE',
    ],
  },
  wrt: {
    right: [
      'with respect to',
      'With Respect To',
      '  With Respect To. ',
      'WITH RESPECT TO',
      'with-respect-to',
      'with regard to',
      'With regards to',
      'in respect to',
      'w.r.t. = with respect to',
      'it means with respect to',
      'with respect to the weights',
      'with respect to x, the variable we differentiate by',
    ],
    wrong: [
      ['weight', /not a weight/],
      ['weights', /not a weight/],
      ['the weighted sum', /not a weight/],
      ['derivative', /used with/],
      ['the gradient', /used with/],
      ['partial derivative', /used with/],
      ['differentiate', /used with/],
      ['without respect to', /opposite/],
      ['with rate to', /Not those words/],
      ['write to', /Not those words/],
      ['with random terms', /Not those words/],
      ['within range of', /Not those words/],
      ['with regard', /Not those words/],
    ],
    unsure: ['with reference to', 'relative to', 'in terms of', 'w.r.t.', 'wrt', 'respect'],
  },
};

const textQuestions = exercises.exercises.filter((e): e is TextExercise => e.kind === 'text');

describe('short answers', () => {
  it('every short-answer question has a phrasings table of at least 12 right and 12 wrong answers', () => {
    expect(Object.keys(TABLES).sort()).toEqual(textQuestions.map((e) => e.id).sort());
    for (const [id, t] of Object.entries(TABLES)) {
      expect(t.right.length, id).toBeGreaterThanOrEqual(12);
      expect(t.wrong.length, id).toBeGreaterThanOrEqual(12);
    }
  });

  for (const q of textQuestions) {
    const t = TABLES[q.id];
    if (!t) continue;
    describe(q.id, () => {
      it.each(t.right)('accepts “%s”', (answer) => {
        expect(checkText(answer, q)).toEqual({ kind: 'right' });
      });
      it.each(t.wrong)('refuses “%s” and says why', (answer, reason) => {
        const r = checkText(answer, q);
        expect(r.kind).toBe('wrong');
        expect(r.kind === 'wrong' ? r.feedback : '').toMatch(reason);
      });
      it.each(t.unsure)('is not sure about “%s”', (answer) => {
        expect(checkText(answer, q).kind).toBe('unsure');
      });
      it('accepts its own key answer', () => {
        expect(checkText(q.key, q)).toEqual({ kind: 'right' });
      });
    });
  }
});
