/**
 * Everything the forward-pass widget shows, derived from its state with the engine (lib/): the
 * slides' 3-2-1 network without biases as `Network.fromParameters`, its forward pass
 * (z¹₁, z¹₂, h₁, h₂, z_ŷ, ŷ), the filled-in equations, and the data of the network diagram.
 */
import { Matrix, Network, type ActivationName } from '@lib';
import { fmtTex, fmt } from '~/util/format';
import { layerHighlight, type DiagramHighlight, type DiagramLayer } from '../shared/NetworkDiagram';
import { hiddenOf, outputOf, type ForwardPassState, type HiddenActivation, type OutputActivation } from './state';

export const SIZES = [3, 2, 1] as const;

/** w¹ᵢⱼ from the state: input i (0–2) to hidden neuron j (0–1). */
export const w1 = (s: ForwardPassState, i: number, j: number): number => s.w1[i * 2 + j]!;
/** w²ⱼy: hidden neuron j (0–1) to the output. */
export const w2 = (s: ForwardPassState, j: number): number => s.w2[j]!;

/** The first layer's W¹ (3×2) and the second's W² (2×1), in the engine's layout. */
export function weightMatrices(s: ForwardPassState): { W1: number[][]; W2: number[][] } {
  return {
    W1: [0, 1, 2].map((i) => [w1(s, i, 0), w1(s, i, 1)]),
    W2: [[w2(s, 0)], [w2(s, 1)]],
  };
}

/** The network the widget runs: no biases (as on the slide), f after the hidden layer, g after the output. */
export function networkOf(s: ForwardPassState): Network {
  const { W1, W2 } = weightMatrices(s);
  return Network.fromParameters([
    { weights: W1, biases: [0, 0], activation: s.f as ActivationName },
    { weights: W2, biases: [0], activation: s.g as ActivationName },
  ]);
}

export interface ForwardValues {
  /** z¹₁, z¹₂: the hidden neurons' weighted sums. */
  z: [number, number];
  /** h₁ = f(z¹₁), h₂ = f(z¹₂). */
  h: [number, number];
  /** z_ŷ = w²₁y h₁ + w²₂y h₂. */
  zy: number;
  /** ŷ = g(z_ŷ). */
  yhat: number;
  /** False if any value is not a finite number (cannot happen within the bounds, but never drawn as NaN). */
  finite: boolean;
}

/** One forward pass of x through the network, with every intermediate value. */
export function forward(s: ForwardPassState): ForwardValues {
  const net = networkOf(s);
  const yhat = net.forward(Matrix.row(s.x)).get(0, 0);
  const z = net.layers[0]!.output;
  const h = net.activations[0]!.output;
  const values: ForwardValues = {
    z: [z.get(0, 0), z.get(0, 1)],
    h: [h.get(0, 0), h.get(0, 1)],
    zy: net.layers[1]!.output.get(0, 0),
    yhat,
    finite: true,
  };
  values.finite = [...values.z, ...values.h, values.zy, values.yhat].every(Number.isFinite);
  return values;
}

/** How each activation is named and defined, in words and in KaTeX. */
export const ACTIVATIONS: Record<
  HiddenActivation | OutputActivation,
  { label: string; apply: (arg: string) => string; definition: string }
> = {
  linear: { label: 'Linear', apply: (a) => a, definition: '(z) = z' },
  sigmoid: { label: 'Sigmoid', apply: (a) => `\\sigma(${a})`, definition: '(z) = \\sigma(z) = \\frac{1}{1 + e^{-z}}' },
  tanh: {
    label: 'tanh',
    apply: (a) => `\\tanh(${a})`,
    definition: '(z) = \\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}',
  },
  relu: {
    label: 'ReLU',
    apply: (a) => `\\operatorname{ReLU}(${a})`,
    definition: '(z) = \\operatorname{ReLU}(z) = \\max(0, z)',
  },
  step: {
    label: 'Step',
    apply: (a) => `\\operatorname{step}(${a})`,
    definition: '(z) = \\begin{cases} 1 & z > 0 \\\\ 0 & \\text{otherwise} \\end{cases}',
  },
};

/** KaTeX of the definition, e.g. f(z) = max(0, z). */
export function definitionTex(symbol: 'f' | 'g', name: HiddenActivation | OutputActivation): string {
  return `${symbol}${ACTIVATIONS[name].definition}`;
}

const IN = 2; // digits of inputs and weights (their step is 0.05)
const MID = 3; // digits of z and h
const OUT = 4; // digits of ŷ

/** A number as a factor in KaTeX: negatives in parentheses. */
function factor(v: number, digits: number): string {
  if (!Number.isFinite(v)) return value(v, digits);
  const t = fmtTex(v, digits);
  return t.startsWith('-') ? `(${t})` : t;
}

/** A value that is not a finite number is said so, never printed as NaN. */
function value(v: number, digits: number): string {
  return Number.isFinite(v) ? fmtTex(v, digits) : '\\text{not a finite number}';
}

export interface EquationBlock {
  /** 1 = the hidden layer, 2 = the output (the diagram's layer index). */
  layer: 1 | 2;
  tex: string;
}

/**
 * The slides' equations with the current numbers: one block per neuron (its weighted sum in
 * symbols, with the numbers, its value; then its activation). Lines are kept short enough for a
 * phone: the three products of a hidden neuron take two lines.
 */
export function equations(s: ForwardPassState, v: ForwardValues): EquationBlock[] {
  const hidden = (j: 0 | 1): EquationBlock => {
    const n = j + 1;
    const symbols = [0, 1, 2].map((i) => `w^{1}_{${i + 1}${n}} x_{${i + 1}}`).join(' + ');
    const products = [0, 1, 2].map((i) => `${factor(w1(s, i, j), IN)} \\cdot ${factor(s.x[i]!, IN)}`);
    const act = s.f === 'linear' ? `z^{1}_{${n}}` : ACTIVATIONS[hiddenOf(s)].apply(value(v.z[j], MID));
    return {
      layer: 1,
      tex:
        `\\begin{aligned} z^{1}_{${n}} &= ${symbols} \\\\ ` +
        `&= ${products[0]} + ${products[1]} \\\\ &\\phantom{=} {} + ${products[2]} \\\\ &= ${value(v.z[j], MID)} \\\\ ` +
        `h_{${n}} &= f(z^{1}_{${n}}) = ${act} = ${value(v.h[j], MID)} \\end{aligned}`,
    };
  };
  const act = s.g === 'linear' ? 'z_{\\hat{y}}' : ACTIVATIONS[outputOf(s)].apply(value(v.zy, MID));
  const output: EquationBlock = {
    layer: 2,
    tex:
      `\\begin{aligned} z_{\\hat{y}} &= w^{2}_{1y} h_{1} + w^{2}_{2y} h_{2} \\\\ ` +
      `&= ${factor(w2(s, 0), IN)} \\cdot ${factor(v.h[0], MID)} + ${factor(w2(s, 1), IN)} \\cdot ${factor(v.h[1], MID)} \\\\ &= ${value(v.zy, MID)} \\\\ ` +
      `\\hat{y} &= g(z_{\\hat{y}}) = ${act} = ${value(v.yhat, OUT)} \\end{aligned}`,
  };
  return [hidden(0), hidden(1), output];
}

/** The diagram's columns: inputs, hidden (f), output (g), each node with its current value. */
export function diagramLayers(s: ForwardPassState, v: ForwardValues): DiagramLayer[] {
  return [
    { title: 'inputs', nodes: s.x.map((x, i) => ({ label: `x${'₁₂₃'[i]}`, value: x })) },
    {
      title: 'hidden',
      subtitle: `f = ${ACTIVATIONS[hiddenOf(s)].label}`,
      nodes: v.h.map((h, j) => ({ label: `h${'₁₂'[j]}`, value: h })),
    },
    { title: 'output', subtitle: `g = ${ACTIVATIONS[outputOf(s)].label}`, nodes: [{ label: 'ŷ', value: v.yhat }] },
  ];
}

/** The diagram's edges: W¹ then W², in the engine's layout. */
export function diagramWeights(s: ForwardPassState): number[][][] {
  const { W1, W2 } = weightMatrices(s);
  return [W1, W2];
}

/** The stages of "animate the flow": the inputs, then the hidden layer, then the output. */
export const STAGES = 3;

export function stageHighlight(stage: number | null): DiagramHighlight | undefined {
  return stage === null ? undefined : layerHighlight(SIZES, stage);
}

export function stageText(stage: number | null, s: ForwardPassState, v: ForwardValues): string {
  switch (stage) {
    case 0:
      return `Step 1 of 3: the inputs x₁ = ${fmt(s.x[0]!, IN)}, x₂ = ${fmt(s.x[1]!, IN)}, x₃ = ${fmt(s.x[2]!, IN)} enter the network.`;
    case 1:
      return `Step 2 of 3: each hidden neuron weighs the inputs and applies f (${ACTIVATIONS[hiddenOf(s)].label}): h₁ = ${fmt(v.h[0], MID)}, h₂ = ${fmt(v.h[1], MID)}.`;
    case 2:
      return `Step 3 of 3: the output neuron weighs h₁ and h₂ and applies g (${ACTIVATIONS[outputOf(s)].label}): ŷ = ${fmt(v.yhat, OUT)}.`;
    default:
      return '';
  }
}

/** The key result in words, for the live region and the readout. */
export function resultText(v: ForwardValues): string {
  return v.finite ? `ŷ = ${fmt(v.yhat, OUT)}` : 'ŷ is not a finite number';
}
