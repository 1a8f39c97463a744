import { describe, expect, it } from 'vitest';
import { EMPTY } from '~/exercises/progress';
import { HAVE_A_GO, checkAnswer, selfJudged } from './verdict';
import type { ExerciseView } from './view';

const base: Omit<ExerciseView, 'kind'> = {
  id: 'q',
  lecture: 'l',
  kindLabel: '',
  hintsHtml: [],
  answerHtml: '<p>A</p>',
  explanationHtml: '<p>Why</p>',
};
const options = [
  { id: 'a', html: '<p>A</p>', correct: true, feedbackHtml: '<p>yes a</p>' },
  { id: 'b', html: '<p>B</p>', correct: true, feedbackHtml: '<p>yes b</p>' },
  { id: 'c', html: '<p>C</p>', correct: false, feedbackHtml: '<p>no c</p>' },
];

describe('checkAnswer', () => {
  it('asks for a choice before grading one, and counts nothing', () => {
    const r = checkAnswer({ ...base, kind: 'single', options }, [], '');
    expect(r).toEqual({ feedback: { tone: 'info', lead: 'Choose an option first.' } });
  });

  it('single choice: the chosen option’s feedback follows the verdict, and it counts an attempt', () => {
    const r = checkAnswer({ ...base, kind: 'single', options }, ['c'], '')!;
    expect(r.feedback).toMatchObject({
      tone: 'wrong',
      lead: 'Not quite.',
      detailHtml: '<p>no c</p>',
      items: undefined,
    });
    expect(r.change!(EMPTY)).toEqual({ ...EMPTY, attempts: 1 });
  });

  it('multiple choice: each chosen option is marked; true ones still missing are counted', () => {
    const r = checkAnswer({ ...base, kind: 'multiple', options }, ['a'], '')!;
    expect(r.feedback).toMatchObject({
      tone: 'wrong',
      lead: 'Not quite. You have not chosen every true statement yet: 1 more.',
      items: [{ ok: true, html: '<p>yes a</p>' }],
    });
    const right = checkAnswer({ ...base, kind: 'multiple', options }, ['a', 'b'], '')!;
    expect(right.feedback).toMatchObject({ tone: 'right', lead: 'Right.', html: '<p>Why</p>' });
    expect(right.change!(EMPTY)).toEqual({ ...EMPTY, attempts: 1, solved: true });
  });

  it('numeric: unreadable is not an attempt; a wrong number says which way and the tolerance', () => {
    const v: ExerciseView = { ...base, kind: 'numeric', value: 2, tolerance: 0.1 };
    expect(checkAnswer(v, [], 'two')!.change).toBeUndefined();
    expect(checkAnswer(v, [], ' 3 ')!.feedback).toEqual({
      tone: 'wrong',
      lead: 'Not quite: 3 is too high. (Answers within ±0.1 count.)',
    });
    expect(checkAnswer(v, [], '2.05')!.feedback?.tone).toBe('right');
  });

  it('short answer: nothing typed says nothing; a known wrong meaning gets its feedback', () => {
    const v: ExerciseView = {
      ...base,
      kind: 'text',
      shortAnswer: { accept: [{ all: [['loss']] }], reject: [{ all: [['accuracy']], feedback: 'not a loss' }] },
    };
    expect(checkAnswer(v, [], '  ')).toBeNull();
    expect(checkAnswer(v, [], 'accuracy')!.feedback).toEqual({ tone: 'wrong', lead: 'Not quite.', text: 'not a loss' });
    expect(checkAnswer(v, [], 'the loss')!.feedback?.tone).toBe('right');
    expect(checkAnswer(v, [], 'banana')!.feedback?.tone).toBe('unsure');
  });

  it('reflection: writing is the attempt, opens the model answer and asks the reader to judge', () => {
    const v: ExerciseView = { ...base, kind: 'reflection' };
    expect(checkAnswer(v, [], '')).toEqual({
      feedback: { tone: 'info', lead: 'Write your answer first, then compare it with the model answer.' },
    });
    const r = checkAnswer(v, [], 'mine')!;
    expect(r.judging).toBe(true);
    expect(r.change!(EMPTY)).toEqual({ ...EMPTY, attempts: 1, revealed: true });
    expect(selfJudged(true).change!(EMPTY).solved).toBe(true);
    expect(selfJudged(false).change).toBeUndefined();
    expect(selfJudged(false).judging).toBe(false);
    expect(HAVE_A_GO?.tone).toBe('info');
  });
});
