/**
 * The local-minima widget's arithmetic: a loss of one weight with a shallow local minimum on the
 * left and the global minimum on the right (the same E(w) as the lecture's figure), its stationary
 * points, gradient-descent runs w ← w − α E′(w), and which minimum a run ends in.
 */

/** E(w) = w⁴/4 − w² − 0.3w + 1.5. */
export function loss(w: number): number {
  return w ** 4 / 4 - w ** 2 - 0.3 * w + 1.5;
}

/** E′(w) = w³ − 2w − 0.3. */
export function gradient(w: number): number {
  return w ** 3 - 2 * w - 0.3;
}

/** The three real roots of E′(w) = w³ − 2w − 0.3 = 0 (trigonometric solution of a depressed cubic). */
export function stationaryPoints(): { local: number; peak: number; global: number } {
  // w³ + pw + q = 0 with p = −2, q = −0.3: w_k = 2√(−p/3) cos(θ/3 − 2πk/3), θ = acos((3q/2p)√(−3/p))
  const p = -2;
  const q = -0.3;
  const r = 2 * Math.sqrt(-p / 3);
  const theta = Math.acos(((3 * q) / (2 * p)) * Math.sqrt(-3 / p));
  const roots = [0, 1, 2].map((k) => r * Math.cos(theta / 3 - (2 * Math.PI * k) / 3)).sort((a, b) => a - b);
  return { local: roots[0]!, peak: roots[1]!, global: roots[2]! };
}

export const POINTS = stationaryPoints();
export const DOMAIN: [number, number] = [-2.5, 2.5];
/** Beyond this |w| a run has left the picture for good: it diverged. */
const FAR = 10;
export const MAX_STEPS = 400;
const SETTLED = 1e-6;

export type Outcome = 'global' | 'local' | 'diverged' | 'unsettled';

export interface Run {
  start: number;
  lr: number;
  /** w₀, w₁, … until the steps became smaller than 10⁻⁶, the run diverged, or MAX_STEPS. */
  path: number[];
  outcome: Outcome;
  end: number;
}

/** Gradient descent from `start` with learning rate `lr`. */
export function descend(start: number, lr: number): Run {
  const path = [start];
  let w = start;
  let outcome: Outcome = 'unsettled';
  for (let t = 0; t < MAX_STEPS; t++) {
    const next = w - lr * gradient(w);
    if (!Number.isFinite(next) || Math.abs(next) > FAR) {
      outcome = 'diverged';
      break;
    }
    path.push(next);
    const moved = Math.abs(next - w);
    w = next;
    if (moved < SETTLED) {
      outcome = Math.abs(w - POINTS.global) < Math.abs(w - POINTS.local) ? 'global' : 'local';
      break;
    }
  }
  return { start, lr, path, outcome, end: path[path.length - 1]! };
}

/** Which minimum small steps from `w` roll into: left of the peak the local one, right of it the global one. */
export function basinOf(w: number): 'local' | 'global' | 'peak' {
  if (Math.abs(w - POINTS.peak) < 1e-12) return 'peak';
  return w < POINTS.peak ? 'local' : 'global';
}

export const OUTCOME_TEXT: Record<Outcome, string> = {
  global: 'global minimum',
  local: 'local minimum',
  diverged: 'diverged (the steps grew without bound)',
  unsettled: `did not settle within ${MAX_STEPS} steps (it keeps jumping)`,
};

/** A run on the chart: `shown` is how many points of its path are drawn so far (it grows while it rolls). */
export interface ShownRun extends Run {
  id: number;
  shown: number;
}

/** What the chart draws of the runs, in its x range (`DOMAIN`): points outside it are left out. */
export interface RunMarks {
  /** Each run's path so far as [w, E(w)] points; `done` once the run is over (then coloured by outcome). */
  trails: { id: number; outcome: Outcome; done: boolean; points: [number, number][] }[];
  /** The moving ball of each run still rolling: [w, E(w)]. */
  heads: [number, number][];
  /** The end of each finished run. */
  ends: { id: number; outcome: Outcome; w: number; e: number }[];
  /** How many finished runs end in the chart at each minimum (the labels "local ×n", "global ×n"). */
  atLocal: number;
  atGlobal: number;
}

export function runMarks(runs: readonly ShownRun[]): RunMarks {
  const inside = (w: number) => w >= DOMAIN[0] && w <= DOMAIN[1];
  const trails = runs.map((r) => ({
    id: r.id,
    outcome: r.outcome,
    done: r.shown >= r.path.length,
    points: r.path
      .slice(0, r.shown)
      .filter(inside)
      .map((w): [number, number] => [w, loss(w)]),
  }));
  const heads = runs
    .filter((r) => r.shown < r.path.length)
    .map((r) => r.path[r.shown - 1]!)
    .filter(inside)
    .map((w): [number, number] => [w, loss(w)]);
  const ends = runs
    .filter((r) => r.shown >= r.path.length && inside(r.end))
    .map((r) => ({ id: r.id, outcome: r.outcome, w: r.end, e: loss(r.end) }));
  return {
    trails,
    heads,
    ends,
    atLocal: ends.filter((r) => r.outcome === 'local').length,
    atGlobal: ends.filter((r) => r.outcome === 'global').length,
  };
}
