/**
 * Everything the backprop stepper shows, from the engine (lib/): the lecture's 3-2-1 network without
 * biases, one training step recorded by `traceStep` (forward values, the seven backprop steps and
 * the update), the gradient check of every weight by `gradientCheck`, the forward pass after the
 * update, and for each of the eleven steps its title, filled-in equation and diagram highlight.
 */
import {
  Matrix,
  Network,
  gradientCheck,
  linearDerivative,
  reluDerivative,
  sigmoidDerivative,
  tanhDerivative,
  traceStep,
  type ActivationName,
  type StepTrace,
} from '@lib';
import { fmt, fmtTex } from '~/util/format';
import type { DiagramHighlight, DiagramLayer, EdgeRef, NodeRef } from '../shared/NetworkDiagram';
import type { BackpropStepperState, Hidden, LossChoice, Output } from './state';

/** What the computation depends on: everything but the step being shown. */
export type BackpropSetup = Omit<BackpropStepperState, 'step'>;

/** The lecture's worked example (forward pass and backward pass parts): x, W¹ (3×2), W² (2×1). */
export const X = [1, 0.5, -1];
export const W1 = [
  [0.2, -0.4],
  [0.7, 0.1],
  [-0.3, 0.5],
];
export const W2 = [[1.5], [-0.8]];
export const SIZES = [3, 2, 1, 1] as const;
export const TOTAL_STEPS = 11;

const hiddenOf = (s: BackpropSetup) => s.f as Hidden;
const outputOf = (s: BackpropSetup) => s.g as Output;
const lossOf = (s: BackpropSetup) => s.loss as LossChoice;

/** The network with the lecture's weights and zero, frozen biases (the slide's network has none). */
export function makeNetwork(s: BackpropSetup, weights: { W1: number[][]; W2: number[][] } = { W1, W2 }): Network {
  const net = Network.fromParameters([
    { weights: weights.W1, biases: [0, 0], activation: hiddenOf(s) as ActivationName },
    { weights: weights.W2, biases: [0], activation: outputOf(s) as ActivationName },
  ]);
  for (const layer of net.layers) layer.trainBiases = false;
  return net;
}

export interface CheckRow {
  /** Plain-text name, e.g. "w¹₁₂". */
  name: string;
  /** KaTeX name. */
  tex: string;
  /** Backprop step that computes it (3 or 6). */
  step: number;
  analytic: number;
  numeric: number;
  relError: number;
}

export interface Backprop {
  trace: StepTrace;
  /** z_{h_j}, h_j, z_ŷ, ŷ. */
  zh: [number, number];
  h: [number, number];
  zy: number;
  yhat: number;
  loss: number;
  /** Steps 1–6. */
  dYhat: number;
  dZy: number;
  dW2: [number, number];
  dH: [number, number];
  dZh: [number, number];
  /** dW1[i][j] = ∂E/∂w¹_{(i+1)(j+1)}. */
  dW1: number[][];
  /** g′(z_ŷ) and f′(z_{h_j}), the activation derivatives used in steps 2 and 5. */
  gPrime: number;
  fPrime: [number, number];
  /** Step 7: the updated weights, and ŷ and E with them. */
  W1new: number[][];
  W2new: number[][];
  yhatAfter: number;
  lossAfter: number;
  checks: CheckRow[];
  maxRelError: number;
  finite: boolean;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const sub = (n: number) => String(n).replace(/\d/g, (d) => SUB[Number(d)]!);

export function derivative(name: Hidden | Output, z: number): number {
  switch (name) {
    case 'relu':
      return reluDerivative(z);
    case 'sigmoid':
      return sigmoidDerivative(z);
    case 'tanh':
      return tanhDerivative(z);
    default:
      return linearDerivative(z);
  }
}

export function backprop(s: BackpropSetup): Backprop {
  const x = Matrix.row(X);
  const y = Matrix.from([[s.y]]);
  const loss = lossOf(s);
  const trace = traceStep(makeNetwork(s), x, y, { loss, learningRate: s.alpha });
  const [l1, l2] = trace.forward as [StepTrace['forward'][number], StepTrace['forward'][number]];
  const [b2, b1] = trace.backward as [StepTrace['backward'][number], StepTrace['backward'][number]];
  const zh: [number, number] = [l1.z[0]![0]!, l1.z[0]![1]!];
  const zy = l2.z[0]![0]!;

  const after = makeNetwork(s, { W1: trace.updated[0]!.weights, W2: trace.updated[1]!.weights });
  const yhatAfter = after.predict(x).get(0, 0);
  const lossAfter = traceStep(after, x, y, { loss, learningRate: s.alpha }).loss;

  const check = gradientCheck(makeNetwork(s), x, y, loss);
  const checks: CheckRow[] = check.entries
    .filter((e) => e.parameter === 'weights')
    .map((e) => {
      const name = e.layer === 0 ? `w¹${sub(e.row + 1)}${sub(e.col + 1)}` : `w²${sub(e.row + 1)}y`;
      const tex = e.layer === 0 ? `w^{1}_{${e.row + 1}${e.col + 1}}` : `w^{2}_{${e.row + 1}y}`;
      return {
        name,
        tex,
        step: e.layer === 0 ? 6 : 3,
        analytic: e.analytic,
        numeric: e.numeric,
        relError: e.relativeError,
      };
    })
    // The order of the backward pass: the output weights (step 3) first.
    .sort((a, b) => a.step - b.step);
  const maxRelError = Math.max(...checks.map((c) => c.relError));

  const result: Backprop = {
    trace,
    zh,
    h: [l1.h[0]![0]!, l1.h[0]![1]!],
    zy,
    yhat: trace.prediction[0]![0]!,
    loss: trace.loss,
    dYhat: trace.dPrediction[0]![0]!,
    dZy: b2.dz[0]![0]!,
    dW2: [b2.dweights[0]![0]!, b2.dweights[1]![0]!],
    dH: [b2.dinputs[0]![0]!, b2.dinputs[0]![1]!],
    dZh: [b1.dz[0]![0]!, b1.dz[0]![1]!],
    dW1: b1.dweights,
    gPrime: derivative(outputOf(s), zy),
    fPrime: [derivative(hiddenOf(s), zh[0]), derivative(hiddenOf(s), zh[1])],
    W1new: trace.updated[0]!.weights,
    W2new: trace.updated[1]!.weights,
    yhatAfter,
    lossAfter,
    checks,
    maxRelError,
    finite: true,
  };
  result.finite = [result.loss, result.lossAfter, result.yhatAfter, ...result.dW1.flat(), ...result.dW2].every(
    Number.isFinite,
  );
  return result;
}

const LABELS: Record<Hidden | Output, string> = { relu: 'ReLU', sigmoid: 'Sigmoid', tanh: 'tanh', linear: 'Linear' };
const APPLY: Record<Hidden | Output, (a: string) => string> = {
  relu: (a) => `\\operatorname{ReLU}(${a})`,
  sigmoid: (a) => `\\sigma(${a})`,
  tanh: (a) => `\\tanh(${a})`,
  linear: (a) => a,
};
/** f′ in terms of the stored values, KaTeX. */
const PRIME: Record<Hidden | Output, (z: string, out: string) => string> = {
  relu: (z) => `\\mathbf{1}(${z} > 0)`,
  sigmoid: (_z, out) => `${out}(1 - ${out})`,
  tanh: (_z, out) => `1 - ${out}^2`,
  linear: () => '1',
};

/** A number as a factor: negatives in parentheses. */
const f = (v: number, digits = 4) => (v < 0 ? `(${fmtTex(v, digits)})` : fmtTex(v, digits));
const v = (x: number, digits = 4) => fmtTex(x, digits);

export interface StepView {
  /** "Forward" or "Backprop step 3". */
  phase: 'forward' | 'backward';
  title: string;
  /** One sentence for the reader (and the live region). */
  text: string;
  tex: string;
  highlight: DiagramHighlight;
}

const all = (layer: number, n: number): NodeRef[] => Array.from({ length: n }, (_, i) => [layer, i] as const);
const edgesInto = (layer: number): EdgeRef[] => {
  const out: EdgeRef[] = [];
  for (let i = 0; i < SIZES[layer - 1]!; i++) for (let j = 0; j < SIZES[layer]!; j++) out.push([layer - 1, i, j]);
  return out;
};

/** The eleven steps: four of the forward pass (inputs, hidden, output, loss), then backprop's seven. */
export function steps(s: BackpropSetup, b: Backprop): StepView[] {
  const fh = hiddenOf(s);
  const go = outputOf(s);
  const bce = lossOf(s) === 'bce';
  const y = v(s.y, 2);
  const hidden = (j: 0 | 1) =>
    `z_{h_${j + 1}} &= ${X.map((xi, i) => `${f(W1[i]![j]!, 1)} \\cdot ${f(xi, 1)}`).join(' + ')} = ${v(b.zh[j])}, \\quad h_${j + 1} = ${APPLY[fh](v(b.zh[j]))} = ${v(b.h[j])}`;
  const lossTex = bce
    ? `E = -\\left[y \\log \\hat{y} + (1 - y) \\log(1 - \\hat{y})\\right] = -\\left[${y} \\log ${v(b.yhat)} + ${v(1 - s.y, 2)} \\log ${v(1 - b.yhat)}\\right] = ${v(b.loss)}`
    : `E = (\\hat{y} - y)^2 = (${v(b.yhat)} - ${y})^2 = ${v(b.loss)}`;
  const step1 = bce
    ? `\\frac{\\partial E}{\\partial \\hat{y}} = -\\frac{y}{\\hat{y}} + \\frac{1 - y}{1 - \\hat{y}} = -\\frac{${y}}{${v(b.yhat)}} + \\frac{${v(1 - s.y, 2)}}{${v(1 - b.yhat)}} = ${v(b.dYhat)}`
    : `\\frac{\\partial E}{\\partial \\hat{y}} = 2(\\hat{y} - y) = 2(${v(b.yhat)} - ${y}) = ${v(b.dYhat)}`;
  const W1m = (m: number[][]) =>
    `\\begin{bmatrix} ${m.map((r) => r.map((x) => v(x)).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
  const out = { node: [2, 0] as NodeRef, loss: [3, 0] as NodeRef };
  return [
    {
      phase: 'forward',
      title: 'Forward 1 of 4: the inputs',
      text: `The inputs x₁ = ${fmt(X[0]!, 1)}, x₂ = ${fmt(X[1]!, 1)}, x₃ = ${fmt(X[2]!, 1)} enter the network; the target is y = ${fmt(s.y, 2)}.`,
      tex: `x = (${X.map((x) => v(x, 1)).join(', ')}), \\qquad y = ${y}`,
      highlight: { nodes: all(0, 3) },
    },
    {
      phase: 'forward',
      title: 'Forward 2 of 4: the hidden layer',
      text: `Each hidden neuron weighs the inputs and applies f = ${LABELS[fh]}: h₁ = ${fmt(b.h[0], 4)}, h₂ = ${fmt(b.h[1], 4)}.`,
      tex: `\\begin{aligned} ${hidden(0)} \\\\ ${hidden(1)} \\end{aligned}`,
      highlight: { nodes: all(1, 2), edges: edgesInto(1) },
    },
    {
      phase: 'forward',
      title: 'Forward 3 of 4: the output',
      text: `The output neuron weighs h₁ and h₂ and applies g = ${LABELS[go]}: ŷ = ${fmt(b.yhat, 4)}.`,
      tex: `\\begin{aligned} z_{\\hat{y}} &= ${f(W2[0]![0]!, 1)} \\cdot ${f(b.h[0])} + ${f(W2[1]![0]!, 1)} \\cdot ${f(b.h[1])} = ${v(b.zy)} \\\\ \\hat{y} &= g(z_{\\hat{y}}) = ${APPLY[go](v(b.zy))} = ${v(b.yhat)} \\end{aligned}`,
      highlight: { nodes: [out.node], edges: edgesInto(2) },
    },
    {
      phase: 'forward',
      title: 'Forward 4 of 4: the loss',
      text: `The ${bce ? 'binary cross-entropy' : 'squared error'} of ŷ = ${fmt(b.yhat, 4)} against y = ${fmt(s.y, 2)} is E = ${fmt(b.loss, 4)}.`,
      tex: lossTex,
      highlight: { nodes: [out.node, out.loss] },
    },
    {
      phase: 'backward',
      title: 'Backprop step 1 of 7: ∂E/∂ŷ, the output node',
      text: `How the loss changes with the prediction: ∂E/∂ŷ = ${fmt(b.dYhat, 4)}. It depends only on the loss function.`,
      tex: step1,
      highlight: { nodes: [out.node, out.loss] },
    },
    {
      phase: 'backward',
      title: 'Backprop step 2 of 7: ∂E/∂z_ŷ, through the output activation',
      text: `Multiply by g′(z_ŷ) = ${fmt(b.gPrime, 4)}: ∂E/∂z_ŷ = ${fmt(b.dZy, 4)}.`,
      tex: `\\frac{\\partial E}{\\partial z_{\\hat{y}}} = \\frac{\\partial E}{\\partial \\hat{y}} \\, g'(z_{\\hat{y}}) = ${f(b.dYhat)} \\cdot ${PRIME[go](v(b.zy), v(b.yhat))}${go === 'linear' ? '' : ` = ${f(b.dYhat)} \\cdot ${v(b.gPrime)}`} = ${v(b.dZy)}`,
      highlight: { nodes: [out.node] },
    },
    {
      phase: 'backward',
      title: 'Backprop step 3 of 7: ∂E/∂w², the output weights',
      text: `Multiply by what each weight was multiplied with, h₁ and h₂: ∂E/∂w²₁ᵧ = ${fmt(b.dW2[0], 4)}, ∂E/∂w²₂ᵧ = ${fmt(b.dW2[1], 4)}.`,
      tex: `\\begin{aligned} ${[0, 1].map((j) => `\\frac{\\partial E}{\\partial w^{2}_{${j + 1}y}} &= \\frac{\\partial E}{\\partial z_{\\hat{y}}} \\, h_${j + 1} = ${f(b.dZy)} \\cdot ${f(b.h[j]!)} = ${v(b.dW2[j]!)}`).join(' \\\\ ')} \\end{aligned}`,
      highlight: { nodes: [...all(1, 2), out.node], edges: edgesInto(2) },
    },
    {
      phase: 'backward',
      title: 'Backprop step 4 of 7: ∂E/∂h, back across the output weights',
      text: `Multiply by the weights themselves: ∂E/∂h₁ = ${fmt(b.dH[0], 4)}, ∂E/∂h₂ = ${fmt(b.dH[1], 4)}.`,
      tex: `\\begin{aligned} ${[0, 1].map((j) => `\\frac{\\partial E}{\\partial h_${j + 1}} &= \\frac{\\partial E}{\\partial z_{\\hat{y}}} \\, w^{2}_{${j + 1}y} = ${f(b.dZy)} \\cdot ${f(W2[j]![0]!, 1)} = ${v(b.dH[j]!)}`).join(' \\\\ ')} \\end{aligned}`,
      highlight: { nodes: all(1, 2), edges: edgesInto(2) },
    },
    {
      phase: 'backward',
      title: 'Backprop step 5 of 7: ∂E/∂z_h, through the hidden activation',
      text: `Multiply by f′(z_h) = ${fmt(b.fPrime[0], 4)} and ${fmt(b.fPrime[1], 4)}: ∂E/∂z_h₁ = ${fmt(b.dZh[0], 4)}, ∂E/∂z_h₂ = ${fmt(b.dZh[1], 4)}.`,
      tex: `\\begin{aligned} ${[0, 1].map((j) => `\\frac{\\partial E}{\\partial z_{h_${j + 1}}} &= \\frac{\\partial E}{\\partial h_${j + 1}} \\, f'(z_{h_${j + 1}}) = ${f(b.dH[j]!)} \\cdot ${v(b.fPrime[j]!)} = ${v(b.dZh[j]!)}`).join(' \\\\ ')} \\end{aligned}`,
      highlight: { nodes: all(1, 2) },
    },
    {
      phase: 'backward',
      title: 'Backprop step 6 of 7: ∂E/∂w¹, the first-layer weights',
      text: `Multiply each ∂E/∂z_h by the input its weight carried: six gradients, ∂E/∂w¹ᵢⱼ = ∂E/∂z_hⱼ · xᵢ.`,
      tex: `\\frac{\\partial E}{\\partial W^{1}} = x^{\\top} \\frac{\\partial E}{\\partial z_h} = \\begin{bmatrix} ${X.map((xi) => v(xi, 1)).join(' \\\\ ')} \\end{bmatrix} \\begin{bmatrix} ${v(b.dZh[0])} & ${v(b.dZh[1])} \\end{bmatrix} = ${W1m(b.dW1)}`,
      highlight: { nodes: [...all(0, 3), ...all(1, 2)], edges: edgesInto(1) },
    },
    {
      phase: 'backward',
      title: 'Backprop step 7 of 7: update every weight',
      text: `Each weight takes a step of α = ${fmt(s.alpha, 2)} times its gradient, downhill. With the new weights ŷ = ${fmt(b.yhatAfter, 4)} and E = ${fmt(b.lossAfter, 4)} (was ${fmt(b.loss, 4)}).`,
      tex:
        `\\begin{aligned} W^{t+1} &= W^{t} - \\alpha \\frac{\\partial E}{\\partial W}, \\quad \\alpha = ${v(s.alpha, 2)} \\\\ ` +
        `w^{2}_{1y} &= ${v(W2[0]![0]!, 2)} - ${v(s.alpha, 2)} \\cdot ${f(b.dW2[0])} = ${v(b.W2new[0]![0]!)} \\\\ ` +
        `W^{1} &\\leftarrow ${W1m(b.W1new)} \\\\ W^{2} &\\leftarrow ${W1m(b.W2new)} \\end{aligned}`,
      highlight: { nodes: [], edges: [...edgesInto(1), ...edgesInto(2)] },
    },
  ];
}

/** The diagram: inputs, hidden (f), output (g), and the loss E as a fourth column (no edge into it). */
export function diagramLayers(s: BackpropSetup, b: Backprop): DiagramLayer[] {
  return [
    { title: 'inputs', nodes: X.map((x, i) => ({ label: `x${sub(i + 1)}`, value: x })) },
    {
      title: 'hidden',
      subtitle: `f = ${LABELS[hiddenOf(s)]}`,
      nodes: b.h.map((h, j) => ({ label: `h${sub(j + 1)}`, value: h })),
    },
    { title: 'output', subtitle: `g = ${LABELS[outputOf(s)]}`, nodes: [{ label: 'ŷ', value: b.yhat }] },
    { title: 'loss', subtitle: lossOf(s) === 'bce' ? 'BCE' : 'squared', nodes: [{ label: 'E', value: b.loss }] },
  ];
}

/** The edges: the weights before the update, or after it once step 7 is shown. */
export function diagramWeights(b: Backprop, updated: boolean): number[][][] {
  return updated ? [b.W1new, b.W2new] : [W1, W2];
}
