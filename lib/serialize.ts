/**
 * Saving and loading networks as plain JSON.
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

/** The JSON format version written and accepted. */
const FORMAT_VERSION = 1;

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

/** The network's layers, weights, biases and activations as JSON-ready data. */
export function networkToJSON(network: Network): NetworkJSON {
  return {
    version: 1,
    kind: 'network',
    layers: network.layers.map((layer, i) => ({
      activation: network.activations[i]!.name,
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
    const below = dense.at(-1); // layer i − 1, read before this one is pushed
    if (below && weights.rows !== below.nNeurons) {
      throw new Error(
        `Invalid network JSON: ${path}.weights is ${weights.shape} but layer ${i - 1} has ${below.nNeurons} neurons (need ${below.nNeurons} rows)`,
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

// ---------------------------------------------------------------------------
// validation helpers: each throws "Invalid <kind> JSON: <field> ..." messages

type JsonObject = Record<string, unknown>;

function parseDocument(json: unknown, kind: 'network'): JsonObject {
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
  const cols = rows[0]!.length;
  rows.forEach((row, r) => {
    if (row.length !== cols)
      throw new Error(`Invalid ${kind} JSON: ${path}[${r}] has ${row.length} values but ${path}[0] has ${cols}`);
  });
  return Matrix.from(rows);
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
