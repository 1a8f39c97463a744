/**
 * Figures for "The backward pass": a shaded loss map over two weights with the gradient, the
 * derivatives of the hidden activations, and a 1-D loss with a local and a global minimum.
 */
import * as Plot from '@observablehq/plot';
import { bothLayouts, type FigurePlot } from './layout';
import {
  Matrix,
  createRng,
  linspace,
  matmul,
  matmulTransposeA,
  meanSquaredError,
  meanSquaredErrorBackward,
  reluDerivative,
  sigmoidDerivative,
  tanhDerivative,
} from '@lib';

/** A small seeded regression set: y = 2x₁ − x₂ + noise, with correlated inputs (so the bowl is tilted and elongated). */
function regressionData() {
  const rng = createRng(11);
  const n = 40;
  const rows: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    const x1 = a;
    const x2 = 0.6 * a + 0.8 * rng.normal();
    rows.push([x1, x2]);
    ys.push(2 * x1 - 1 * x2 + 0.3 * rng.normal());
  }
  return { X: Matrix.from(rows), y: Matrix.column(ys) };
}

/** E(w₁, w₂): mean squared error of the linear model ŷ = w₁x₁ + w₂x₂, via the engine. */
function lossAt(X: Matrix, y: Matrix, w1: number, w2: number): number {
  return meanSquaredError(matmul(X, Matrix.column([w1, w2])), y);
}

/** ∂E/∂w = Xᵀ · ∂E/∂ŷ, with ∂E/∂ŷ from the engine's MSE backward. */
function gradientAt(X: Matrix, y: Matrix, w1: number, w2: number): [number, number] {
  const pred = matmul(X, Matrix.column([w1, w2]));
  const g = matmulTransposeA(X, meanSquaredErrorBackward(pred, y));
  return [g.get(0, 0), g.get(1, 0)];
}

/** Least-squares minimum of E, from the 2×2 normal equations. */
function minimum(X: Matrix, y: Matrix): [number, number] {
  const A = matmulTransposeA(X, X);
  const b = matmulTransposeA(X, y);
  const det = A.get(0, 0) * A.get(1, 1) - A.get(0, 1) * A.get(1, 0);
  return [
    (A.get(1, 1) * b.get(0, 0) - A.get(0, 1) * b.get(1, 0)) / det,
    (A.get(0, 0) * b.get(1, 0) - A.get(1, 0) * b.get(0, 0)) / det,
  ];
}

const W1_DOMAIN: [number, number] = [-1, 5];
const W2_DOMAIN: [number, number] = [-4, 2];
/** Loss levels of the contour lines; every level the loss lies above adds a layer of shading. */
const LEVELS = [0.15, 0.3, 0.6, 1.2, 2.4, 4.8, 9.6, 19.2];
const BAND_OPACITY = 0.11;
/** Margins and plot-area width of the contour map; the height follows from equal units per pixel. */
const MAP_MARGIN = { top: 56, right: 24, bottom: 44, left: 48 };
const MAP_INNER_WIDTH = { wide: 500, narrow: 268 };
/**
 * "Darker = higher loss" must hold in dark mode too, so the map keeps a light ground of its own and
 * draws on it in the light theme's colours, instead of following the page's colour variables.
 */
const MAP_COLOURS = {
  ground: '#ffffff',
  shade: '#1c1f24',
  lines: '#545b66',
  ink: '#1c1f24',
  red: '#b3261e',
  green: '#2f7d3b',
};

/**
 * Shaded contour map of E(w₁, w₂): darker = higher loss, with the gradient and the descent
 * direction at one point. Both axes have the same units per pixel, so the gradient arrow really
 * meets the contour lines at right angles.
 */
export function lossContour(): FigurePlot {
  return bothLayouts(drawLossContour);
}

function drawLossContour(narrow: boolean): Plot.PlotOptions {
  const innerWidth = narrow ? MAP_INNER_WIDTH.narrow : MAP_INNER_WIDTH.wide;
  const { X, y } = regressionData();
  const nx = 121;
  const ny = 121;
  const w1s = linspace(W1_DOMAIN[0], W1_DOMAIN[1], nx);
  const w2s = linspace(W2_DOMAIN[1], W2_DOMAIN[0], ny); // rows from top (high w₂) to bottom
  // Plot.contour fills the region where "value ≥ threshold" once per threshold, so the bands pile up (darker) where the loss is high.
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) values[j * nx + i] = lossAt(X, y, w1s[i]!, w2s[j]!);
  const thresholds = LEVELS;
  const [m1, m2] = minimum(X, y);
  const p = { w1: 0.6, w2: 0.4 };
  const [g1, g2] = gradientAt(X, y, p.w1, p.w2);
  const len = Math.hypot(g1, g2);
  const arrowLength = 1.2;
  const up = { x2: p.w1 + (arrowLength * g1) / len, y2: p.w2 + (arrowLength * g2) / len };
  const down = { x2: p.w1 - (arrowLength * g1) / len, y2: p.w2 - (arrowLength * g2) / len };
  // Legend swatches in the top margin: 1, 3, 5 and 8 bands of shading.
  const legendY = W2_DOMAIN[1] + 0.55;
  const swatches = [1, 3, 5, 8].map((bands, k) => ({
    x1: 1.6 + k * 0.45,
    x2: 1.6 + k * 0.45 + 0.4,
    opacity: 1 - (1 - BAND_OPACITY) ** bands,
  }));
  // Equal scales: the same number of pixels per unit of w₁ as of w₂ (a square plot area here).
  const pxPerUnit = innerWidth / (W1_DOMAIN[1] - W1_DOMAIN[0]);
  const innerHeight = pxPerUnit * (W2_DOMAIN[1] - W2_DOMAIN[0]);
  return {
    width: MAP_MARGIN.left + innerWidth + MAP_MARGIN.right,
    height: MAP_MARGIN.top + innerHeight + MAP_MARGIN.bottom,
    marginTop: MAP_MARGIN.top,
    marginRight: MAP_MARGIN.right,
    marginBottom: MAP_MARGIN.bottom,
    marginLeft: MAP_MARGIN.left,
    x: { label: 'w₁', domain: W1_DOMAIN },
    y: { label: 'w₂', domain: W2_DOMAIN },
    marks: [
      Plot.frame({ fill: MAP_COLOURS.ground, stroke: 'none' }),
      Plot.contour(values, {
        x1: W1_DOMAIN[0],
        x2: W1_DOMAIN[1],
        y1: W2_DOMAIN[1],
        y2: W2_DOMAIN[0],
        width: nx,
        height: ny,
        thresholds,
        fill: MAP_COLOURS.shade,
        fillOpacity: BAND_OPACITY,
        stroke: MAP_COLOURS.lines,
        strokeWidth: 0.8,
      }),
      Plot.frame({ stroke: 'var(--c-muted)' }),
      Plot.dot([{ w1: m1, w2: m2 }], {
        x: 'w1',
        y: 'w2',
        symbol: 'times',
        r: 7,
        stroke: MAP_COLOURS.ink,
        strokeWidth: 2.5,
      }),
      Plot.text([{ w1: m1, w2: m2 }], {
        x: 'w1',
        y: 'w2',
        text: () => 'minimum',
        dx: 10,
        textAnchor: 'start',
        fill: MAP_COLOURS.ink,
        fontWeight: 'bold',
      }),
      Plot.dot([p], { x: 'w1', y: 'w2', r: 4.5, fill: MAP_COLOURS.ink }),
      Plot.arrow([{ x1: p.w1, y1: p.w2, ...up }], {
        x1: 'x1',
        y1: 'y1',
        x2: 'x2',
        y2: 'y2',
        stroke: MAP_COLOURS.red,
        strokeWidth: 2.5,
      }),
      Plot.arrow([{ x1: p.w1, y1: p.w2, ...down }], {
        x1: 'x1',
        y1: 'y1',
        x2: 'x2',
        y2: 'y2',
        stroke: MAP_COLOURS.green,
        strokeWidth: 2.5,
        strokeDasharray: '6 4',
      }),
      Plot.text([{ x: up.x2, y: up.y2 }], {
        x: 'x',
        y: 'y',
        text: () => 'gradient (uphill)',
        fill: MAP_COLOURS.red,
        dy: -10,
        fontWeight: 'bold',
      }),
      Plot.text([{ x: down.x2, y: down.y2 }], {
        x: 'x',
        y: 'y',
        text: () => '−gradient (downhill)',
        fill: MAP_COLOURS.green,
        dy: 14,
        fontWeight: 'bold',
      }),
      // Legend (drawn in the top margin, outside the map): swatches on the map's own light ground.
      Plot.rect(swatches, {
        x1: 'x1',
        x2: 'x2',
        y1: legendY - 0.12,
        y2: legendY + 0.12,
        fill: MAP_COLOURS.ground,
        clip: false,
      }),
      Plot.rect(swatches, {
        x1: 'x1',
        x2: 'x2',
        y1: legendY - 0.12,
        y2: legendY + 0.12,
        fill: MAP_COLOURS.shade,
        fillOpacity: 'opacity',
        stroke: 'var(--c-muted)',
        clip: false,
      }),
      Plot.text([{ x: 1.55, y: legendY, label: 'Legend: lower loss' }], {
        x: 'x',
        y: 'y',
        text: 'label',
        textAnchor: 'end',
        fill: 'var(--c-ink)',
        clip: false,
      }),
      Plot.text([{ x: 1.6 + 4 * 0.45 + 0.05, y: legendY, label: narrow ? 'higher loss' : 'higher loss (darker)' }], {
        x: 'x',
        y: 'y',
        text: 'label',
        textAnchor: 'start',
        fill: 'var(--c-ink)',
        clip: false,
      }),
    ],
    opacity: { type: 'identity' },
  };
}

/** Derivatives of sigmoid, tanh and ReLU over x ∈ [−4, 4], from the engine. */
export function activationDerivatives(): Plot.PlotOptions {
  const xs = Array.from(linspace(-4, 4, 321));
  const rows = xs.map((x) => ({ x, sigmoid: sigmoidDerivative(x), tanh: tanhDerivative(x), relu: reluDerivative(x) }));
  return {
    width: 640,
    height: 280,
    x: { label: 'x' },
    y: { label: 'f′(x)', domain: [-0.05, 1.15] },
    grid: true,
    marks: [
      Plot.ruleY([0], { stroke: 'var(--c-grid)' }),
      Plot.line(rows, { x: 'x', y: 'sigmoid', stroke: 'var(--c-blue)', strokeWidth: 2.5 }),
      Plot.line(rows, { x: 'x', y: 'tanh', stroke: 'var(--c-orange)', strokeWidth: 2.5, strokeDasharray: '8 5' }),
      Plot.line(
        rows.filter((r) => r.x < 0),
        {
          x: 'x',
          y: 'relu',
          stroke: 'var(--c-green)',
          strokeWidth: 2.5,
          strokeDasharray: '2 4',
          strokeLinecap: 'round',
        },
      ),
      Plot.line(
        rows.filter((r) => r.x > 0),
        {
          x: 'x',
          y: 'relu',
          stroke: 'var(--c-green)',
          strokeWidth: 2.5,
          strokeDasharray: '2 4',
          strokeLinecap: 'round',
        },
      ),
      Plot.text([{ x: 0, y: sigmoidDerivative(0), label: 'sigmoid′ (max 0.25)' }], {
        x: 'x',
        y: 'y',
        text: 'label',
        fill: 'var(--c-blue)',
        dy: -10,
        dx: 60,
        fontWeight: 'bold',
      }),
      Plot.text([{ x: 0, y: 1, label: 'tanh′' }], {
        x: 'x',
        y: 'y',
        text: 'label',
        fill: 'var(--c-orange)',
        dx: -34,
        dy: -6,
        fontWeight: 'bold',
      }),
      Plot.text([{ x: 3, y: 1, label: 'ReLU′' }], {
        x: 'x',
        y: 'y',
        text: 'label',
        fill: 'var(--c-green)',
        dy: -10,
        fontWeight: 'bold',
      }),
    ],
  };
}

/** A 1-D loss with a local minimum on the left and the global minimum on the right. */
export function wavyLoss(w: number): number {
  return w ** 4 / 4 - w ** 2 - 0.3 * w + 1.5;
}
function wavyGradient(w: number): number {
  return w ** 3 - 2 * w - 0.3;
}

const LOCAL_RUN = { start: -2.0, alpha: 0.05, steps: 40 };
const GLOBAL_RUN = { start: 0.1, alpha: 0.05, steps: 40 };

function descend(start: number, alpha: number, steps: number): number[] {
  const path = [start];
  let w = start;
  for (let t = 0; t < steps; t++) {
    w -= alpha * wavyGradient(w);
    path.push(w);
  }
  return path;
}

/** Two gradient-descent runs on the wavy loss: where each starts and where it settles. */
export function localMinimaRuns() {
  const left = descend(LOCAL_RUN.start, LOCAL_RUN.alpha, LOCAL_RUN.steps);
  const right = descend(GLOBAL_RUN.start, GLOBAL_RUN.alpha, GLOBAL_RUN.steps);
  return {
    left: { start: LOCAL_RUN.start, end: left[left.length - 1], path: left },
    right: { start: GLOBAL_RUN.start, end: right[right.length - 1], path: right },
  };
}

/** The wavy loss with both runs drawn as dots. */
export function nonConvexLoss(): Plot.PlotOptions {
  const curve = Array.from(linspace(-2.3, 2.3, 231), (w) => ({ w, e: wavyLoss(w) }));
  const runs = localMinimaRuns();
  const pts = (path: number[]) => path.map((w, t) => ({ w, e: wavyLoss(w), t }));
  const left = pts(runs.left.path);
  const right = pts(runs.right.path);
  return {
    width: 640,
    height: 300,
    x: { label: 'w (one weight)' },
    y: { label: 'loss E(w)', domain: [-0.6, 4] },
    grid: true,
    marks: [
      Plot.line(curve, { x: 'w', y: 'e', stroke: 'var(--c-ink)', strokeWidth: 2 }),
      Plot.line(left, { x: 'w', y: 'e', stroke: 'var(--c-blue)', strokeOpacity: 0.5 }),
      Plot.dot(left, { x: 'w', y: 'e', r: 3.5, symbol: 'circle', fill: 'var(--c-blue)' }),
      Plot.line(right, { x: 'w', y: 'e', stroke: 'var(--c-orange)', strokeOpacity: 0.5 }),
      Plot.dot(right, { x: 'w', y: 'e', r: 3.5, symbol: 'square', fill: 'var(--c-orange)' }),
      Plot.text([{ w: runs.left.end, e: wavyLoss(runs.left.end!) }], {
        x: 'w',
        y: 'e',
        text: () => 'local minimum',
        dy: 18,
        fill: 'var(--c-blue)',
        fontWeight: 'bold',
      }),
      Plot.text([{ w: runs.right.end, e: wavyLoss(runs.right.end!) }], {
        x: 'w',
        y: 'e',
        text: () => 'global minimum',
        dy: 16,
        fill: 'var(--c-orange)',
        fontWeight: 'bold',
      }),
      Plot.text([left[0]], { x: 'w', y: 'e', text: () => 'start', dx: 18, fill: 'var(--c-blue)' }),
      Plot.text([right[0]], { x: 'w', y: 'e', text: () => 'start', dy: -12, fill: 'var(--c-orange)' }),
    ],
  };
}
