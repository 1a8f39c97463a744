/**
 * Batched prediction over a 2-D grid of inputs, for decision-boundary heat maps.
 * Points are pushed through the network in chunks using one reused input
 * buffer, so nothing is allocated per point.
 */
import { Matrix, resizeBuffer } from './matrix.ts';
import type { Network } from './network.ts';
import { predictedClasses } from './losses.ts';

/** n evenly spaced numbers from start to stop inclusive (np.linspace). */
export function linspace(start: number, stop: number, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 0) throw new Error(`linspace: n must be a non-negative integer, got ${n}`);
  const out = new Float64Array(n);
  if (n === 1) out[0] = start;
  for (let i = 0; i < n && n > 1; i++) out[i] = start + ((stop - start) * i) / (n - 1);
  return out;
}

/**
 * Evaluates a 2-input network on every grid point (xs[i], ys[j]), reusing its
 * buffers across calls. Layout of results: row j (one per y), then column i
 * (one per x), then the network's outputs: index (j·xs.length + i)·outputs + k.
 */
export class GridPredictor {
  readonly network: Network;
  readonly chunkSize: number;
  private chunk: Matrix;
  private classScratch = new Int32Array(0);

  constructor(network: Network, chunkSize = 1024) {
    if (network.inputSize !== 2)
      throw new Error(`GridPredictor: the network must have 2 inputs for a 2-D grid, it has ${network.inputSize}`);
    if (!Number.isInteger(chunkSize) || chunkSize <= 0)
      throw new Error(`GridPredictor: chunkSize must be a positive integer, got ${chunkSize}`);
    this.network = network;
    this.chunkSize = chunkSize;
    this.chunk = Matrix.zeros(chunkSize, 2);
  }

  /** Network outputs ŷ(x_i, y_j) for all grid points, written into `out` (length xs·ys·outputs). */
  predict(xs: ArrayLike<number>, ys: ArrayLike<number>, out?: Float64Array): Float64Array {
    const outputs = this.network.outputSize;
    const total = xs.length * ys.length;
    const result = out ?? new Float64Array(total * outputs);
    if (result.length !== total * outputs) {
      throw new Error(
        `predictGrid: out has length ${result.length} but ${xs.length}×${ys.length} points × ${outputs} outputs need ${total * outputs}`,
      );
    }
    this.eachChunk(xs, ys, (start, prediction) => {
      result.set(prediction.data, start * outputs);
    });
    return result;
  }

  /** Predicted class per grid point (argmax, or ŷ > 0.5 for one output), into `out` (length xs·ys). */
  classes(xs: ArrayLike<number>, ys: ArrayLike<number>, out?: Int32Array): Int32Array {
    const total = xs.length * ys.length;
    const result = out ?? new Int32Array(total);
    if (result.length !== total)
      throw new Error(`predictGridClasses: out has length ${result.length} but the grid has ${total} points`);
    this.eachChunk(xs, ys, (start, prediction) => {
      if (this.classScratch.length !== prediction.rows) this.classScratch = new Int32Array(prediction.rows);
      result.set(predictedClasses(prediction, this.classScratch), start);
    });
    return result;
  }

  /** Fills the chunk buffer with consecutive grid points and runs the network on each chunk. */
  private eachChunk(
    xs: ArrayLike<number>,
    ys: ArrayLike<number>,
    use: (start: number, prediction: Matrix) => void,
  ): void {
    const nx = xs.length;
    const total = nx * ys.length;
    for (let start = 0; start < total; start += this.chunkSize) {
      const count = Math.min(this.chunkSize, total - start);
      this.chunk = resizeBuffer(this.chunk, count, 2);
      const c = this.chunk.data;
      for (let p = 0; p < count; p++) {
        const index = start + p;
        const j = Math.floor(index / nx);
        c[2 * p] = xs[index - j * nx]!;
        c[2 * p + 1] = ys[j]!;
      }
      use(start, this.network.forward(this.chunk));
    }
  }
}
