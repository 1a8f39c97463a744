import { describe, expect, it } from 'vitest';
import { EXERCISE_SETS, PART_SLUGS } from './registry';
import { validateExercises, type ExerciseSet } from './types';
import { renderRich } from './render';
import { gradeChoice, matchText, checkNumeric, checkText } from './check';

describe('the lecture exercises', () => {
  const set = EXERCISE_SETS[0]!;
  it('are valid and number the slides’ 24 questions in order', () => {
    expect(validateExercises(set, PART_SLUGS[set.lecture])).toEqual([]);
    expect(set.exercises.map((e) => e.n)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });
  it('keep the ids the lecture published', () => {
    expect(set.exercises.map((e) => e.id)).toEqual([
      'perceptron-cat-dog',
      'perceptron-three-fruits',
      'logistic-three-fruits',
      'why-nonlinear',
      'linear-sine-fit',
      'linear-collapse-problem',
      'why-multiple-layers',
      'output-nonlinear',
      'logits',
      'softmax-max-j',
      'probs-in-formula',
      'onehot-in-formula',
      'why-clip',
      'what-is-yhat',
      'loss-name',
      'confidence-blue-yellow',
      'partial-derivative',
      'darker-shading',
      'softmax-derivative-i',
      'backprop-yhat',
      'wrt',
      'sgd-which-kind',
      'dweights-dbiases-notation',
      'more-terms',
    ]);
  });
  it('use every kind', () => {
    expect(new Set(set.exercises.map((e) => e.kind))).toEqual(
      new Set(['single', 'multiple', 'numeric', 'text', 'reflection']),
    );
  });
  it('typeset every rich text without a KaTeX error', () => {
    for (const e of set.exercises) {
      const texts = [e.prompt, e.answer, e.explanation, ...e.hints, ...(e.task ? [e.task.text] : [])];
      if (e.kind === 'single' || e.kind === 'multiple') texts.push(...e.options.flatMap((o) => [o.text, o.feedback]));
      for (const t of texts) expect(() => renderRich(t, '/')).not.toThrow();
    }
  });
  it('accept their own key answers', () => {
    for (const e of set.exercises) {
      if (e.kind === 'single' || e.kind === 'multiple')
        expect(
          gradeChoice(
            e.options,
            e.options.filter((o) => o.correct).map((o) => o.id),
          ).correct,
        ).toBe(true);
      if (e.kind === 'text')
        for (const a of e.accept) expect(matchText(a, e.accept, e.reject), `${e.id}: ${a}`).toBe(true);
      if (e.kind === 'numeric') expect(checkNumeric(String(e.value), e.value, e.tolerance).kind).toBe('right');
    }
  });
  it('accept short answers phrased the ways students phrase them, and refuse the wrong ones with a reason', () => {
    const text = (id: string) => {
      const e = set.exercises.find((x) => x.id === id)!;
      if (e.kind !== 'text') throw new Error(`${id} is not a short-answer question`);
      return (answer: string) => checkText(answer, e.accept, e.reject);
    };
    const right = { kind: 'right' };
    const cases: [string, string[], string[], string[]][] = [
      // [question, accepted, refused with specific feedback, refused plainly]
      [
        'onehot-in-formula',
        [
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
        ],
        ['y_predict', 'probs', 'the predicted labels', 'ŷ', 'predictions'],
        ['weights', 'the loss', 'one-hot'],
      ],
      [
        'what-is-yhat',
        [
          'predicted values',
          'the output of the network',
          'network prediction',
          "the model's prediction",
          'estimated value',
          'predicted probability',
          'y hat',
          'ŷ',
          'y_predict',
          'the predicted probabilities for each class',
          'an estimate of y',
        ],
        ['the predicted class', 'predicted label', 'y_true'],
        ['the loss', 'the weights', 'true labels'],
      ],
      [
        'loss-name',
        [
          'multiclass cross-entropy',
          'cross-entropy (log loss)',
          'NLL',
          'multi-class cross entropy',
          'crossentropy',
          'Categorical Cross-Entropy',
          'negative log likelihood',
          'log-loss',
          'CCE',
        ],
        ['binary cross-entropy', 'BCE', 'mean squared error', 'MSE'],
        ['entropy', 'hinge loss', 'softmax'],
      ],
      [
        'wrt',
        ['with regard to', 'with respect to', '  With Respect To. ', 'With regards to'],
        [],
        ['with regard', 'weight related term', 'respect'],
      ],
    ];
    for (const [id, accepted, explained, refused] of cases) {
      const check = text(id);
      for (const a of accepted) expect(check(a), `${id}: "${a}" should be accepted`).toEqual(right);
      for (const a of explained) {
        const r = check(a);
        expect(r.kind, `${id}: "${a}" should be refused`).toBe('wrong');
        expect(r.kind === 'wrong' && r.feedback, `${id}: "${a}" should be explained`).toBeTruthy();
      }
      for (const a of refused) expect(check(a), `${id}: "${a}" should be refused`).toEqual({ kind: 'wrong' });
    }
    const lossName = text('loss-name');
    expect(lossName('binary cross-entropy')).toMatchObject({ feedback: expect.stringMatching(/two-class case/) });
    expect(lossName('mean squared error')).toMatchObject({ feedback: expect.stringMatching(/regression/) });
    expect(text('what-is-yhat')('the predicted class')).toMatchObject({
      feedback: expect.stringMatching(/vector of predicted probabilities/),
    });
  });
  it('the blue/yellow losses are the cross-entropies of the two predictions (−ln of Pear’s probability)', () => {
    const e = set.exercises.find((x) => x.id === 'confidence-blue-yellow')!;
    expect(e.answer).toContain((-Math.log(0.789)).toFixed(2)); // 0.24
    expect(e.answer).toContain((-Math.log(0.301)).toFixed(2)); // 1.20
  });
});

describe('validateExercises', () => {
  const base = { part: 'p', prompt: 'Q?', hints: ['h'], answer: 'A', explanation: 'E' };
  it('finds repeated ids, gaps in numbering, bad choices and empty hints', () => {
    const set: ExerciseSet = {
      lecture: 'x',
      exercises: [
        {
          ...base,
          id: 'a',
          n: 1,
          kind: 'single',
          options: [
            { id: 'o', text: 't', correct: false, feedback: 'f' },
            { id: 'p', text: 't', correct: false, feedback: 'f' },
          ],
        },
        { ...base, id: 'a', n: 3, kind: 'reflection', hints: [] },
        { ...base, id: 'Bad id', n: 3, kind: 'numeric', value: 1, tolerance: -1, label: 'x' },
        {
          ...base,
          id: 'c',
          n: 4,
          kind: 'reflection',
          part: 'nowhere',
          task: { widget: 'w', text: 't', goals: [{ field: 'f', is: {}, says: 's' }] },
        },
      ],
    };
    const problems = validateExercises(set, ['p']).join('\n');
    expect(problems).toMatch(/exactly one correct option, has 0/);
    expect(problems).toMatch(/id used twice/);
    expect(problems).toMatch(/numbered 3, expected 2/);
    expect(problems).toMatch(/needs at least one hint/);
    expect(problems).toMatch(/lower-case words/);
    expect(problems).toMatch(/tolerance/);
    expect(problems).toMatch(/unknown part "nowhere"/);
    expect(problems).toMatch(/no or unknown conditions/);
  });
  it('checks short-answer rejections: key phrases and plain-text feedback', () => {
    const set: ExerciseSet = {
      lecture: 'x',
      exercises: [
        {
          ...base,
          id: 'a',
          n: 1,
          kind: 'text',
          label: 'l',
          accept: ['x'],
          reject: [
            { match: [], feedback: 'f' },
            { match: ['y'], feedback: ' ' },
            { match: ['z'], feedback: 'see $y$' },
          ],
        },
      ],
    };
    const problems = validateExercises(set, ['p']).join('\n');
    expect(problems).toMatch(/rejection 1 needs key phrases/);
    expect(problems).toMatch(/rejection 2 needs feedback/);
    expect(problems).toMatch(/rejection 3 feedback must be plain text/);
  });
});
