import { describe, expect, test } from 'vitest';
import { defaultsOf } from '../shared/url-state';
import { playgroundSchema, type PlaygroundState } from './state';
import { DATASET_INFO } from './datasets';
import { differences } from './PinnedRun';

const setup = (over: Partial<PlaygroundState> = {}): PlaygroundState => ({
  ...defaultsOf(playgroundSchema),
  ...over,
});

describe('pinned run', () => {
  test('a pinned run names the settings that differ', () => {
    const a = setup({ data: 'spiral' });
    expect(differences(a, { ...a, lr: '0.3' })).toEqual(['learning rate 0.03 → 0.3']);
    expect(differences(a, { ...a, arch: [8], a2: 'relu' })).toEqual([
      'hidden layers 8-8 → 8',
      'activation 2 tanh → relu',
    ]);
    expect(differences(a, { ...a, a4: 'relu' })).toEqual([]);
    expect(DATASET_INFO.fruits.classes).toEqual(['apple', 'orange', 'banana']);
  });
});
