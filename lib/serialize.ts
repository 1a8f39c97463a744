/**
 * Saving and loading models and training state as plain JSON.
 *
 * Every document carries `version: 1` and a `kind`. Loading validates
 * everything and throws an Error whose message names the offending field
 * (e.g. `layers[1].weights[0][2]`), so a hand-edited or truncated file fails
 * loudly instead of producing NaN later.
 */
import { Matrix } from './matrix.ts';
import { ACTIVATION_NAMES, isActivationName, type ActivationName } from './activations/index.ts';
import { Dense } from './dense.ts';
import { Network } from './network.ts';
import { SGD } from './sgd.ts';
import type { EpochRecord, IterationRecord, Trainer } from './train.ts';

/** The JSON format version written and accepted. */
export const FORMAT_VERSION = 1;

/** One layer in JSON: weights n_in × n_out, biases n_out, activation name. */
export interface LayerJSON {
  activation: ActivationName;
  weights: number[][];
  biases: number[];
  /** Optional, default true. */
  trainWeights?: boolean;
  /** Optional, default true. */
  trainBiases?: boolean;
}

/** A whole network in JSON. */
export interface NetworkJSON {
  version: 1;
  kind: 'network';
  layers: LayerJSON[];
}

/** SGD state in JSON; momentums are per layer, null where a layer has none yet. */
export interface SGDJSON {
  version: 1;
  kind: 'sgd';
  learningRate: number;
  decay: number;
  momentum: number;
  iterations: number;
  currentLearningRate: number;
  weightMomentums: (number[][] | null)[];
  biasMomentums: (number[] | null)[];
}

/** Everything needed to resume a Trainer on the same data. */
export interface TrainerStateJSON {
  version: 1;
  kind: 'trainer';
  network: NetworkJSON;
  optimizer: SGDJSON;
  /** Number of training samples, to check the data on restore. */
  samples: number;
  batchSize: number;
  epochCount: number;
  iteration: number;
  cursor: number;
  order: number[];
  rngState: number;
  initialLoss: number | null;
  history: { iterations: IterationRecord[]; epochs: EpochRecord[] };
}

/** The network's layers, weights, biases and activations as JSON-ready data. */
export function networkToJSON(network: Network): NetworkJSON {
  return {
    version: 1,
    kind: 'network',
    layers: network.layers.map((layer, i) => ({
      activation: network.activations[i].name,
      weights: layer.weights.toArray(),
      biases: Array.from(layer.biases.data),
      // only written when not the default, to keep files small
      ...(layer.trainWeights ? {} : { trainWeights: false }),
      ...(layer.trainBiases ? {} : { trainBiases: false }),
    })),
  };
}

/** Rebuilds a network from networkToJSON output (or a string of it), validating every field. */
export function networkFromJSON(json: unknown): Network {
  const doc = parseDocument(json, 'network');
  const layers = readArray(doc, 'layers', 'network');
  if (layers.length === 0) throw new Error('Invalid network JSON: layers must contain at least one layer');
  const dense: Dense[] = [];
  const activations: ActivationName[] = [];
  layers.forEach((raw, i) => {
    const path = `layers[${i}]`;
    const layer = asObject(raw, path, 'network');
    const activation = layer.activation;
    if (!isActivationName(activation)) {
      throw new Error(
        `Invalid network JSON: ${path}.activation is ${JSON.stringify(activation)}; expected one of ${ACTIVATION_NAMES.join(', ')}`,
      );
    }
    const weights = readMatrix(layer.weights, `${path}.weights`, 'network');
    const biases = readVector(layer.biases, `${path}.biases`, 'network');
    if (biases.length !== weights.cols) {
      throw new Error(
        `Invalid network JSON: ${path}.biases has ${biases.length} values but ${path}.weights is ${weights.shape} (need ${weights.cols})`,
      );
    }
    if (i > 0 && weights.rows !== dense[i - 1].nNeurons) {
      throw new Error(
        `Invalid network JSON: ${path}.weights is ${weights.shape} but layer ${i - 1} has ${dense[i - 1].nNeurons} neurons (need ${dense[i - 1].nNeurons} rows)`,
      );
    }
    const built = Dense.fromWeights(weights, biases);
    built.trainWeights = readFlag(layer, 'trainWeights', path);
    built.trainBiases = readFlag(layer, 'trainBiases', path);
    dense.push(built);
    activations.push(activation);
  });
  return new Network(dense, activations);
}

/** SGD hyper-parameters, step counter and momentum buffers as JSON-ready data. */
export function optimizerToJSON(optimizer: SGD): SGDJSON {
  const length = Math.max(optimizer.weightMomentums.length, optimizer.biasMomentums.length);
  return {
    version: 1,
    kind: 'sgd',
    learningRate: optimizer.learningRate,
    decay: optimizer.decay,
    momentum: optimizer.momentum,
    iterations: optimizer.iterations,
    currentLearningRate: optimizer.currentLearningRate,
    weightMomentums: Array.from({ length }, (_, i) => optimizer.weightMomentums[i]?.toArray() ?? null),
    biasMomentums: Array.from({ length }, (_, i) =>
      optimizer.biasMomentums[i] ? Array.from(optimizer.biasMomentums[i].data) : null,
    ),
  };
}

/**
 * Rebuilds an SGD optimiser from optimizerToJSON output, validating every field.
 * With `network`, momentum shapes are checked against its layers.
 */
export function optimizerFromJSON(json: unknown, network?: Network): SGD {
  const doc = parseDocument(json, 'sgd');
  const where = 'sgd';
  const learningRate = readNumber(doc, 'learningRate', where, { min: 0 });
  const decay = readNumber(doc, 'decay', where, { min: 0 });
  const momentum = readNumber(doc, 'momentum', where, { min: 0 });
  const iterations = readNumber(doc, 'iterations', where, { min: 0, integer: true });
  const currentLearningRate = readNumber(doc, 'currentLearningRate', where, { min: 0 });
  const sgd = new SGD({ learningRate, decay, momentum });
  sgd.iterations = iterations;
  sgd.currentLearningRate = currentLearningRate;
  const weightMoms = readArray(doc, 'weightMomentums', where);
  const biasMoms = readArray(doc, 'biasMomentums', where);
  if (weightMoms.length !== biasMoms.length) {
    throw new Error(
      `Invalid sgd JSON: weightMomentums has ${weightMoms.length} entries but biasMomentums has ${biasMoms.length}`,
    );
  }
  if (network && weightMoms.length > network.layers.length) {
    throw new Error(
      `Invalid sgd JSON: weightMomentums has ${weightMoms.length} entries but the network has ${network.layers.length} layers`,
    );
  }
  weightMoms.forEach((raw, i) => {
    const rawBias = biasMoms[i];
    if ((raw === null) !== (rawBias === null))
      throw new Error(
        `Invalid sgd JSON: weightMomentums[${i}] and biasMomentums[${i}] must both be null or both be set`,
      );
    if (raw === null) return;
    const w = readMatrix(raw, `weightMomentums[${i}]`, 'sgd');
    const b = Matrix.row(readVector(rawBias, `biasMomentums[${i}]`, 'sgd'));
    if (network) {
      const layer = network.layers[i];
      if (w.rows !== layer.weights.rows || w.cols !== layer.weights.cols) {
        throw new Error(
          `Invalid sgd JSON: weightMomentums[${i}] is ${w.shape} but layer ${i} weights are ${layer.weights.shape}`,
        );
      }
      if (b.cols !== layer.biases.cols)
        throw new Error(
          `Invalid sgd JSON: biasMomentums[${i}] has ${b.cols} values but layer ${i} has ${layer.biases.cols} biases`,
        );
    } else if (b.cols !== w.cols) {
      throw new Error(
        `Invalid sgd JSON: biasMomentums[${i}] has ${b.cols} values but weightMomentums[${i}] has ${w.cols} columns`,
      );
    }
    sgd.weightMomentums[i] = w;
    sgd.biasMomentums[i] = b;
  });
  return sgd;
}

/** Network, optimiser, position in the epoch, shuffle state and history of a trainer. */
export function trainerStateToJSON(trainer: Trainer): TrainerStateJSON {
  return {
    version: 1,
    kind: 'trainer',
    network: networkToJSON(trainer.network),
    optimizer: optimizerToJSON(trainer.optimizer),
    samples: trainer.xTrain.rows,
    batchSize: trainer.batchSize,
    epochCount: trainer.epochCount,
    iteration: trainer.iteration,
    cursor: trainer.cursor,
    order: Array.from(trainer.order),
    rngState: trainer.rng.state,
    initialLoss: trainer.initialLoss ?? null,
    history: {
      iterations: trainer.history.iterations.map((r) => ({ ...r })),
      epochs: trainer.history.epochs.map((r) => ({ ...r })),
    },
  };
}

/**
 * Puts a saved state into `trainer` (built with the same data, batch size and
 * architecture): parameters, optimiser, epoch position, shuffle order, RNG and
 * history. Continuing afterwards gives the same result as never having stopped.
 */
export function restoreTrainerState(trainer: Trainer, json: unknown): void {
  const doc = parseDocument(json, 'trainer');
  const where = 'trainer';
  const network = networkFromJSON(doc.network);
  if (
    network.sizes.join('-') !== trainer.network.sizes.join('-') ||
    network.activationNames.join() !== trainer.network.activationNames.join()
  ) {
    throw new Error(
      `Invalid trainer JSON: network is ${network.sizes.join('-')} (${network.activationNames.join(', ')}) ` +
        `but the trainer's network is ${trainer.network.sizes.join('-')} (${trainer.network.activationNames.join(', ')})`,
    );
  }
  const optimizer = optimizerFromJSON(doc.optimizer, network);
  const samples = readNumber(doc, 'samples', where, { min: 1, integer: true });
  if (samples !== trainer.xTrain.rows)
    throw new Error(
      `Invalid trainer JSON: samples is ${samples} but the trainer has ${trainer.xTrain.rows} training samples`,
    );
  const batchSize = readNumber(doc, 'batchSize', where, { min: 1, integer: true });
  if (batchSize !== trainer.batchSize)
    throw new Error(`Invalid trainer JSON: batchSize is ${batchSize} but the trainer uses ${trainer.batchSize}`);
  const epochCount = readNumber(doc, 'epochCount', where, { min: 0, integer: true });
  const iteration = readNumber(doc, 'iteration', where, { min: 0, integer: true });
  const cursor = readNumber(doc, 'cursor', where, { min: 0, integer: true });
  if (cursor >= samples) throw new Error(`Invalid trainer JSON: cursor ${cursor} must be below samples ${samples}`);
  const order = readVector(doc.order, 'order', 'trainer');
  const seen = new Uint8Array(samples);
  if (order.length !== samples)
    throw new Error(`Invalid trainer JSON: order has ${order.length} entries but there are ${samples} samples`);
  order.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0 || v >= samples || seen[v])
      throw new Error(`Invalid trainer JSON: order[${i}] = ${v} is not a unique sample index in [0, ${samples - 1}]`);
    seen[v] = 1;
  });
  const rngState = readNumber(doc, 'rngState', where, { min: 0, integer: true });
  const initialLoss = doc.initialLoss === null ? undefined : readNumber(doc, 'initialLoss', where, {});
  const history = asObject(doc.history, 'history', 'trainer');
  const iterations = readArray(history, 'iterations', 'trainer').map((r, i) =>
    readRecord(r, `history.iterations[${i}]`, ['iteration', 'epoch', 'loss', 'learningRate']),
  );
  const epochs = readArray(history, 'epochs', 'trainer').map((r, i) =>
    readRecord(r, `history.epochs[${i}]`, ['epoch', 'iteration', 'loss']),
  );

  trainer.network.copyParametersFrom(network);
  Object.assign(trainer.optimizer, {
    learningRate: optimizer.learningRate,
    decay: optimizer.decay,
    momentum: optimizer.momentum,
    iterations: optimizer.iterations,
    currentLearningRate: optimizer.currentLearningRate,
    weightMomentums: optimizer.weightMomentums,
    biasMomentums: optimizer.biasMomentums,
  });
  trainer.epochCount = epochCount;
  trainer.iteration = iteration;
  trainer.cursor = cursor;
  trainer.order.set(order);
  trainer.rng.state = rngState;
  trainer.initialLoss = initialLoss;
  trainer.diverged = undefined;
  trainer.history.iterations.splice(
    0,
    trainer.history.iterations.length,
    ...(iterations as unknown as IterationRecord[]),
  );
  trainer.history.epochs.splice(0, trainer.history.epochs.length, ...(epochs as unknown as EpochRecord[]));
}

// ---------------------------------------------------------------------------
// validation helpers: each throws "Invalid <kind> JSON: <field> ..." messages

type JsonObject = Record<string, unknown>;

function parseDocument(json: unknown, kind: 'network' | 'sgd' | 'trainer'): JsonObject {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new Error(`Invalid ${kind} JSON: not parseable JSON (${(error as Error).message})`);
    }
  }
  const doc = asObject(value, 'document', kind);
  if (!('version' in doc)) throw new Error(`Invalid ${kind} JSON: missing field "version"`);
  if (doc.version !== FORMAT_VERSION)
    throw new Error(
      `Invalid ${kind} JSON: version is ${JSON.stringify(doc.version)}, only version ${FORMAT_VERSION} is supported`,
    );
  if (!('kind' in doc)) throw new Error(`Invalid ${kind} JSON: missing field "kind"`);
  if (doc.kind !== kind)
    throw new Error(`Invalid ${kind} JSON: kind is ${JSON.stringify(doc.kind)}, expected "${kind}"`);
  return doc;
}

function asObject(value: unknown, path: string, kind: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`Invalid ${kind} JSON: ${path} must be an object, got ${describe(value)}`);
  }
  return value as JsonObject;
}

function readArray(obj: JsonObject, field: string, kind: string): unknown[] {
  if (!(field in obj)) throw new Error(`Invalid ${kind} JSON: missing field "${field}"`);
  const value = obj[field];
  if (!Array.isArray(value)) throw new Error(`Invalid ${kind} JSON: ${field} must be an array, got ${describe(value)}`);
  return value;
}

function readNumber(obj: JsonObject, field: string, kind: string, rules: { min?: number; integer?: boolean }): number {
  if (!(field in obj)) throw new Error(`Invalid ${kind} JSON: missing field "${field}"`);
  const value = obj[field];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Error(`Invalid ${kind} JSON: ${field} must be a finite number, got ${describe(value)}`);
  if (rules.integer && !Number.isInteger(value))
    throw new Error(`Invalid ${kind} JSON: ${field} must be an integer, got ${value}`);
  if (rules.min !== undefined && value < rules.min)
    throw new Error(`Invalid ${kind} JSON: ${field} must be ≥ ${rules.min}, got ${value}`);
  return value;
}

function readVector(value: unknown, path: string, kind: string): number[] {
  if (!Array.isArray(value))
    throw new Error(`Invalid ${kind} JSON: ${path} must be an array of numbers, got ${describe(value)}`);
  if (value.length === 0) throw new Error(`Invalid ${kind} JSON: ${path} must not be empty`);
  value.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new Error(`Invalid ${kind} JSON: ${path}[${i}] must be a finite number, got ${describe(v)}`);
  });
  return value as number[];
}

function readMatrix(value: unknown, path: string, kind: string): Matrix {
  if (!Array.isArray(value) || value.length === 0)
    throw new Error(`Invalid ${kind} JSON: ${path} must be a non-empty array of rows, got ${describe(value)}`);
  const rows = value.map((row, r) => readVector(row, `${path}[${r}]`, kind));
  const cols = rows[0].length;
  rows.forEach((row, r) => {
    if (row.length !== cols)
      throw new Error(`Invalid ${kind} JSON: ${path}[${r}] has ${row.length} values but ${path}[0] has ${cols}`);
  });
  return Matrix.from(rows);
}

function readRecord(value: unknown, path: string, required: string[]): JsonObject {
  const record = asObject(value, path, 'trainer');
  for (const field of required) {
    if (typeof record[field] !== 'number')
      throw new Error(`Invalid trainer JSON: ${path}.${field} must be a number, got ${describe(record[field])}`);
  }
  return record;
}

function readFlag(layer: JsonObject, field: 'trainWeights' | 'trainBiases', path: string): boolean {
  const value = layer[field];
  if (value === undefined) return true;
  if (typeof value !== 'boolean')
    throw new Error(`Invalid network JSON: ${path}.${field} must be true or false, got ${describe(value)}`);
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  const text = JSON.stringify(value);
  return text && text.length > 40 ? `${text.slice(0, 40)}…` : String(text);
}
