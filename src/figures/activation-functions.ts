/**
 * Figures for "Activation functions": logic gates, the sine wave fitted by linear units and by
 * ReLU units, the hidden activations, and the slide's two-ReLU formula. All values are computed
 * here with the engine (networks, data sets, activations, losses).
 */
import * as Plot from '@observablehq/plot';
import { bothLayouts, type FigurePlot } from './layout';
import { Matrix, Network, linspace, logicGate, meanSquaredError, relu, sigmoid, sine, tanh, type GateName } from '@lib';

const GATES: { name: string; gate: GateName; line?: number }[] = [
  { name: 'OR', gate: 'or', line: 0.5 },
  { name: 'AND', gate: 'and', line: 1.5 },
  { name: 'XOR', gate: 'xor' },
];

/** The four input pairs of OR, AND and XOR, filled for output 1 and hollow for 0, with a separating line where one exists. */
export function logicGates(): FigurePlot {
  return bothLayouts(drawLogicGates);
}

function drawLogicGates(narrow: boolean): Plot.PlotOptions {
  const points = GATES.flatMap(({ name, gate }) => {
    const d = logicGate(gate);
    return d.x.toArray().map(([x1, x2], i) => ({ gate: name, x1, x2, y: d.labels![i] }));
  });
  // The line x₁ + x₂ = c, drawn across the panel
  const lines = GATES.filter((g) => g.line !== undefined).flatMap(({ name, line }) => [
    { gate: name, x1: -0.3, x2: line! + 0.3 },
    { gate: name, x1: line! + 0.3, x2: -0.3 },
  ]);
  return {
    width: narrow ? 340 : 660,
    height: narrow ? 250 : 270,
    marginTop: 30,
    fx: { label: null, domain: GATES.map((g) => g.name) },
    x: { label: 'x₁', domain: [-0.3, 1.3], ticks: [0, 1] },
    y: { label: 'x₂', domain: [-0.3, 1.3], ticks: [0, 1] },
    grid: true,
    marks: [
      Plot.frame({ stroke: 'var(--c-grid)' }),
      Plot.line(lines, {
        fx: 'gate',
        x: 'x1',
        y: 'x2',
        z: 'gate',
        stroke: 'var(--c-ink)',
        strokeDasharray: '6 4',
        strokeWidth: 1.5,
        clip: true,
      }),
      Plot.dot(
        points.filter((p) => p.y === 1),
        { fx: 'gate', x: 'x1', y: 'x2', r: 9, symbol: 'circle', fill: 'var(--c-blue)', stroke: 'var(--c-blue)' },
      ),
      Plot.dot(
        points.filter((p) => p.y === 0),
        {
          fx: 'gate',
          x: 'x1',
          y: 'x2',
          r: 8,
          symbol: 'square',
          fill: 'none',
          stroke: 'var(--c-orange)',
          strokeWidth: 2.5,
        },
      ),
      Plot.text(points, {
        fx: 'gate',
        x: 'x1',
        y: 'x2',
        text: (p) => `y = ${p.y}`,
        dy: -17,
        fill: 'var(--c-ink)',
      }),
      Plot.text([{ gate: 'XOR', label: narrow ? 'no single\nline works' : 'no single line works' }], {
        fx: 'gate',
        frameAnchor: 'middle',
        text: 'label',
        fill: 'var(--c-red)',
        fontWeight: 'bold',
      }),
    ],
  };
}

/** The sine wave on [0, 2π] as the engine's data set (201 evenly spaced points). */
function sineData() {
  return sine(201);
}

/** Least-squares straight line through (x, sin x), the best any network of linear units can do. */
function bestLine(x: Matrix, y: Matrix) {
  const n = x.rows;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x.data[i]! / n;
    my += y.data[i]! / n;
  }
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x.data[i]! - mx) * (y.data[i]! - my);
    sxx += (x.data[i]! - mx) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/** Number of hidden ReLU units in the sine fit. */
const RELU_UNITS = 8;

/**
 * A 1-8-1 network with ReLU hidden units whose weights are set so that it interpolates the sine
 * at 9 evenly spaced knots t₀ … t₈: hidden unit k computes ReLU(x − t_k), and the output weight of
 * unit k is the change of slope at knot t_k. The result is a chain of 8 straight pieces.
 */
function reluSineNetwork(): { network: Network; knots: number[] } {
  const knots = Array.from(linspace(0, 2 * Math.PI, RELU_UNITS + 1));
  const slopes = knots.slice(0, -1).map((t, k) => (Math.sin(knots[k + 1]!) - Math.sin(t)) / (knots[k + 1]! - t));
  const outWeights = slopes.map((s, k) => [k === 0 ? s : s - slopes[k - 1]!]);
  const network = Network.fromParameters([
    { weights: [knots.slice(0, -1).map(() => 1)], biases: knots.slice(0, -1).map((t) => -t), activation: 'relu' },
    { weights: outWeights, biases: [Math.sin(knots[0]!)], activation: 'linear' },
  ]);
  return { network, knots };
}

/** Slope, error and predictions of the linear fit and of the ReLU network, shared by text and figures. */
export function sineFits() {
  const data = sineData();
  const line = bestLine(data.x, data.y);
  const linearPred = Matrix.column(Array.from(data.x.data, (x) => line.slope * x + line.intercept));
  const { network, knots } = reluSineNetwork();
  const reluPred = network.predict(data.x);
  return {
    data,
    linear: { ...line, pred: linearPred, mse: meanSquaredError(linearPred, data.y) },
    relu: { units: RELU_UNITS, knots, network, pred: reluPred, mse: meanSquaredError(reluPred, data.y) },
  };
}

function sineRows() {
  const fits = sineFits();
  return {
    fits,
    rows: Array.from(fits.data.x.data, (x, i) => ({
      x,
      sine: fits.data.y.data[i],
      linear: fits.linear.pred.data[i],
      relu: fits.relu.pred.data[i],
    })),
  };
}

const sineAxes = {
  x: {
    label: 'x',
    domain: [0, 2 * Math.PI],
    ticks: [0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2, 2 * Math.PI],
    tickFormat: (v: number) => ['0', 'π/2', 'π', '3π/2', '2π'][Math.round(v / (Math.PI / 2))],
  },
  y: { label: 'y', domain: [-1.2, 1.2] },
};

/** The sine wave and the best straight line (a network of linear units). */
export function linearSineFit(): Plot.PlotOptions {
  const { rows } = sineRows();
  return {
    width: 640,
    height: 300,
    ...sineAxes,
    grid: true,
    marks: [
      Plot.ruleY([0], { stroke: 'var(--c-grid)' }),
      Plot.line(rows, { x: 'x', y: 'sine', stroke: 'var(--c-blue)', strokeWidth: 2.5 }),
      Plot.line(rows, { x: 'x', y: 'linear', stroke: 'var(--c-orange)', strokeWidth: 2.5, strokeDasharray: '8 5' }),
      Plot.text([rows[40]], {
        x: 'x',
        y: 'sine',
        text: () => 'sin x',
        fill: 'var(--c-blue)',
        dy: -12,
        fontWeight: 'bold',
      }),
      Plot.text([rows[150]], {
        x: 'x',
        y: 'linear',
        text: () => 'best straight line',
        fill: 'var(--c-orange)',
        dy: -12,
        fontWeight: 'bold',
      }),
    ],
  };
}

/** The sine wave and the 1-8-1 ReLU network that interpolates it at nine knots. */
export function reluSineFit(): Plot.PlotOptions {
  const { rows, fits } = sineRows();
  const knots = fits.relu.knots.map((x) => ({ x, y: fits.relu.network.predict(Matrix.from([[x]])).get(0, 0) }));
  return {
    width: 640,
    height: 300,
    ...sineAxes,
    grid: true,
    marks: [
      Plot.ruleY([0], { stroke: 'var(--c-grid)' }),
      Plot.line(rows, { x: 'x', y: 'sine', stroke: 'var(--c-blue)', strokeWidth: 2.5 }),
      Plot.line(rows, { x: 'x', y: 'relu', stroke: 'var(--c-orange)', strokeWidth: 2.5, strokeDasharray: '8 5' }),
      Plot.dot(knots, { x: 'x', y: 'y', r: 4, fill: 'var(--c-orange)', stroke: 'var(--c-ink)' }),
      Plot.text([rows[25]], {
        x: 'x',
        y: 'sine',
        text: () => 'sin x',
        fill: 'var(--c-blue)',
        dx: -14,
        dy: -10,
        fontWeight: 'bold',
      }),
      Plot.text([rows[118]], {
        x: 'x',
        y: 'relu',
        text: () => `${RELU_UNITS} ReLU units`,
        fill: 'var(--c-orange)',
        textAnchor: 'start',
        dx: 10,
        fontWeight: 'bold',
      }),
    ],
  };
}

/** Sigmoid, tanh and ReLU over x ∈ [−3, 3]. */
export function hiddenActivations(): Plot.PlotOptions {
  const xs = Array.from(linspace(-3, 3, 241));
  const rows = xs.map((x) => ({ x, sigmoid: sigmoid(x), tanh: tanh(x), relu: relu(x) }));
  return {
    width: 640,
    height: 320,
    x: { label: 'x' },
    y: { label: 'f(x)', domain: [-1.2, 3] },
    grid: true,
    marks: [
      Plot.ruleY([0], { stroke: 'var(--c-grid)' }),
      Plot.ruleX([0], { stroke: 'var(--c-grid)' }),
      Plot.line(rows, { x: 'x', y: 'sigmoid', stroke: 'var(--c-blue)', strokeWidth: 2.5 }),
      Plot.line(rows, { x: 'x', y: 'tanh', stroke: 'var(--c-orange)', strokeWidth: 2.5, strokeDasharray: '8 5' }),
      Plot.line(rows, {
        x: 'x',
        y: 'relu',
        stroke: 'var(--c-green)',
        strokeWidth: 2.5,
        strokeDasharray: '2 4',
        strokeLinecap: 'round',
      }),
      Plot.text([{ x: -2.2, y: sigmoid(-2.2), label: 'sigmoid' }], {
        x: 'x',
        y: 'y',
        text: 'label',
        fill: 'var(--c-blue)',
        dy: -12,
        fontWeight: 'bold',
      }),
      Plot.text([{ x: -2.2, y: tanh(-2.2), label: 'tanh' }], {
        x: 'x',
        y: 'y',
        text: 'label',
        fill: 'var(--c-orange)',
        dy: 14,
        fontWeight: 'bold',
      }),
      Plot.text([{ x: 2.2, y: relu(2.2), label: 'ReLU' }], {
        x: 'x',
        y: 'y',
        text: 'label',
        fill: 'var(--c-green)',
        dx: -16,
        dy: -8,
        textAnchor: 'end',
        fontWeight: 'bold',
      }),
    ],
  };
}

/** The slide's formula y = max(max(6x + 0, 0)·(−1) + 0.7, 0)·(−1), evaluated with the engine's ReLU. */
export function composedReluAt(x: number): number {
  return relu(relu(x * 6.0 + 0.0) * -1.0 + 0.7) * -1.0;
}

/** The two-ReLU ramp of the slide, with its two corners marked. */
export function composedRelu(): FigurePlot {
  return bothLayouts(drawComposedRelu);
}

function drawComposedRelu(narrow: boolean): Plot.PlotOptions {
  // Narrow, the labels take two lines so that they stay inside the chart.
  const br = narrow ? '\n' : ' ';
  const xs = Array.from(linspace(-0.2, 0.35, 221))
    .concat([0, 0.7 / 6])
    .sort((a, b) => a - b);
  const rows = xs.map((x) => ({ x, y: composedReluAt(x) }));
  const corners = [0, 0.7 / 6].map((x) => ({ x, y: composedReluAt(x) }));
  return {
    width: narrow ? 340 : 640,
    height: 260,
    x: { label: 'x' },
    y: { label: 'y', domain: [-0.85, 0.15] },
    grid: true,
    marks: [
      Plot.ruleY([0], { stroke: 'var(--c-grid)' }),
      Plot.line(rows, { x: 'x', y: 'y', stroke: 'var(--c-purple)', strokeWidth: 2.5 }),
      Plot.dot(corners, { x: 'x', y: 'y', r: 5, fill: 'var(--c-purple)', stroke: 'var(--c-ink)' }),
      Plot.text([corners[0]], {
        x: 'x',
        y: 'y',
        text: () => `first ReLU bends${br}here (x = 0)`,
        textAnchor: 'start',
        dx: 8,
        dy: 10,
        fill: 'var(--c-ink)',
      }),
      Plot.text([corners[1]], {
        x: 'x',
        y: 'y',
        text: () => `second ReLU bends${br}here (x = 0.7/6)`,
        textAnchor: 'start',
        dx: 8,
        dy: 14,
        fill: 'var(--c-ink)',
      }),
    ],
  };
}
