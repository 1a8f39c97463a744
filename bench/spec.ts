/**
 * Engine-neutral description of one benchmark workload. Every engine (ours and the peers)
 * is built from the same `NetSpec` (same layer sizes, activations, and the SAME initial
 * weights, taken from our engine's seeded initialisation) and trained on the same
 * pre-sliced batches of the same seeded data set.
 */
export type Hidden = 'relu' | 'sigmoid' | 'tanh' | 'linear';
export type Head = 'softmax-ce' | 'linear-mse';

export interface NetSpec {
  /** layer widths, input first: e.g. [2, 16, 16, 3] */
  sizes: number[];
  hidden: Hidden;
  head: Head;
  /** weights[l] is sizes[l] × sizes[l+1], row-major (input index major), like our Dense.weights */
  weights: Float64Array[];
  /** biases[l] has sizes[l+1] entries */
  biases: Float64Array[];
  learningRate: number;
  momentum: number;
}

export interface DataSet {
  /** n × d inputs, row-major */
  x: Float64Array;
  /** n × k targets, row-major (one-hot for classification) */
  y: Float64Array;
  /** class index per sample (classification only) */
  labels?: Int32Array | undefined;
  n: number;
  d: number;
  k: number;
}

/** A batch is a contiguous range [start, start + size) of the data set. */
export interface Batch {
  start: number;
  size: number;
}

/** Batches of exactly `size` samples; drop-last so every engine (incl. convnetjs, whose
 * Trainer only supports a fixed batch size) does identical work. */
export function makeBatches(n: number, size: number): Batch[] {
  const out: Batch[] = [];
  for (let s = 0; s + size <= n; s += size) out.push({ start: s, size });
  return out;
}

export interface Trainer {
  readonly name: string;
  /** one optimisation step on batch number i (mod number of batches) */
  step(i: number): void;
  /** make sure all queued work is finished (tfjs) */
  sync(): void;
  /** mean loss over the whole data set with the current weights (for the sanity check) */
  loss(): number;
  dispose(): void;
}

export interface Predictor {
  readonly name: string;
  /** predict all grid points once */
  run(): void;
  /** the predicted class probabilities (n × k), for the equivalence check */
  output(): Float64Array;
  dispose(): void;
}

export function slice(data: Float64Array, width: number, b: Batch): Float64Array {
  return data.subarray(b.start * width, (b.start + b.size) * width);
}
