/**
 * Run health: is this training run going well? A doctor reading the loss curve.
 *
 * After every epoch the monitor looks at the end of the loss history (training loss, and test loss
 * when there is a test set) and gives one verdict, checked in this order:
 *
 *   diverged    — the trainer stopped on a NaN/exploding loss, or the loss climbed far above where
 *                 it started and stays there.                                   Fix: lower α.
 *   overfitting — the test loss has been rising for a while since its best, while the training
 *                 loss kept falling: the network learns the training points by heart.
 *                                                                Fix: more data, stop earlier.
 *   oscillating — over the last epochs the loss swings up and down by a lot and does not trend
 *                 down: the steps overshoot the valley.              Fix: lower α, less momentum.
 *   stalled     — the loss has not improved for a long window and is still near where it started
 *                 (XOR stuck at ln 2 ≈ 0.693, dead ReLUs whose loss does not change at all).
 *                                                         Fix: more units, another seed.
 *   healthy     — none of these.
 *
 * A run is not judged before {@link HEALTH.minEpochs} epochs (every run wobbles at first). The
 * verdict does not flicker (hysteresis): a new verdict has to hold for {@link HEALTH.confirmEpochs}
 * epochs in a row before it is shown, and a warning once shown stays while looser thresholds
 * (`STAY`) still hold. A divergence reported by the trainer is shown at once.
 *
 * Scales: "a lot" is measured against the *reference loss*, the loss of the untrained network
 * (`trainer.initialLoss`, else the first record): it is what "has learned nothing" costs for this
 * data and loss, so the same thresholds work for cross-entropy (≈ 0.69 or 1.1) and MSE (≈ 0.2).
 *
 * Pure: no DOM, no clock. The monitor keeps a few numbers per run and reads the history in place
 * (no copies), so observing an epoch costs O(window) arithmetic and no allocation while the verdict
 * stays the same.
 */

/** The verdicts, from worst to best. */
export type HealthVerdict = 'healthy' | 'diverged' | 'oscillating' | 'stalled' | 'overfitting';

/** What the monitor measured when it gave the verdict (losses as recorded, epochs 1-based). */
export interface HealthEvidence {
  /** Lowest and highest training loss over the window judged. */
  low: number;
  high: number;
  /** Epochs in the window judged. */
  window: number;
  /** The reference loss (untrained network). */
  reference: number;
  /** For overfitting: the best test loss, its epoch, and the test loss now. */
  bestTest?: number;
  bestTestEpoch?: number;
  testNow?: number;
}

/** The monitor's answer: a verdict, since when, why in words and what to try. */
export interface Health {
  verdict: HealthVerdict;
  /** The epoch from which the verdict holds (0 for a healthy run never judged otherwise). */
  since: number;
  /** Why, in words (no numbers: the view formats `evidence` with its own number style). */
  reason: string;
  /** What to try, as an imperative sentence ("" when healthy). */
  fix: string;
  evidence?: HealthEvidence;
}

/** One epoch's losses: `EpochRecord` from the Trainer fits. */
export interface LossPoint {
  epoch: number;
  loss: number;
  testLoss?: number;
}

/** What the monitor reads of a run: a `Trainer` fits. */
export interface RunView {
  history: { epochs: readonly LossPoint[] };
  /** Loss before the first update (the reference scale). */
  initialLoss?: number | undefined;
  /** Set when the trainer stopped on a divergence. */
  diverged?: { reason: string; epoch: number } | undefined;
}

/**
 * The thresholds. All losses are compared relative to the reference loss (see the top of the file).
 */
export const HEALTH = {
  /**
   * No verdict but a real divergence before this many epochs: the first epochs of every run bump
   * (momentum builds up, mini-batches are noisy, the spiral sits on a plateau for a while).
   */
  minEpochs: 30,
  /**
   * A verdict must be the same for this many epochs in a row before it replaces the shown one,
   * in either direction (into a warning and back to healthy): at the playground's 120 epochs per
   * second that is a twelfth of a second, at the slow 20 epochs/s half a second — no flicker, and
   * still at once for a reader.
   */
  confirmEpochs: 10,
  /**
   * Diverged: the lowest loss of the last `swingWindow` epochs is above this many times the
   * reference. A run that never comes back below three times what the untrained network cost has
   * jumped out of the valley (e.g. sigmoid outputs saturated on the wrong side: loss frozen at 8).
   */
  divergeFactor: 3,
  /**
   * Oscillating is judged over this many epochs: long enough to see several swings of an
   * overshooting run, short enough to answer within a second of playing.
   */
  swingWindow: 40,
  /**
   * …large swings: the loss climbs back up within the window (from a low to a later high) by more
   * than this fraction of the reference.
   * A run that learned shows noise of a few per cent of the reference at its floor (sine-fit with
   * mini-batches: ±0.006 at a reference of 0.19); α = 3 on the spiral swings by 100 % and more.
   */
  swingFraction: 0.25,
  /**
   * …and no trend down: the lowest loss of the window's second half is not below the lowest of
   * its first half by more than this fraction of the reference. A run that swings but still
   * descends is left alone.
   */
  trendFraction: 0.05,
  /**
   * Overfitting: the best test loss is at least this many epochs old while the training loss
   * went on falling since then. Test losses are noisy with mini-batches: a short dip and rise is
   * not a trend, fifty epochs of it are.
   */
  overfitWindow: 50,
  /**
   * …and the test loss now (mean of the last smoothEpochs, against mini-batch noise) is above its
   * best by this factor (10 % worse)…
   */
  overfitRise: 1.1,
  /** Epochs averaged for "the loss now" in the overfitting check. */
  smoothEpochs: 10,
  /**
   * …and by at least this fraction of the reference: a rise from 0.003 to 0.004 on a solved
   * problem is 33 % but means nothing.
   */
  overfitMinRise: 0.02,
  /**
   * …while the training loss now (mean of the last smoothEpochs) is at least this fraction (10 %)
   * below its value at the best test epoch: it really kept falling. An overshooting run whose
   * test loss rises with its training loss is oscillating, not overfitting.
   */
  overfitTrainDrop: 0.1,
  /** Stalled is judged over this many epochs: plateaus are long, and so is the noise on them. */
  stallWindow: 100,
  /**
   * …the best loss of the window improved on the best loss before it by less than this fraction
   * of the reference (1 %)…
   */
  stallDrop: 0.01,
  /**
   * …and the window's lowest loss is still above this fraction of the reference: a run that halved
   * its loss and then flattened has learned what it can (converged), it is not stuck.
   */
  stallLevel: 0.5,
} as const;

const FIX = {
  diverged: 'Lower the learning rate α and restart.',
  oscillating: 'Lower the learning rate α, or use less momentum β.',
  overfitting: 'Use more training data, or stop training earlier (at the best test loss).',
  stalled: 'Try more units or another seed (a different start), or a larger learning rate α.',
} as const;

const HEALTHY: Health = { verdict: 'healthy', since: 0, reason: 'The loss is falling or has settled.', fix: '' };

/** The verdicts that are warnings. */
type Warning = Exclude<HealthVerdict, 'healthy'>;

/** The verdict of one window, before hysteresis. */
interface Raw {
  verdict: HealthVerdict;
  reason: string;
  /** A fix of its own, when this case of the verdict needs another one than FIX says. */
  fix?: string;
  evidence?: HealthEvidence;
}

/**
 * Watches one run. Call {@link observe} with the trainer after any training (it reads only the
 * epochs it has not seen); make a new monitor for a new run.
 */
export class HealthMonitor {
  /** The verdict shown now. */
  health: Health = HEALTHY;
  /** Last epoch read from the history. */
  private seen = 0;
  /** The raw verdict of the last epochs and how many epochs in a row it has held. */
  private pending: HealthVerdict = 'healthy';
  private streak = 0;
  /** Best test loss so far and its epoch. */
  private bestTest = Infinity;
  private bestTestEpoch = 0;
  /** Lowest training loss of the epochs before the current stall window. */
  private bestBefore = Infinity;

  /**
   * Reads the new epochs of `run` and returns the verdict: the same object while no epoch was
   * added; while a warning holds, a new one each epoch with the numbers (evidence) of the window now.
   */
  observe(run: RunView): Health {
    if (run.diverged) {
      if (this.health.verdict !== 'diverged' || this.health.reason !== run.diverged.reason) {
        this.health = {
          verdict: 'diverged',
          since: run.diverged.epoch + 1,
          reason: `The training stopped: the ${run.diverged.reason}.`,
          fix: FIX.diverged,
        };
      }
      return this.health;
    }
    const epochs = run.history.epochs;
    let first = epochs.length;
    while (first > 0 && epochs[first - 1]!.epoch > this.seen) first--;
    for (let i = first; i < epochs.length; i++) this.judgeEpoch(epochs, i, run.initialLoss);
    return this.health;
  }

  /** Judges the window ending at epochs[end] and applies the hysteresis. */
  private judgeEpoch(epochs: readonly LossPoint[], end: number, initialLoss: number | undefined): void {
    const point = epochs[end]!;
    this.seen = point.epoch;
    const test = point.testLoss;
    if (test !== undefined && Number.isFinite(test) && test < this.bestTest) {
      this.bestTest = test;
      this.bestTestEpoch = point.epoch;
    }
    const left = end - HEALTH.stallWindow;
    if (left >= 0 && epochs[left]!.loss < this.bestBefore) this.bestBefore = epochs[left]!.loss;
    if (point.epoch < HEALTH.minEpochs) return;
    const run: Window = {
      epochs,
      end,
      reference: referenceLoss(epochs, initialLoss),
      bestTest: this.bestTest,
      bestTestEpoch: this.bestTestEpoch,
      bestBefore: this.bestBefore,
    };
    // Hysteresis, part 1: the warning shown stays while its looser STAY condition holds.
    const shown = this.health.verdict;
    const still = shown === 'healthy' ? undefined : check(shown, run, STAY);
    if (still) {
      this.pending = shown;
      this.streak = 0;
      // The same verdict since the same epoch, with the numbers of the window now.
      this.health = { ...this.health, reason: still.reason, fix: still.fix ?? FIX[still.verdict] };
      if (still.evidence) this.health.evidence = still.evidence;
      return;
    }
    // Part 2: anything else must hold (with the stricter ENTER thresholds) confirmEpochs in a row.
    const raw = judge(run);
    if (raw.verdict === this.pending) this.streak++;
    else {
      this.pending = raw.verdict;
      this.streak = 1;
    }
    if (raw.verdict === shown || this.streak < HEALTH.confirmEpochs) return;
    const since = point.epoch - HEALTH.confirmEpochs + 1;
    this.health =
      raw.verdict === 'healthy'
        ? { ...HEALTHY, since }
        : {
            verdict: raw.verdict,
            since,
            reason: raw.reason,
            fix: raw.fix ?? FIX[raw.verdict],
            ...(raw.evidence ? { evidence: raw.evidence } : {}),
          };
  }
}

/** The verdict for a whole history (a fresh monitor reading every epoch): for tests and one-off checks. */
export function assessHealth(run: RunView): Health {
  return new HealthMonitor().observe(run);
}

/** What a verdict is judged on: the history up to epochs[end] and what the monitor remembers. */
interface Window {
  epochs: readonly LossPoint[];
  end: number;
  reference: number;
  bestTest: number;
  bestTestEpoch: number;
  bestBefore: number;
}

/** The thresholds that differ between entering a warning and staying in it. */
interface Thresholds {
  divergeFactor: number;
  swingFraction: number;
  overfitRise: number;
  overfitMinRise: number;
  overfitTrainDrop: number;
  stallDrop: number;
  stallLevel: number;
}

/** To enter a warning: the thresholds of {@link HEALTH}. */
const ENTER: Thresholds = HEALTH;

/**
 * To stay in a warning once shown (hysteresis): each threshold about a third to a half looser, so
 * a run hovering at one threshold, or meeting two warnings' conditions at once (the default spiral
 * both overfits and swings), keeps the verdict it got first instead of flipping between them.
 * Overfitting stays while the test loss stays above its best even when the training loss bumps
 * up again (up to 1.5× its value at the best test epoch: momentum swings on the spiral).
 */
const STAY: Thresholds = {
  divergeFactor: 2,
  swingFraction: 0.15,
  overfitRise: 1.05,
  overfitMinRise: 0.01,
  overfitTrainDrop: -0.5,
  stallDrop: 0.02,
  stallLevel: 0.4,
};

/** Checked in this order; the first that holds is the raw verdict. */
const ORDER = ['diverged', 'overfitting', 'oscillating', 'stalled'] as const;

/** The raw verdict of the window ending at epochs[end] with the ENTER thresholds. */
function judge(run: Window): Raw {
  for (const verdict of ORDER) {
    const raw = check(verdict, run, ENTER);
    if (raw) return raw;
  }
  return { verdict: 'healthy', reason: HEALTHY.reason };
}

/** Whether `verdict` holds for the window with thresholds `t`, with its reason and evidence. */
function check(verdict: Warning, run: Window, t: Thresholds): (Raw & { verdict: Warning }) | undefined {
  const { epochs, end, reference } = run;
  const point = epochs[end]!;
  const n = Math.min(HEALTH.swingWindow, end + 1);
  const from = end + 1 - n;
  switch (verdict) {
    case 'diverged': {
      // Every loss of the last swingWindow epochs far above the reference.
      const swing = range(epochs, from, end);
      if (!(swing.low > t.divergeFactor * reference)) return undefined;
      const evidence = { ...swing, window: n, reference };
      return { verdict, reason: 'The loss climbed far above where it started and stays there.', evidence };
    }
    case 'oscillating': {
      // Large swings over the last swingWindow epochs (the loss climbs back up by a lot: a run that
      // only falls, however fast, never climbs) — to enter, in both halves of the window, so that
      // a single spike is not called an oscillation — and the lows of the second half no lower
      // than those of the first (lows, not means: one spike must not read as a trend down).
      const swing = range(epochs, from, end);
      const half = Math.floor(n / 2);
      const falling = range(epochs, from, from + half - 1).low - range(epochs, end + 1 - half, end).low;
      const swings =
        t === STAY
          ? climb(epochs, from, end)
          : Math.min(climb(epochs, from, from + half - 1), climb(epochs, end + 1 - half, end));
      if (!(swings > t.swingFraction * reference && falling <= HEALTH.trendFraction * reference)) return undefined;
      const evidence = { ...swing, window: n, reference };
      return { verdict, reason: 'The loss swings up and down instead of coming down.', evidence };
    }
    case 'overfitting': {
      // The best test loss is old, the test loss now (mean of the last smoothEpochs) well above it,
      // and the training loss now below its value at the best test epoch.
      const { bestTest, bestTestEpoch } = run;
      if (point.testLoss === undefined || point.epoch - bestTestEpoch < HEALTH.overfitWindow) return undefined;
      const k = Math.min(HEALTH.smoothEpochs, end + 1);
      const testNow = mean(epochs, end + 1 - k, end + 1, 'testLoss');
      const trainNow = mean(epochs, end + 1 - k, end + 1, 'loss');
      const trainAtBest = lossAt(epochs, end, bestTestEpoch);
      if (
        !(testNow > t.overfitRise * bestTest) ||
        !(testNow - bestTest > t.overfitMinRise * reference) ||
        trainAtBest === undefined ||
        !(trainNow < (1 - t.overfitTrainDrop) * trainAtBest)
      )
        return undefined;
      const swing = range(epochs, from, end);
      return {
        verdict,
        reason: 'The test loss has been rising while the training loss keeps falling.',
        evidence: { ...swing, window: n, reference, bestTest, bestTestEpoch, testNow },
      };
    }
    case 'stalled': {
      // The best loss of the last stallWindow epochs no better than the best before them, still high.
      if (end < HEALTH.stallWindow) return undefined;
      const recent = range(epochs, end + 1 - HEALTH.stallWindow, end);
      if (!(run.bestBefore - recent.low < t.stallDrop * reference && recent.low > t.stallLevel * reference))
        return undefined;
      const frozen = recent.high - recent.low <= 1e-9 * Math.max(1, recent.high);
      const evidence = { ...recent, window: HEALTH.stallWindow, reference };
      if (run.bestBefore <= t.stallLevel * reference) {
        // It had learned, then lost it: a jump out of the valley (too large a step), not a plateau.
        return {
          verdict,
          reason: 'The loss climbed back up from its best and has stopped falling.',
          fix: 'Lower the learning rate α or the momentum β: the run lost what it had learned.',
          evidence,
        };
      }
      return {
        verdict,
        reason: frozen
          ? 'The loss has not changed at all: the units have stopped responding (dead or saturated).'
          : 'The loss has stopped falling while still near where it started.',
        evidence,
      };
    }
  }
}

/** The loss of the untrained network, never less than a tiny positive number (so ratios stay finite). */
function referenceLoss(epochs: readonly LossPoint[], initialLoss: number | undefined): number {
  const r = initialLoss !== undefined && Number.isFinite(initialLoss) ? initialLoss : epochs[0]!.loss;
  return Math.max(Number.isFinite(r) ? r : 1, 1e-9);
}

/** Lowest and highest training loss of epochs[from..end]. */
function range(epochs: readonly LossPoint[], from: number, end: number): { low: number; high: number } {
  let low = Infinity;
  let high = -Infinity;
  for (let i = from; i <= end; i++) {
    const l = epochs[i]!.loss;
    if (l < low) low = l;
    if (l > high) high = l;
  }
  return { low, high };
}

/** The largest rise of the training loss within epochs[from..end]: max over i ≤ j of loss[j] − loss[i]. */
function climb(epochs: readonly LossPoint[], from: number, end: number): number {
  let low = Infinity;
  let rise = 0;
  for (let i = from; i <= end; i++) {
    const l = epochs[i]!.loss;
    if (l < low) low = l;
    else if (l - low > rise) rise = l - low;
  }
  return rise;
}

/** Mean of epochs[from..to) of the training or test loss (a missing test loss counts as NaN). */
function mean(epochs: readonly LossPoint[], from: number, to: number, key: 'loss' | 'testLoss'): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += epochs[i]![key] ?? NaN;
  return sum / (to - from);
}

/** Training loss at `epoch`, searching back from epochs[end] (undefined when thinned away). */
function lossAt(epochs: readonly LossPoint[], end: number, epoch: number): number | undefined {
  for (let i = end; i >= 0; i--) {
    const e = epochs[i]!.epoch;
    if (e === epoch) return epochs[i]!.loss;
    if (e < epoch) return undefined;
  }
  return undefined;
}
