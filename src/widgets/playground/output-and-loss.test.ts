import { describe, expect, test } from 'vitest';
import { defaultsOf } from '../shared/url-state';
import { playgroundSchema, type PlaygroundState } from './state';
import { sizesOf } from './model';
import { fittingPair, outputCount, pairVerdict, resolvePair } from './output-and-loss';

const setup = (over: Partial<PlaygroundState> = {}): PlaygroundState => ({
  ...defaultsOf(playgroundSchema),
  ...over,
});

describe('output activation and loss', () => {
  test('the fitting pairs, and auto resolves to them', () => {
    expect(fittingPair('binary')).toEqual({ out: 'sigmoid', loss: 'bce' });
    expect(fittingPair('multiclass')).toEqual({ out: 'softmax', loss: 'cce' });
    expect(fittingPair('regression')).toEqual({ out: 'linear', loss: 'mse' });
    expect(resolvePair(setup({ data: 'fruits' }))).toEqual({
      out: 'softmax',
      loss: 'cce',
    });
    expect(resolvePair(setup({ data: 'sine', loss: 'bce' }))).toEqual({
      out: 'linear',
      loss: 'bce',
    });
  });

  test('outputs: one per class for three classes, two for softmax on two classes, else one', () => {
    expect(outputCount('multiclass', 'sigmoid')).toBe(3);
    expect(outputCount('binary', 'softmax')).toBe(2);
    expect(outputCount('binary', 'sigmoid')).toBe(1);
    expect(outputCount('regression', 'softmax')).toBe(1);
    expect(sizesOf(setup({ data: 'spiral', arch: [16, 16] }))).toEqual([2, 16, 16, 3]);
    expect(sizesOf(setup({ data: 'sine', arch: [] }))).toEqual([1, 1]);
  });

  test('mismatched pairs are named and explained', () => {
    expect(pairVerdict('multiclass', 'softmax', 'cce').kind).toBe('fits');
    const softmaxMse = pairVerdict('multiclass', 'softmax', 'mse');
    expect(softmaxMse.kind).toBe('mismatch');
    expect(softmaxMse.why).toMatch(/slope/);
    const sigmoidThree = pairVerdict('multiclass', 'sigmoid', 'bce');
    expect(sigmoidThree.kind).toBe('mismatch');
    expect(sigmoidThree.why).toMatch(/add up to 1/);
    expect(pairVerdict('regression', 'sigmoid', 'mse').why).toMatch(/−1/);
    expect(pairVerdict('regression', 'softmax', 'mse').why).toMatch(/= 1/);
    expect(pairVerdict('binary', 'sigmoid', 'cce').why).toMatch(/class-0/);
    expect(pairVerdict('binary', 'linear', 'bce').kind).toBe('mismatch');
    expect(pairVerdict('binary', 'softmax', 'cce').kind).toBe('note');
  });
});
