import { describe, expect, test } from 'vitest';
import { Network, networkToJSON } from '@lib';
import { defaultsOf } from '../shared/url-state';
import { playgroundSchema, type PlaygroundState } from './state';
import { makeData } from './datasets';
import { exportModel, importModel, modelFileName, readModelFile } from './file-io';
import { makeTrainer, modelFileContext } from './model';

const setup = (over: Partial<PlaygroundState> = {}): PlaygroundState => ({
  ...defaultsOf(playgroundSchema),
  ...over,
});

describe('model files', () => {
  test('an exported model loads back with its architecture', () => {
    const s = setup({
      data: 'fruits',
      arch: [5, 3],
      a1: 'relu',
      a2: 'sigmoid',
    });
    const t = makeTrainer(s, makeData(s));
    t.epoch();
    const text = exportModel(t, modelFileContext(s));
    const result = importModel(text, modelFileContext(setup({ data: 'spiral' })));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.model.patch).toEqual({
      arch: [5, 3],
      out: 'softmax',
      a1: 'relu',
      a2: 'sigmoid',
    });
    expect(result.model.network.getParameters()).toEqual(t.network.getParameters());
    expect(JSON.parse(text).playground).toMatchObject({
      dataset: 'fruits',
      epoch: 1,
      iteration: t.iteration,
    });
  });

  test('files that cannot be used are refused with a reason', () => {
    const bad = (text: string, s = setup()) => {
      const r = importModel(text, modelFileContext(s));
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.error;
    };
    expect(bad('not json')).toMatch(/not a model the playground can read/);
    expect(bad('{"version":1,"kind":"sgd"}')).toMatch(/kind/);
    const sineNet = Network.create({
      inputs: 1,
      layers: [
        { neurons: 4, activation: 'tanh' },
        { neurons: 1, activation: 'linear' },
      ],
    });
    expect(bad(JSON.stringify(networkToJSON(sineNet)))).toMatch(/1 input, but the Circles data set has 2/);
    const wide = Network.create({
      inputs: 2,
      layers: [
        { neurons: 40, activation: 'relu' },
        { neurons: 1, activation: 'sigmoid' },
      ],
    });
    expect(bad(JSON.stringify(networkToJSON(wide)))).toMatch(/wider than 16/);
    const three = Network.create({
      inputs: 2,
      layers: [
        { neurons: 4, activation: 'relu' },
        { neurons: 3, activation: 'softmax' },
      ],
    });
    expect(bad(JSON.stringify(networkToJSON(three)))).toMatch(/3 outputs.*needs 2/);
  });

  test('a chosen file is read, size-checked and validated; the download is named after the run', async () => {
    const s = setup();
    const c = modelFileContext(s);
    const t = makeTrainer(s, makeData(s));
    t.epoch();
    expect(modelFileName(t, modelFileContext(s))).toBe('playground-circles-2-8-8-1-epoch1.json');
    const good = await readModelFile(new File([exportModel(t, modelFileContext(s))], 'm.json'), c);
    expect(good.ok && good.model.summary).toBe('2-8-8-1 (tanh, tanh, sigmoid)');
    expect(await readModelFile(new File([''], 'empty.json'), c)).toEqual({
      ok: false,
      error: 'empty.json is empty or larger than 2 MB; a model of the playground is a few kilobytes.',
    });
    const big = new File([new Uint8Array(2_000_001)], 'big.json');
    expect(await readModelFile(big, c)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^big.json is empty or larger/),
    });
    const broken = {
      name: 'gone.json',
      size: 10,
      text: () => Promise.reject(new Error('NotReadableError')),
    } as unknown as File;
    expect(await readModelFile(broken, c)).toEqual({ ok: false, error: 'gone.json could not be read.' });
    expect(await readModelFile(new File(['nope'], 'x.json'), c)).toMatchObject({ ok: false });
  });
});
