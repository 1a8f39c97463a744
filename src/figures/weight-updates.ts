/**
 * Figures for "Weight updates": gradient descent on a parabola with three learning rates, the
 * learning-rate decay schedule, and plain SGD versus momentum on a ravine. Every update is made
 * by the engine's SGD optimiser on a one-row Dense layer that holds the parameters.
 */
import * as Plot from '@observablehq/plot';
import { bothLayouts, facet, type FigurePlot } from './layout';
import { Dense, SGD, learningRateAt, linspace } from '@lib';
import { sig } from '~/util/format';
import { LEVELS, contourLine } from '~/widgets/momentum/model';

/**
 * Runs `steps` updates of the engine's SGD from `start`, where `gradient` gives ∂E/∂w for the
 * current parameters. Returns the path of parameter vectors, start included.
 */
function sgdPath(
  start: number[],
  gradient: (w: number[]) => number[],
  options: { learningRate: number; momentum?: number },
  steps: number,
): number[][] {
  const layer = Dense.fromWeights(
    [start],
    start.map(() => 0),
  );
  layer.trainBiases = false;
  const sgd = new SGD({ learningRate: options.learningRate, momentum: options.momentum ?? 0 });
  const path = [start.slice()];
  for (let t = 0; t < steps; t++) {
    const w = Array.from(layer.weights.data);
    layer.dweights.data.set(gradient(w));
    sgd.step([layer]);
    path.push(Array.from(layer.weights.data));
  }
  return path;
}

// ---------------------------------------------------------------- learning rate on E(w) = w²

const parabola = (w: number) => w * w;
const LR = { start: 3, steps: 8, small: 0.05, good: 0.25, big: 1.05 };

/** The three runs of the learning-rate figure: α, path, final weight and final loss. */
export function learningRateRuns() {
  const run = (alpha: number) => {
    const path = sgdPath([LR.start], ([w]) => [2 * w!], { learningRate: alpha }, LR.steps).map(([w]) => w!);
    const final = path[path.length - 1]!;
    return { alpha, path, final, loss: parabola(final) };
  };
  return { start: LR.start, steps: LR.steps, small: run(LR.small), good: run(LR.good), big: run(LR.big) };
}

const RUN_LABELS = ['too small', 'good', 'too big'] as const;

/** Three panels: the parabola and the steps taken with each learning rate. */
export function learningRateSteps(): FigurePlot {
  return bothLayouts(drawLearningRateSteps);
}

/** Narrow, each panel's title takes two lines. */
function drawLearningRateSteps(narrow: boolean): Plot.PlotOptions {
  const runs = learningRateRuns();
  const named = [
    { name: RUN_LABELS[0], run: runs.small },
    { name: RUN_LABELS[1], run: runs.good },
    { name: RUN_LABELS[2], run: runs.big },
  ];
  const ws = Array.from(linspace(-7, 7, 141));
  const curve = named.flatMap(({ name }) => ws.map((w) => ({ panel: name, w, e: parabola(w) })));
  const steps = named.flatMap(({ name, run }) => run.path.map((w, t) => ({ panel: name, w, e: parabola(w), t })));
  return {
    width: narrow ? 340 : 680,
    height: narrow ? 300 : 280,
    marginTop: narrow ? 48 : 30,
    fx: {
      label: null,
      domain: [...RUN_LABELS],
      tickFormat: (d: string) => `${d}${narrow ? '\n' : ': '}α = ${named.find((n) => n.name === d)!.run.alpha}`,
    },
    x: { label: 'w', domain: [-7, 7] },
    y: { label: 'E(w) = w²', domain: [0, 50] },
    grid: true,
    marks: [
      Plot.line(curve, { fx: 'panel', x: 'w', y: 'e', stroke: 'var(--c-muted)', strokeWidth: 1.5 }),
      Plot.line(steps, {
        fx: 'panel',
        x: 'w',
        y: 'e',
        z: 'panel',
        stroke: 'var(--c-purple)',
        strokeWidth: 1.2,
        strokeDasharray: '4 3',
      }),
      Plot.dot(steps, {
        fx: 'panel',
        x: 'w',
        y: 'e',
        r: 3.5,
        fill: 'var(--c-purple)',
        stroke: 'var(--c-ink)',
        strokeWidth: 0.5,
      }),
      Plot.text(
        steps.filter((s) => s.t === 0),
        { fx: 'panel', x: 'w', y: 'e', text: () => 'start', dy: -10, fill: 'var(--c-ink)' },
      ),
    ],
  };
}

/** Loss against step for the three learning rates, on a log axis. */
export function learningRateLossCurves(): Plot.PlotOptions {
  const runs = learningRateRuns();
  const rows = (name: string, path: number[]) => path.map((w, t) => ({ name, t, loss: parabola(w) }));
  const small = rows('too small', runs.small.path);
  const good = rows('good', runs.good.path);
  const big = rows('too big', runs.big.path);
  const last = runs.steps;
  return {
    width: 640,
    height: 300,
    marginRight: 90,
    x: { label: 'update step', domain: [0, last], ticks: last },
    y: { type: 'log', label: 'loss E (log scale)', tickFormat: (v: number) => sig(v) },
    grid: true,
    marks: [
      Plot.line(small, { x: 't', y: 'loss', stroke: 'var(--c-blue)', strokeWidth: 2.5, marker: 'circle' }),
      Plot.line(good, {
        x: 't',
        y: 'loss',
        stroke: 'var(--c-green)',
        strokeWidth: 2.5,
        strokeDasharray: '8 5',
        marker: 'circle',
      }),
      Plot.line(big, {
        x: 't',
        y: 'loss',
        stroke: 'var(--c-red)',
        strokeWidth: 2.5,
        strokeDasharray: '2 4',
        strokeLinecap: 'round',
        marker: 'circle',
      }),
      Plot.text([small[last], good[last], big[last]], {
        x: 't',
        y: 'loss',
        text: 'name',
        textAnchor: 'start',
        dx: 10,
        fill: (d: { name: string }) =>
          d.name === 'too small' ? 'var(--c-blue)' : d.name === 'good' ? 'var(--c-green)' : 'var(--c-red)',
        fontWeight: 'bold',
      }),
    ],
    color: { type: 'identity' },
  };
}

// ---------------------------------------------------------------- learning-rate decay

/** The slide's schedule: α₀ = 1.0, decay 0.1, steps 0 … 19. */
export function decaySchedule(): Plot.PlotOptions {
  const rows = Array.from({ length: 20 }, (_, step) => ({ step, lr: learningRateAt(step, 1.0, 0.1) }));
  return {
    width: 640,
    height: 260,
    x: { label: 'step', domain: [0, 19], ticks: 10 },
    y: { label: 'learning rate', domain: [0, 1.05] },
    grid: true,
    marks: [
      Plot.line(rows, { x: 'step', y: 'lr', stroke: 'var(--c-blue)', strokeWidth: 2 }),
      Plot.dot(rows, { x: 'step', y: 'lr', r: 3.5, fill: 'var(--c-blue)' }),
      Plot.ruleY([0.5], { stroke: 'var(--c-muted)', strokeDasharray: '4 4' }),
      Plot.text([rows[10]], {
        x: 'step',
        y: 'lr',
        text: (d: { lr: number }) => `step 10: ${d.lr.toFixed(2)}`,
        dy: -14,
        fill: 'var(--c-ink)',
      }),
    ],
  };
}

// ---------------------------------------------------------------- momentum on a ravine

/** E(w₁, w₂) = ½(0.2·w₁² + 10·w₂²): shallow along w₁, steep along w₂. */
const [C1, C2] = [0.2, 10];
// sgdPath hands a point as number[]; here it always has the two entries w₁, w₂
const ravine = ([w1, w2]: number[]) => 0.5 * (C1 * w1! * w1! + C2 * w2! * w2!);
const ravineGradient = ([w1, w2]: number[]) => [C1 * w1!, C2 * w2!];
const MOM = {
  start: [-4, 1],
  steps: 40,
  plain: { alpha: 0.18, beta: 0 },
  heavy: { alpha: 0.03, beta: 0.95 },
  good: { alpha: 0.2, beta: 0.6 },
};

/** The three momentum runs: parameters, path and final loss. */
export function momentumRuns() {
  const run = ({ alpha, beta }: { alpha: number; beta: number }) => {
    const path = sgdPath(MOM.start, ravineGradient, { learningRate: alpha, momentum: beta }, MOM.steps);
    return { alpha, beta, path, loss: ravine(path[path.length - 1]!) };
  };
  return { steps: MOM.steps, plain: run(MOM.plain), heavy: run(MOM.heavy), good: run(MOM.good) };
}

/**
 * Facts about one momentum path, for the prose: where w₁ starts and ends, when it first passes the
 * minimum's w₁ = 0, how often w₂ crosses the ravine floor (w₂ = 0), its lowest point, and how far
 * from the floor it still strays from a given step on.
 */
export function describeMomentumPath(path: number[][]) {
  const w1 = path.map(([a]) => a!);
  const w2 = path.map(([, b]) => b!);
  let crossings = 0;
  for (let t = 1; t < w2.length; t++) if (w2[t - 1]! * w2[t]! < 0) crossings++;
  const w1Steps = w1.slice(1).map((w, t) => w - w1[t]!);
  return {
    w1Start: w1[0],
    w1End: w1[w1.length - 1],
    w1AlwaysRising: w1Steps.every((d) => d > 0),
    /** First step at which w₁ is past the minimum (w₁ > 0), or −1 if it never gets there. */
    w1PastMinimumAt: w1.findIndex((w) => w > 0),
    w2Start: w2[0],
    w2AfterFirstStep: w2[1],
    w2Lowest: Math.min(...w2),
    w2Crossings: crossings,
    /** Largest |w₂| from step `from` to the end. */
    w2StraysFrom: (from: number) => Math.max(...w2.slice(from).map(Math.abs)),
    /** |w₂| after two steps over |w₂| after one: how much each plain zig-zag shrinks. */
    w2ShrinkPerStep: Math.abs(w2[2]! / w2[1]!),
  };
}

const MOM_PANELS = ['plain SGD', 'large momentum, small α', 'good momentum and α'] as const;

/** Three panels: the ravine's contour lines and the path of each run. */
export function momentumRavine(): FigurePlot {
  return bothLayouts(drawMomentumRavine);
}

/** Wide: three panels side by side; narrow: stacked, each titled in its top right corner. */
function drawMomentumRavine(narrow: boolean): Plot.PlotOptions {
  const f = (v: string) => facet(narrow, v);
  const runs = momentumRuns();
  const named = [
    { panel: MOM_PANELS[0], run: runs.plain, stroke: 'var(--c-red)', dash: '2 3' },
    { panel: MOM_PANELS[1], run: runs.heavy, stroke: 'var(--c-orange)', dash: '7 4' },
    { panel: MOM_PANELS[2], run: runs.good, stroke: 'var(--c-green)', dash: 'none' },
  ];
  const x1 = -5;
  const x2 = 5;
  const y1 = 1.5;
  const y2 = -1.5;
  return {
    width: narrow ? 340 : 680,
    height: narrow ? 480 : 300,
    marginTop: narrow ? 20 : 30,
    ...(narrow
      ? { fy: { axis: null, domain: [...MOM_PANELS], padding: 0.12 } }
      : { fx: { label: null, domain: [...MOM_PANELS] } }),
    x: { label: 'w₁', domain: [x1, x2] },
    y: { label: 'w₂', domain: [y2, y1] },
    marks: [
      Plot.frame({ stroke: 'var(--c-grid)' }),
      // No fx: the contour lines are repeated in every panel.
      Plot.line(
        LEVELS.flatMap((level) => contourLine(level)),
        { x: 'w1', y: 'w2', z: 'level', stroke: 'var(--c-muted)', strokeOpacity: 0.6, clip: true },
      ),
      Plot.dot([{ w1: 0, w2: 0 }], { x: 'w1', y: 'w2', symbol: 'times', r: 6, stroke: 'var(--c-ink)', strokeWidth: 2 }),
      ...named.flatMap(({ panel, run, stroke, dash }) => {
        const pts = run.path.map(([w1, w2], t) => ({ panel, w1, w2, t }));
        return [
          Plot.line(pts, { ...f('panel'), x: 'w1', y: 'w2', stroke, strokeWidth: 1.8, strokeDasharray: dash }),
          Plot.dot(pts, { ...f('panel'), x: 'w1', y: 'w2', r: 2.2, fill: stroke }),
          Plot.text([pts[0]], { ...f('panel'), x: 'w1', y: 'w2', text: () => 'start', dy: -10, fill: 'var(--c-ink)' }),
          ...(narrow
            ? [
                Plot.text([panel], {
                  fy: (d: string) => d,
                  text: (d: string) => d,
                  frameAnchor: 'top-right',
                  dx: -4,
                  dy: 4,
                  fill: 'var(--c-ink)',
                  stroke: 'var(--bg)',
                  strokeWidth: 4,
                  paintOrder: 'stroke',
                }),
              ]
            : []),
        ];
      }),
    ],
  };
}
