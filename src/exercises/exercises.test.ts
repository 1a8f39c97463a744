import { describe, expect, it } from 'vitest';
import { EXERCISE_SETS, PART_SLUGS } from './registry';
import { validateExercises, type ExerciseSet } from './types';
import { renderRich } from './render';
import { gradeChoice, checkNumeric, checkText } from './check';

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
      if (e.kind === 'text') expect(checkText(e.key, e), `${e.id}: ${e.key}`).toEqual({ kind: 'right' });
      if (e.kind === 'numeric') expect(checkNumeric(String(e.value), e.value, e.tolerance).kind).toBe('right');
    }
  });
  it('the blue/yellow losses are the cross-entropies of the two predictions (−ln of Pear’s probability)', () => {
    const e = set.exercises.find((x) => x.id === 'confidence-blue-yellow')!;
    // The slide's results (04-loss-functions: the two np.log lines, # 1.20 and # 0.24)
    expect(e.answer).toContain('0.24');
    expect(e.answer).toContain('1.20');
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
  it('checks short answers: a key, meanings with phrases in every group, plain-text feedback', () => {
    const set: ExerciseSet = {
      lecture: 'x',
      exercises: [
        {
          ...base,
          id: 'a',
          n: 1,
          kind: 'text',
          label: 'l',
          key: ' ',
          accept: [{ all: [['x'], []] }],
          reject: [
            { all: [], feedback: 'f' },
            { all: [['y']], not: [''], feedback: ' ' },
          ],
          unclear: [{ all: [['z']], feedback: 'see $y$' }],
        },
        {
          ...base,
          id: 'b',
          n: 2,
          kind: 'single',
          options: [
            { id: 'o', text: 't', correct: true, feedback: 'Right. Because.' },
            { id: 'p', text: 't', correct: false, feedback: 'No time index here.' },
          ],
        },
      ],
    };
    const problems = validateExercises(set, ['p']).join('\n');
    expect(problems).toMatch(/needs a key answer/);
    expect(problems).toMatch(/accepted meaning 1 needs key phrases in every group/);
    expect(problems).toMatch(/rejection 1 needs key phrases/);
    expect(problems).toMatch(/rejection 2 has an empty "not" phrase/);
    expect(problems).toMatch(/feedback missing for “y”/);
    expect(problems).toMatch(/feedback for “z” must be plain text/);
    expect(problems).toMatch(/option "o" feedback opens with a verdict/);
    expect(problems).not.toMatch(/option "p"/);
  });
});
