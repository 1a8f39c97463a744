import { describe, expect, it } from 'vitest';
import { checkGoals, meets } from './goals';
import {
  answerWords,
  checkNumeric,
  checkText,
  containsPhrase,
  gradeChoice,
  hasMeaning,
  normaliseText,
  parseNumber,
} from './check';

/** Whether an answer carries one meaning made of single phrases: `says('y_true', ['y true'])`. */
const says = (answer: string, phrases: string[]) => hasMeaning(answerWords(answer), { all: [phrases] });

describe('normaliseText', () => {
  it('ignores case, punctuation, articles, curly quotes and spacing', () => {
    expect(normaliseText('  The Cross-Entropy. ')).toBe('cross entropy');
    expect(normaliseText('the network’s prediction')).toBe('networks prediction');
    expect(says('With Respect To', ['with respect to'])).toBe(true);
    expect(says('crossentropy', ['cross-entropy'])).toBe(true);
    expect(says('y_true', ['y true'])).toBe(true);
    expect(says('ytrue', ['y_true'])).toBe(true);
  });
  it('reads ŷ however it is typed, and leaves y to a power alone', () => {
    for (const s of [
      'ŷ',
      'Ŷ',
      'y\u0302',
      'y-hat',
      'y_hat',
      'yhat',
      'y^',
      'y ^',
      '\\hat{y}',
      '\\hat y',
      'hat{y}',
      'hat y',
    ])
      expect(says(s, ['y hat']), s).toBe(true);
    expect(normaliseText('y^k')).toBe('y k');
    expect(normaliseText('what y')).toBe('what y');
  });
  it('finds nothing in empty or different answers', () => {
    expect(says('', ['x'])).toBe(false);
    expect(says('   ', ['the'])).toBe(false);
    expect(says('mean squared error', ['cross-entropy', 'log loss'])).toBe(false);
    expect(says('with regard', ['with respect to'])).toBe(false);
  });
});

describe('answerWords / containsPhrase / hasMeaning / checkText', () => {
  it('keeps the words that carry meaning: possessives, plurals and filler words go', () => {
    expect(answerWords("The network's one-hot encoded labels")).toEqual(['onehot', 'encoded', 'label']);
    expect(answerWords('Predicted probabilities of the classes')).toEqual(['predicted', 'probability', 'class']);
    expect(answerWords('the model’s prediction')).toEqual(['prediction']);
    expect(answerWords('ŷ')).toEqual(['y', 'hat']);
    expect(answerWords('loss')).toEqual(['loss']);
    expect(answerWords('the of a')).toEqual([]);
  });
  it('finds a phrase as whole words, whatever the spacing or hyphens inside it', () => {
    for (const s of [
      'cross entropy',
      'cross-entropy',
      'crossentropy',
      'Cross-Entropy loss',
      'multi-class cross entropy',
    ]) {
      expect(containsPhrase(answerWords(s), 'cross-entropy')).toBe(true);
    }
    expect(containsPhrase(answerWords('y-hat'), 'ŷ')).toBe(true);
    expect(containsPhrase(answerWords('yhat'), 'y hat')).toBe(true);
    expect(containsPhrase(answerWords('multiclass'), 'class')).toBe(false);
    expect(containsPhrase(answerWords('entropy'), 'cross entropy')).toBe(false);
    expect(containsPhrase(answerWords('label'), '')).toBe(false);
  });
  it('a meaning needs a phrase of every group and none of its "not" phrases', () => {
    const predicted = { all: [['predicted', 'output']], not: ['true', 'target'] };
    expect(hasMeaning(answerWords("the network's output"), predicted)).toBe(true);
    expect(hasMeaning(answerWords('the true output'), predicted)).toBe(false);
    expect(hasMeaning(answerWords('target'), predicted)).toBe(false);
    const both = { all: [['mean'], ['squared', 'square']] };
    expect(hasMeaning(answerWords('mean of the squares'), both)).toBe(true);
    expect(hasMeaning(answerWords('the mean'), both)).toBe(false);
  });
  const q = {
    accept: [{ all: [['cross-entropy']], not: ['binary'] }],
    reject: [{ all: [['binary']], feedback: 'two classes' }],
    unclear: [{ all: [['entropy']], not: ['cross'], feedback: 'which entropy?' }],
  };
  it('right with an accepted meaning alone, wrong with a known wrong one alone', () => {
    expect(checkText('cross-entropy', q)).toEqual({ kind: 'right' });
    expect(checkText('binary cross-entropy', q)).toEqual({ kind: 'wrong', feedback: 'two classes' });
    expect(checkText(' ?! ', q)).toEqual({ kind: 'empty' });
  });
  it('unsure, not wrong, when it recognises neither meaning or both, with the note that fits', () => {
    expect(checkText('hinge', q)).toEqual({ kind: 'unsure' });
    expect(checkText(' the ', q)).toEqual({ kind: 'unsure' });
    expect(checkText('entropy', q)).toEqual({ kind: 'unsure', feedback: 'which entropy?' });
    const clash = { accept: [{ all: [['prediction']] }], reject: [{ all: [['error']], feedback: 'not the loss' }] };
    expect(checkText('the error of the prediction', clash)).toEqual({ kind: 'unsure' });
  });
});

describe('parseNumber / checkNumeric', () => {
  it('reads the ways people type numbers', () => {
    expect(parseNumber('3')).toBe(3);
    expect(parseNumber(' 3.0 ')).toBe(3);
    expect(parseNumber('−0.5')).toBe(-0.5);
    expect(parseNumber('1e-7')).toBe(1e-7);
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('.5')).toBe(0.5);
  });
  it('refuses what is not one number', () => {
    for (const s of ['', 'three', '3 4', '1,000.5', 'Infinity', 'NaN', '0x10', '1e999'])
      expect(parseNumber(s)).toBeUndefined();
  });
  it('checks against a value with an inclusive absolute tolerance', () => {
    expect(checkNumeric('3', 3, 0).kind).toBe('right');
    expect(checkNumeric('2', 3, 0)).toEqual({ kind: 'wrong', value: 2, direction: 'low' });
    expect(checkNumeric('16.12', 16.118, 0.005).kind).toBe('right');
    expect(checkNumeric('16.13', 16.118, 0.005)).toMatchObject({ kind: 'wrong', direction: 'high' });
    expect(checkNumeric('0.5', 0.25, 0.25).kind).toBe('right');
    expect(checkNumeric('x', 3, 0).kind).toBe('unreadable');
  });
});

describe('gradeChoice', () => {
  const options = [
    { id: 'a', text: 'A', correct: true, feedback: 'fa' },
    { id: 'b', text: 'B', correct: false, feedback: 'fb' },
    { id: 'c', text: 'C', correct: true, feedback: 'fc' },
  ];
  it('is right only for exactly the correct set, with feedback for each chosen option', () => {
    expect(gradeChoice(options, ['a', 'c']).correct).toBe(true);
    expect(gradeChoice(options, ['c', 'a']).correct).toBe(true);
    const partial = gradeChoice(options, ['a']);
    expect(partial).toEqual({ correct: false, chosen: [{ id: 'a', correct: true, feedback: 'fa' }], missed: ['c'] });
    expect(gradeChoice(options, ['a', 'b', 'c']).correct).toBe(false);
    expect(gradeChoice(options, []).correct).toBe(false);
  });
});

describe('widget goals', () => {
  it('compares with constants and with other fields of the report', () => {
    const report = {
      correct: 20,
      total: 20,
      gate: 'xor',
      loss: 0.03,
      diverged: false,
      d: -0.01,
      nan: Number.NaN,
      none: null,
    };
    expect(meets(report, 'correct', { eq: { field: 'total' } })).toBe(true);
    expect(meets({ ...report, correct: 19 }, 'correct', { eq: { field: 'total' } })).toBe(false);
    expect(meets(report, 'gate', { eq: 'xor' })).toBe(true);
    expect(meets(report, 'gate', { ne: 'xor' })).toBe(false);
    expect(meets(report, 'loss', { lt: 0.05 })).toBe(true);
    expect(meets(report, 'loss', { lt: 0.03 })).toBe(false);
    expect(meets(report, 'loss', { le: 0.03, ge: 0.03 })).toBe(true);
    expect(meets(report, 'diverged', { eq: false })).toBe(true);
    expect(meets(report, 'd', { absLt: 0.05 })).toBe(true);
    expect(meets(report, 'd', { gt: 0 })).toBe(false);
    expect(meets(report, 'nan', { lt: 1 })).toBe(false);
    expect(meets(report, 'nan', { absLt: 1 })).toBe(false);
    expect(meets(report, 'none', { eq: false })).toBe(false);
    expect(meets(report, 'missing', { ne: 'x' })).toBe(false);
    expect(meets(report, 'gate', { lt: 3 })).toBe(false);
  });
  it('a task is solved when every goal holds', () => {
    const goals = [
      { field: 'gate', is: { eq: 'xor' }, says: '' },
      { field: 'loss', is: { lt: 0.05 }, says: '' },
    ];
    expect(checkGoals(goals, { gate: 'xor', loss: 0.2 })).toEqual({ met: [true, false], solved: false });
    expect(checkGoals(goals, { gate: 'xor', loss: 0.01 }).solved).toBe(true);
    expect(checkGoals([], {}).solved).toBe(false);
  });
});
