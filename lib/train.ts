/**
 * The training loop: the cycle of learning from the slides, repeated.
 *   1. forward pass & prediction  2. loss  3. backward pass  4. weight update.
 *
 * Batch size decides the flavour of gradient descent:
 *   'full' → batch gradient descent (one update per epoch),
 *   k      → mini-batch SGD (⌈n/k⌉ updates per epoch, samples reshuffled each epoch),
 *   1      → single-sample SGD (n updates per epoch).
 */
import { Matrix, isFiniteMatrix, resizeBuffer } from './matrix.ts';
import { getLoss, labelsFromTargets, predictedClasses, type Loss, type LossLike } from './losses.ts';
import type { Network } from './network.ts';
import type { SGD } from './sgd.ts';
import { createRng, type Rng } from './random.ts';

/** Training needs ∂E/∂W and ∂E/∂B only; skipping ∂E/∂X of the input saves one of the first layer's three products. */
const NO_INPUT_GRADIENT = { inputGradient: false } as const;

/** When training counts as diverged. */
export interface DivergenceOptions {
  /** A loss above this is treated as divergence (default 1e6). */
  maxLoss?: number;
  /** A loss above growthFactor × the first loss is treated as divergence (default 1e3). */
  growthFactor?: number;
}

/** Everything a Trainer needs. */
export interface TrainerOptions {
  network: Network;
  optimizer: SGD;
  loss: LossLike;
  xTrain: Matrix;
  yTrain: Matrix;
  xTest?: Matrix;
  yTest?: Matrix;
  /** 'full' (default) for batch gradient descent, a number for mini-batches, 1 for single-sample SGD. */
  batchSize?: 'full' | number;
  /** Reshuffle the sample order each epoch (default true; irrelevant for 'full'). */
  shuffle?: boolean;
  /** Generator for shuffling; otherwise createRng(seed), seed default 0. */
  rng?: Rng;
  seed?: number;
  /** Track accuracy (default: true for the cross-entropy losses). */
  trackAccuracy?: boolean;
  /** Also evaluate the test set after every iteration, not just every epoch (default false). */
  testEveryIteration?: boolean;
  divergence?: DivergenceOptions;
  /** How many records `history` keeps (default DEFAULT_HISTORY_LIMIT); see appendCapped. */
  historyLimit?: HistoryLimit;
}

/** The most records a Trainer's history keeps of each kind. */
export interface HistoryLimit {
  /** Per-update records (default 2048). */
  iterations?: number;
  /** Per-epoch records (default 16384). */
  epochs?: number;
}

/**
 * Enough for any loss curve a page draws (charts thin to ~500 points anyway), small enough that a
 * trainer left running keeps a bounded amount of memory (a few hundred KiB) instead of ~100 B per update forever.
 */
const DEFAULT_HISTORY_LIMIT: Readonly<Required<HistoryLimit>> = { iterations: 2048, epochs: 16384 };

/** One update: the mini-batch loss/accuracy measured before the update, and the learning rate used. */
export interface IterationRecord {
  /** 1-based count of updates so far. */
  iteration: number;
  /** 0-based epoch this iteration belongs to. */
  epoch: number;
  loss: number;
  accuracy?: number;
  testLoss?: number;
  testAccuracy?: number;
  learningRate: number;
}

/** One epoch: loss/accuracy of the whole training (and test) set after the epoch's last update. */
export interface EpochRecord {
  /** 1-based count of completed epochs. */
  epoch: number;
  /** Updates completed so far. */
  iteration: number;
  loss: number;
  accuracy?: number;
  testLoss?: number;
  testAccuracy?: number;
}

/**
 * Per-iteration and per-epoch history, oldest first. Complete until it reaches the trainer's
 * historyLimit; after that older records are thinned (see appendCapped), but the first record and
 * the newest quarter are always there, so `iterations[0]` is the starting loss and the end of
 * `epochs` is contiguous.
 */
export interface TrainingHistory {
  iterations: IterationRecord[];
  epochs: EpochRecord[];
}

/**
 * Training stopped because the loss became NaN/±Infinity or exploded. The
 * network was restored to the parameters of `restoredIteration` (the last
 * state whose loss was fine), so its weights are finite.
 */
export interface DivergedStatus {
  status: 'diverged';
  /** The reason in plain words, for logs and tests (readers are told through `cause`). */
  reason: string;
  /** Which check fired, with the numbers behind it, so a page can word and format it for readers. */
  cause: DivergenceCause;
  /** Updates completed when divergence was detected (the network may have been rolled back one update). */
  iteration: number;
  epoch: number;
  /** The offending loss (may be NaN or Infinity). */
  loss: number;
  /** Number of updates reflected in the restored parameters. */
  restoredIteration: number;
}

/** Why a run counts as diverged: a loss that is not a finite number, one above the hard limit, or one that grew too far. */
export type DivergenceCause =
  | { kind: 'not-finite' }
  | { kind: 'above-limit'; limit: number }
  | { kind: 'grew'; factor: number; initialLoss: number }
  | { kind: 'parameters-not-finite' };

/** A divergence cause in plain words, numbers as JavaScript prints them (pages word it for readers themselves). */
function describeCause(cause: DivergenceCause, loss: number): string {
  switch (cause.kind) {
    case 'not-finite':
      return `loss is ${loss}`;
    case 'above-limit':
      return `loss ${loss} exceeded the limit ${cause.limit}`;
    case 'grew':
      return `loss ${loss} grew more than ${cause.factor}× the initial loss ${cause.initialLoss}`;
    case 'parameters-not-finite':
      return 'parameters became NaN or infinite after the update';
  }
}

/** Result of trainer.step(). */
export type StepOutcome = { status: 'ok'; record: IterationRecord; epochRecord?: EpochRecord } | DivergedStatus;

/** Result of trainer.epoch(). */
export type EpochOutcome = { status: 'ok'; record: EpochRecord } | DivergedStatus;

/** Why fit() stopped. */
export type FitResult =
  | { status: 'max-epochs' | 'target-loss'; epochs: number; iterations: number; loss: number; accuracy?: number }
  | DivergedStatus;

/** Stop conditions for fit(). */
export interface FitOptions {
  /** Train at most this many (more) epochs. */
  maxEpochs: number;
  /** Stop once the end-of-epoch training loss is ≤ targetLoss. */
  targetLoss?: number;
  /** Called after each epoch; return false to stop early (reported as 'max-epochs'). */
  onEpoch?: (record: EpochRecord) => boolean | void;
}

function accuracyAgainst(yPred: Matrix, labels: ArrayLike<number>, scratch?: Int32Array): number {
  if (yPred.rows === 0) return 0;
  const predicted = predictedClasses(yPred, scratch);
  let correct = 0;
  for (let i = 0; i < yPred.rows; i++) if (predicted[i] === labels[i]) correct++;
  return correct / yPred.rows;
}

/**
 * Trains a network with an SGD optimiser on fixed data, one step() (a single
 * update) or one epoch() at a time, or fit() until a stop condition.
 * Records history and stops with a typed 'diverged' status instead of producing NaN.
 */
export class Trainer {
  /** The network being trained (updated in place). */
  readonly network: Network;
  /** The optimiser whose step() applies each update. */
  readonly optimizer: SGD;
  /** The loss E(ŷ, y) being minimised. */
  readonly loss: Loss;
  readonly xTrain: Matrix;
  readonly yTrain: Matrix;
  readonly xTest?: Matrix | undefined;
  readonly yTest?: Matrix | undefined;
  /** Samples per update; equals the training-set size for full-batch training. */
  readonly batchSize: number;
  /** Whether the sample order is reshuffled at the start of each epoch. */
  readonly shuffle: boolean;
  /** Whether accuracy is recorded. */
  readonly trackAccuracy: boolean;
  /** Whether the test set is evaluated after every iteration. */
  readonly testEveryIteration: boolean;
  /** The generator used for shuffling. */
  readonly rng: Rng;
  /** Divergence threshold on the loss. */
  readonly maxLoss: number;
  /** Divergence threshold relative to the first loss. */
  readonly growthFactor: number;
  /** Iterations and epochs so far (capped at historyLimit, see TrainingHistory). */
  readonly history: TrainingHistory = { iterations: [], epochs: [] };
  /** Maximum number of records kept in history.iterations and history.epochs. */
  readonly historyLimit: Readonly<Required<HistoryLimit>>;

  /** Completed epochs. */
  epochCount = 0;
  /** Completed updates. */
  iteration = 0;
  /** Position in the current epoch's sample order. */
  cursor = 0;
  /** Sample order of the current epoch. */
  order: Int32Array;
  /** Loss of the very first iteration (reference for growthFactor). */
  initialLoss: number | undefined = undefined;
  /** Set once training diverged; further steps return it unchanged. */
  diverged: DivergedStatus | undefined = undefined;

  private readonly trainLabels?: Int32Array;
  private readonly testLabels?: Int32Array;
  private xBatch = Matrix.zeros(0, 0);
  private yBatch = Matrix.zeros(0, 0);
  private labelBatch: Int32Array = new Int32Array(0);
  /** Int32Arrays for labels and predicted classes, one per length in use (batch, last batch, whole set). */
  private readonly intScratch: Int32Array[] = [];
  /** Spacing (in updates / epochs) of the thinned older part of the history. */
  private readonly historyStride = { iterations: 1, epochs: 1 };
  /** Parameters before the most recent update, to roll back to on divergence. */
  private readonly snapshot: { weights: Float64Array; biases: Float64Array }[];

  constructor(options: TrainerOptions) {
    this.network = options.network;
    this.optimizer = options.optimizer;
    this.loss = getLoss(options.loss);
    const { xTrain, yTrain } = options;
    if (xTrain.rows !== yTrain.rows)
      throw new Error(
        `Trainer: xTrain has ${xTrain.rows} rows (${xTrain.shape}) but yTrain has ${yTrain.rows} (${yTrain.shape})`,
      );
    if (xTrain.rows === 0) throw new Error('Trainer: the training set is empty');
    if (xTrain.cols !== this.network.inputSize)
      throw new Error(`Trainer: xTrain is ${xTrain.shape} but the network expects ${this.network.inputSize} inputs`);
    if (yTrain.cols !== this.network.outputSize)
      throw new Error(`Trainer: yTrain is ${yTrain.shape} but the network has ${this.network.outputSize} outputs`);
    if ((options.xTest === undefined) !== (options.yTest === undefined))
      throw new Error('Trainer: give both xTest and yTest, or neither');
    if (options.xTest && options.yTest) {
      if (options.xTest.rows !== options.yTest.rows)
        throw new Error(`Trainer: xTest ${options.xTest.shape} and yTest ${options.yTest.shape} differ in rows`);
      if (options.xTest.cols !== xTrain.cols || options.yTest.cols !== yTrain.cols) {
        throw new Error(
          `Trainer: test data ${options.xTest.shape}/${options.yTest.shape} must have the columns of the training data ${xTrain.shape}/${yTrain.shape}`,
        );
      }
    }
    this.xTrain = xTrain;
    this.yTrain = yTrain;
    this.xTest = options.xTest;
    this.yTest = options.yTest;
    const n = xTrain.rows;
    const batch = options.batchSize ?? 'full';
    if (batch !== 'full' && (!Number.isInteger(batch) || batch <= 0))
      throw new Error(`Trainer: batchSize must be 'full' or a positive integer, got ${batch}`);
    this.batchSize = batch === 'full' ? n : Math.min(batch, n);
    this.shuffle = options.shuffle ?? true;
    this.rng = options.rng ?? createRng(options.seed ?? 0);
    this.trackAccuracy = options.trackAccuracy ?? this.loss.classification;
    this.testEveryIteration = options.testEveryIteration ?? false;
    this.maxLoss = options.divergence?.maxLoss ?? 1e6;
    this.growthFactor = options.divergence?.growthFactor ?? 1e3;
    this.historyLimit = {
      iterations: options.historyLimit?.iterations ?? DEFAULT_HISTORY_LIMIT.iterations,
      epochs: options.historyLimit?.epochs ?? DEFAULT_HISTORY_LIMIT.epochs,
    };
    for (const [kind, limit] of Object.entries(this.historyLimit)) {
      if (!Number.isInteger(limit) || limit < 2)
        throw new Error(`Trainer: historyLimit.${kind} must be an integer ≥ 2, got ${limit}`);
    }
    if (this.trackAccuracy) {
      this.trainLabels = labelsFromTargets(yTrain);
      if (options.yTest) this.testLabels = labelsFromTargets(options.yTest);
    }
    this.order = new Int32Array(n);
    for (let i = 0; i < n; i++) this.order[i] = i;
    this.snapshot = this.network.layers.map((l) => ({
      weights: new Float64Array(l.weights.data.length),
      biases: new Float64Array(l.biases.data.length),
    }));
  }

  /** True when each step uses the whole training set. */
  get fullBatch(): boolean {
    return this.batchSize === this.xTrain.rows;
  }

  /** One update on the next mini-batch (or on the full batch). */
  step(): StepOutcome {
    if (this.diverged) return this.diverged;
    const n = this.xTrain.rows;
    if (this.cursor === 0 && this.shuffle && !this.fullBatch) shuffleOrder(this.order, this.rng);

    // 1. Forward pass on this batch
    const start = this.cursor;
    const end = Math.min(start + this.batchSize, n);
    const full = this.fullBatch;
    if (!full) this.gatherBatch(start, end);
    const xb = full ? this.xTrain : this.xBatch;
    const yb = full ? this.yTrain : this.yBatch;
    const labels = this.trainLabels && (full ? this.trainLabels : this.labelBatch);
    const yPred = this.network.forward(xb);

    // 2. Loss — and the divergence check before anything is updated
    const lossValue = this.loss.calculate(yPred, yb);
    if (this.initialLoss === undefined && Number.isFinite(lossValue)) this.initialLoss = lossValue;
    const problem = this.divergenceCause(lossValue);
    if (problem) return this.stopDiverged(problem, lossValue);
    const batchAccuracy = labels ? this.accuracyOf(yPred, labels) : undefined;

    // 3. Backward pass, 4. update (keeping the old parameters in case the update blows up)
    this.network.backwardFromLoss(this.loss, yb, NO_INPUT_GRADIENT);
    this.saveSnapshot();
    this.optimizer.step(this.network.layers);
    const learningRate = this.optimizer.currentLearningRate;
    this.iteration += 1;
    if (!this.parametersFinite()) return this.stopDiverged({ kind: 'parameters-not-finite' }, lossValue);

    const record: IterationRecord = {
      iteration: this.iteration,
      epoch: this.epochCount,
      loss: lossValue,
      learningRate,
    };
    if (batchAccuracy !== undefined) record.accuracy = batchAccuracy;
    if (this.testEveryIteration && this.xTest && this.yTest) {
      const test = this.evaluateOn(this.xTest, this.yTest, this.testLabels);
      record.testLoss = test.loss;
      if (test.accuracy !== undefined) record.testAccuracy = test.accuracy;
    }
    this.historyStride.iterations = appendCapped(
      this.history.iterations,
      record,
      this.historyLimit.iterations,
      this.historyStride.iterations,
      'iteration',
    );

    this.cursor = end;
    if (this.cursor < n) return { status: 'ok', record };
    // End of an epoch: evaluate on all data with the new parameters.
    this.cursor = 0;
    this.epochCount += 1;
    const epochRecord = this.evaluateEpoch();
    const epochProblem = this.divergenceCause(epochRecord.loss);
    if (epochProblem) return this.stopDiverged(epochProblem, epochRecord.loss);
    this.historyStride.epochs = appendCapped(
      this.history.epochs,
      epochRecord,
      this.historyLimit.epochs,
      this.historyStride.epochs,
      'epoch',
    );
    return { status: 'ok', record, epochRecord };
  }

  /** Runs step() until the current epoch is complete. */
  epoch(): EpochOutcome {
    for (;;) {
      const outcome = this.step();
      if (outcome.status === 'diverged') return outcome;
      if (outcome.epochRecord) return { status: 'ok', record: outcome.epochRecord };
    }
  }

  /** Trains epoch by epoch until maxEpochs more epochs, the target loss, or divergence. */
  fit(options: FitOptions): FitResult {
    if (this.diverged) return this.diverged;
    let last: EpochRecord | undefined;
    for (let e = 0; e < options.maxEpochs; e++) {
      const outcome = this.epoch();
      if (outcome.status === 'diverged') return outcome;
      last = outcome.record;
      const summary = {
        epochs: this.epochCount,
        iterations: this.iteration,
        loss: last.loss,
        ...(last.accuracy !== undefined ? { accuracy: last.accuracy } : {}),
      };
      if (options.targetLoss !== undefined && last.loss <= options.targetLoss)
        return { status: 'target-loss', ...summary };
      if (options.onEpoch && options.onEpoch(last) === false) return { status: 'max-epochs', ...summary };
    }
    if (!last) {
      const current = this.evaluateTrain();
      return { status: 'max-epochs', epochs: this.epochCount, iterations: this.iteration, ...current };
    }
    return {
      status: 'max-epochs',
      epochs: this.epochCount,
      iterations: this.iteration,
      loss: last.loss,
      ...(last.accuracy !== undefined ? { accuracy: last.accuracy } : {}),
    };
  }

  /** Current loss/accuracy on the full training set. */
  evaluateTrain(): { loss: number; accuracy?: number } {
    return this.evaluateOn(this.xTrain, this.yTrain, this.trainLabels);
  }

  /** Current loss/accuracy on the test set, if there is one. */
  evaluateTest(): { loss: number; accuracy?: number } | undefined {
    if (!this.xTest || !this.yTest) return undefined;
    return this.evaluateOn(this.xTest, this.yTest, this.testLabels);
  }

  /** Like evaluate(), but reusing the trainer's scratch array for predicted classes. */
  private evaluateOn(x: Matrix, y: Matrix, labels: Int32Array | undefined): { loss: number; accuracy?: number } {
    const yPred = this.network.forward(x);
    const loss = this.loss.calculate(yPred, y);
    return labels ? { loss, accuracy: this.accuracyOf(yPred, labels) } : { loss };
  }

  private evaluateEpoch(): EpochRecord {
    const train = this.evaluateTrain();
    const record: EpochRecord = { epoch: this.epochCount, iteration: this.iteration, loss: train.loss };
    if (train.accuracy !== undefined) record.accuracy = train.accuracy;
    const test = this.evaluateTest();
    if (test) {
      record.testLoss = test.loss;
      if (test.accuracy !== undefined) record.testAccuracy = test.accuracy;
    }
    return record;
  }

  /** Gathers the rows [start, end) of the current order into the reused xBatch/yBatch/labelBatch. */
  private gatherBatch(start: number, end: number): void {
    const rows = end - start;
    this.xBatch = resizeBuffer(this.xBatch, rows, this.xTrain.cols);
    this.yBatch = resizeBuffer(this.yBatch, rows, this.yTrain.cols);
    if (this.trainLabels && this.labelBatch.length !== rows) this.labelBatch = this.int32Scratch(rows, this.labelBatch);
    const xc = this.xTrain.cols;
    const yc = this.yTrain.cols;
    for (let i = 0; i < rows; i++) {
      const r = this.order[start + i]!;
      for (let c = 0; c < xc; c++) this.xBatch.data[i * xc + c] = this.xTrain.data[r * xc + c]!;
      for (let c = 0; c < yc; c++) this.yBatch.data[i * yc + c] = this.yTrain.data[r * yc + c]!;
      if (this.trainLabels) this.labelBatch[i] = this.trainLabels[r]!;
    }
  }

  private accuracyOf(yPred: Matrix, labels: Int32Array): number {
    return accuracyAgainst(yPred, labels, this.int32Scratch(yPred.rows, labels));
  }

  /**
   * A scratch Int32Array of `length`, not `busy`: kept per length, because a trainer alternates
   * between a few (mini-batch, shorter last batch, whole set) and should not allocate every epoch.
   */
  private int32Scratch(length: number, busy: Int32Array): Int32Array {
    const list = this.intScratch;
    for (let i = 0; i < list.length; i++) {
      const scratch = list[i]!;
      if (scratch.length === length && scratch !== busy) return scratch;
    }
    const fresh = new Int32Array(length);
    list.push(fresh);
    return fresh;
  }

  private divergenceCause(loss: number): DivergenceCause | undefined {
    if (!Number.isFinite(loss)) return { kind: 'not-finite' };
    if (loss > this.maxLoss) return { kind: 'above-limit', limit: this.maxLoss };
    // Compare with the first loss, but never against less than 1 so tiny starting losses do not trigger it.
    const reference = Math.max(this.initialLoss ?? loss, 1);
    if (loss > this.growthFactor * reference)
      return { kind: 'grew', factor: this.growthFactor, initialLoss: this.initialLoss ?? loss };
    return undefined;
  }

  private stopDiverged(cause: DivergenceCause, loss: number): DivergedStatus {
    // The snapshot holds the parameters before the latest update, whose loss passed the check.
    const restoredIteration = this.iteration > 0 ? this.iteration - 1 : 0;
    if (this.iteration > 0) this.restoreSnapshot();
    this.diverged = {
      status: 'diverged',
      reason: describeCause(cause, loss),
      cause,
      iteration: this.iteration,
      epoch: this.epochCount,
      loss,
      restoredIteration,
    };
    return this.diverged;
  }

  private saveSnapshot(): void {
    const layers = this.network.layers;
    for (let i = 0; i < layers.length; i++) {
      const layer = layers[i]!;
      const saved = this.snapshot[i]!;
      saved.weights.set(layer.weights.data);
      saved.biases.set(layer.biases.data);
    }
  }

  private restoreSnapshot(): void {
    this.network.layers.forEach((layer, i) => {
      const saved = this.snapshot[i]!;
      layer.weights.data.set(saved.weights);
      layer.biases.data.set(saved.biases);
    });
  }

  private parametersFinite(): boolean {
    // A plain loop, not layers.every(callback): this runs after every update.
    const layers = this.network.layers;
    for (let i = 0; i < layers.length; i++) {
      const layer = layers[i]!;
      if (!isFiniteMatrix(layer.weights) || !isFiniteMatrix(layer.biases)) return false;
    }
    return true;
  }
}

/**
 * Fisher–Yates shuffle of the sample order — the same draws as rng.shuffle (so seeds reproduce
 * the same runs), written for an Int32Array so V8 compiles it without boxing numbers once per epoch.
 */
function shuffleOrder(order: Int32Array, rng: Rng): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1); // ⌊next()·(i + 1)⌋, returned as a small integer (a double would be boxed)
    const tmp = order[i]!;
    order[i] = order[j]!;
    order[j] = tmp;
  }
}

/**
 * Appends `record` to a history kept to at most `limit` records, and returns the new stride.
 *
 * When the list overflows it is thinned in place: the first record (the starting loss) and the
 * newest quarter stay as they are; of the older ones only those whose update (or epoch) number
 * is a multiple of the stride remain, and the stride doubles until a quarter of the list is free
 * again. So the older part stays evenly spread over the whole run (spacing ≈ run length / limit)
 * — what a loss curve needs — and appending costs O(1) on average. Records carry their own
 * iteration/epoch numbers, so charts plot them at the right place whatever was dropped.
 */
function appendCapped<R extends { iteration: number; epoch: number }>(
  records: R[],
  record: R,
  limit: number,
  stride: number,
  key: 'iteration' | 'epoch',
): number {
  records.push(record);
  if (records.length <= limit) return stride;
  const recent = Math.max(1, Math.floor(limit / 4));
  for (;;) {
    const recentFrom = records.length - recent;
    let kept = 1; // records[0] always stays
    for (let i = 1; i < records.length; i++) {
      const record = records[i]!;
      if (i >= recentFrom || record[key] % stride === 0) records[kept++] = record;
    }
    records.length = kept;
    // done once `recent` appends fit before the next thinning (or only the first and the newest are left)
    if (kept <= limit - recent || kept <= 1 + recent) return stride;
    stride *= 2;
  }
}
