/**
 * Figures for "The forward pass": the perceptron's blue and orange points with its decision
 * line, and the step function next to the sigmoid. Data come from the engine (seeded).
 */
import * as Plot from '@observablehq/plot';
import { bothLayouts, type FigurePlot } from './layout';
import { blueOrange, createRng, linspace, sigmoid } from '@lib';

/** The perceptron used in the text and the figure: blue when x₁w₁ + x₂w₂ + b > 0. */
export const PERCEPTRON = { w1: 1.0, w2: 1.5, b: -0.5 } as const;

/** Seeded blue/orange points (engine's blueOrange generator) and the perceptron's decision line. */
export function perceptronPoints(): FigurePlot {
  return bothLayouts(drawPerceptronPoints);
}

function drawPerceptronPoints(narrow: boolean): Plot.PlotOptions {
  const { w1, w2, b } = PERCEPTRON;
  const width = narrow ? 340 : 520;
  const height = narrow ? 380 : 460;
  // Plot's default right and bottom margins are 20 and 30
  const inner = { width: width - 48 - 20, height: height - 44 - 30 };
  const data = blueOrange(60, createRng(7), { weights: [w1, w2], bias: b, margin: 0.1 });
  const points = data.x.toArray().map(([x1, x2], i) => ({ x1, x2, blue: data.labels![i] === 1 }));
  // x₂ = −(w₁x₁ + b)/w₂, over the x₁ range where the line stays inside the square
  const line = Array.from(linspace(-1, 1, 2), (x1) => ({ x1, x2: -(w1 * x1 + b) / w2 }));
  return {
    width,
    height,
    marginTop: 44,
    x: { label: 'x₁', domain: [-1.05, 1.05] },
    y: { label: 'x₂', domain: [-1.05, 1.05] },
    grid: true,
    marks: [
      Plot.line(line, { x: 'x1', y: 'x2', stroke: 'var(--c-ink)', strokeWidth: 1.5, strokeDasharray: '6 4' }),
      Plot.dot(
        points.filter((p) => p.blue),
        { x: 'x1', y: 'x2', symbol: 'circle', r: 4.5, fill: 'var(--c-blue)', stroke: 'var(--c-blue)' },
      ),
      Plot.dot(
        points.filter((p) => !p.blue),
        { x: 'x1', y: 'x2', symbol: 'triangle', r: 5, fill: 'var(--c-orange)', stroke: 'var(--c-orange)' },
      ),
      // Direct labels in the top margin, where no point can hide them
      Plot.text([{ x1: 1.05, x2: 1.05, label: '● blue: weighted sum > 0' }], {
        x: 'x1',
        y: 'x2',
        text: 'label',
        textAnchor: 'end',
        dy: -26,
        fill: 'var(--c-blue)',
        fontWeight: 'bold',
      }),
      Plot.text([{ x1: 1.05, x2: 1.05, label: '▲ orange: weighted sum ≤ 0' }], {
        x: 'x1',
        y: 'x2',
        text: 'label',
        textAnchor: 'end',
        dy: -10,
        fill: 'var(--c-orange)',
        fontWeight: 'bold',
      }),
      Plot.text([{ x1: -0.75, x2: -(w1 * -0.75 + b) / w2, label: 'decision boundary' }], {
        x: 'x1',
        y: 'x2',
        text: 'label',
        fill: 'var(--c-ink)',
        dy: -10,
        // along the line: equal data ranges on both axes, drawn inner.width × inner.height px
        rotate: (Math.atan((w1 / w2) * (inner.height / inner.width)) * 180) / Math.PI,
      }),
    ],
  };
}

/** The perceptron's step function and the sigmoid of logistic regression, over z ∈ [−6, 6]. */
export function stepVsSigmoid(): FigurePlot {
  return bothLayouts(drawStepVsSigmoid);
}

function drawStepVsSigmoid(narrow: boolean): Plot.PlotOptions {
  const s = Array.from(linspace(-6, 6, 241), (z) => ({ z, f: sigmoid(z) }));
  const stepLine = [
    { z: -6, f: 0 },
    { z: 0, f: 0 },
    { z: 0, f: 1 },
    { z: 6, f: 1 },
  ];
  return {
    width: narrow ? 340 : 640,
    height: 280,
    x: { label: 'z (weighted sum)' },
    y: { label: 'f(z)', domain: [-0.1, 1.1] },
    grid: true,
    marks: [
      Plot.ruleY([0], { stroke: 'var(--c-grid)' }),
      Plot.line(stepLine, { x: 'z', y: 'f', stroke: 'var(--c-orange)', strokeWidth: 2.5, strokeDasharray: '7 4' }),
      Plot.line(s, { x: 'z', y: 'f', stroke: 'var(--c-blue)', strokeWidth: 2.5 }),
      Plot.text([{ z: 3.2, f: 1.04, label: 'step (perceptron)' }], {
        x: 'z',
        y: 'f',
        text: 'label',
        fill: 'var(--c-orange)',
        dy: -4,
      }),
      narrow
        ? // in the empty top left corner
          Plot.text([{ z: -6, f: 0.95, label: 'sigmoid (logistic\nregression)' }], {
            x: 'z',
            y: 'f',
            text: 'label',
            fill: 'var(--c-blue)',
            textAnchor: 'start',
            lineAnchor: 'top',
          })
        : Plot.text([{ z: 2.2, f: sigmoid(2.2), label: 'sigmoid (logistic regression)' }], {
            x: 'z',
            y: 'f',
            text: 'label',
            fill: 'var(--c-blue)',
            textAnchor: 'start',
            dx: 8,
            dy: 12,
          }),
    ],
  };
}
