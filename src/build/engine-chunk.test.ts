import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { engineChunkOf } from './engine-chunk.mjs';

const lib = (file: string) => fileURLToPath(new URL(`../../lib/${file}`, import.meta.url));

describe('engineChunkOf', () => {
  it('puts a network, its layers, activations, products and data sets in one chunk', () => {
    for (const file of ['network.ts', 'dense.ts', 'activations/softmax.ts', 'kernels/tiny-network.ts', 'data.ts']) {
      expect(engineChunkOf(lib(file)), file).toBe('engine');
    }
  });
  it('keeps the matrix and the losses apart, for a page that computes losses without a network', () => {
    for (const file of ['matrix.ts', 'losses.ts', 'kernels/underflow.ts'])
      expect(engineChunkOf(lib(file)), file).toBe('matrix');
  });
  it('leaves the training loop, tests and everything outside lib/ to Rollup', () => {
    expect(engineChunkOf(lib('train.ts'))).toBeUndefined();
    expect(engineChunkOf(lib('network.test.ts'))).toBeUndefined();
    expect(engineChunkOf(fileURLToPath(new URL('../widgets/mse/model.ts', import.meta.url)))).toBeUndefined();
    expect(engineChunkOf('/somewhere/else/lib/network.ts')).toBeUndefined();
  });
});
