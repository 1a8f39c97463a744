import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Matrix } from './matrix.ts';
import { Network } from './network.ts';
import { createRng } from './random.ts';
import { ACTIVATION_NAMES, type ActivationName } from './activations/index.ts';
import { networkFromJSON, networkToJSON } from './serialize.ts';

const architecture = fc.record({
  inputs: fc.integer({ min: 1, max: 5 }),
  layers: fc.array(
    fc.record({
      neurons: fc.integer({ min: 1, max: 6 }),
      activation: fc.constantFrom<ActivationName>(...ACTIVATION_NAMES),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  seed: fc.integer({ min: 0, max: 1e6 }),
});

describe('network JSON', () => {
  it('round-trips any architecture through JSON text: same parameters, same predictions (fast-check)', () => {
    fc.assert(
      fc.property(architecture, (spec) => {
        const network = Network.create(spec);
        network.layers[0]!.trainBiases = spec.seed % 2 === 0;
        const text = JSON.stringify(networkToJSON(network));
        const restored = networkFromJSON(JSON.parse(text));
        expect(restored.getParameters()).toEqual(network.getParameters());
        expect(restored.layers[0]!.trainBiases).toBe(network.layers[0]!.trainBiases);
        const rng = createRng(spec.seed);
        const X = Matrix.from(
          Array.from({ length: 3 }, () => Array.from({ length: spec.inputs }, () => rng.uniform(-1, 1))),
        );
        expect(restored.predict(X).toArray()).toEqual(network.predict(X).toArray());
        // a JSON string is accepted too
        expect(networkFromJSON(text).getParameters()).toEqual(network.getParameters());
      }),
      { seed: 30, numRuns: 100 },
    );
  });

  it('has a versioned, readable format', () => {
    const network = Network.fromParameters([{ weights: [[1, 2]], biases: [0.5, -0.5], activation: 'relu' }]);
    expect(networkToJSON(network)).toEqual({
      version: 1,
      kind: 'network',
      layers: [{ activation: 'relu', weights: [[1, 2]], biases: [0.5, -0.5] }],
    });
  });

  const valid = () =>
    networkToJSON(
      Network.create({
        inputs: 2,
        layers: [
          { neurons: 3, activation: 'relu' },
          { neurons: 1, activation: 'sigmoid' },
        ],
        seed: 1,
      }),
    );
  const cases: [string, (doc: any) => unknown, RegExp][] = [
    ['not JSON', () => '{"version": 1,', /not parseable JSON/],
    ['not an object', () => [1, 2], /document must be an object/],
    ['missing version', (d) => ({ ...d, version: undefined }), /version is undefined|missing field "version"/],
    ['future version', (d) => ({ ...d, version: 2 }), /version is 2, only version 1/],
    ['wrong kind', (d) => ({ ...d, kind: 'sgd' }), /kind is "sgd", expected "network"/],
    ['missing layers', () => ({ version: 1, kind: 'network' }), /missing field "layers"/],
    ['empty layers', (d) => ({ ...d, layers: [] }), /at least one layer/],
    [
      'unknown activation',
      (d) => ((d.layers[1].activation = 'gelu'), d),
      /layers\[1\]\.activation is "gelu"; expected one of step, linear/,
    ],
    ['missing activation', (d) => (delete d.layers[0].activation, d), /layers\[0\]\.activation is undefined/],
    [
      'NaN weight (null in JSON)',
      (d) => JSON.parse(JSON.stringify(((d.layers[0].weights[1][2] = NaN), d))),
      /layers\[0\]\.weights\[1\]\[2\] must be a finite number, got null/,
    ],
    [
      'Infinity bias',
      (d) => ((d.layers[1].biases[0] = Infinity), d),
      /layers\[1\]\.biases\[0\] must be a finite number, got Infinity/,
    ],
    [
      'string weight',
      (d) => ((d.layers[1].weights[0][0] = '0.5'), d),
      /layers\[1\]\.weights\[0\]\[0\] must be a finite number/,
    ],
    [
      'ragged weights',
      (d) => (d.layers[0].weights[1].pop(), d),
      /layers\[0\]\.weights\[1\] has 2 values but layers\[0\]\.weights\[0\] has 3/,
    ],
    [
      'wrong bias count',
      (d) => (d.layers[0].biases.push(0), d),
      /layers\[0\]\.biases has 4 values but layers\[0\]\.weights is 2×3 \(need 3\)/,
    ],
    [
      'layers do not chain',
      (d) => (d.layers[1].weights.pop(), d),
      /layers\[1\]\.weights is 2×1 but layer 0 has 3 neurons/,
    ],
    ['missing weights', (d) => (delete d.layers[0].weights, d), /layers\[0\]\.weights must be a non-empty array/],
    [
      'bad trainable flag',
      (d) => ((d.layers[0].trainBiases = 'no'), d),
      /layers\[0\]\.trainBiases must be true or false/,
    ],
  ];
  for (const [name, corrupt, message] of cases) {
    it(`rejects ${name} with a message naming the field`, () => {
      expect(() => networkFromJSON(corrupt(valid()))).toThrow(message);
    });
  }

  it('rejects any single weight replaced by a non-number (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1 }),
        fc.nat(),
        fc.constantFrom<unknown>(null, 'x', true, {}, [], Number.NaN, -Infinity),
        (layer, k, bad) => {
          const doc: any = valid();
          const weights = doc.layers[layer].weights;
          const r = k % weights.length;
          const c = Math.floor(k / weights.length) % weights[0].length;
          weights[r][c] = bad;
          expect(() => networkFromJSON(doc)).toThrow(`layers[${layer}].weights[${r}][${c}] must be a finite number`);
        },
      ),
      { seed: 31, numRuns: 60 },
    );
  });
});
