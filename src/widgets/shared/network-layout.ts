/**
 * The pure part of NetworkDiagram: its data types, where the nodes go for a width and height, how
 * each edge is drawn for its weight, and the generated text description. No Preact here, so models
 * (e.g. forward-pass's highlight of the layer being computed) and tests use it without rendering.
 */
import { fmt } from '~/util/format';

export interface DiagramNode {
  /** Plain-text name, e.g. "x₁", "h₂", "ŷ" (no markup: it is also read out). */
  label: string;
  /** What the node holds now: a number (formatted with `digits`) or ready text; omit for none. */
  value?: number | string;
}

export interface DiagramLayer {
  /** First line of the column heading, e.g. "inputs". */
  title?: string;
  /** Second, lighter line, e.g. "f = ReLU". */
  subtitle?: string | undefined;
  nodes: readonly DiagramNode[];
}

/** A node: [layer, index], both zero-based. */
export type NodeRef = readonly [layer: number, index: number];
/** An edge from node `from` of layer `layer` to node `to` of layer `layer + 1`. */
export type EdgeRef = readonly [layer: number, from: number, to: number];

export interface DiagramHighlight {
  nodes?: readonly NodeRef[];
  edges?: readonly EdgeRef[];
}

/**
 * `weights[l][i][j]` joins node i of layer l to node j of layer l + 1 — the engine's layout of
 * W (n_in rows × n_out columns). A missing (or non-finite) entry draws no edge.
 */
export type DiagramWeights = readonly (readonly (readonly number[])[])[];

export interface Point {
  x: number;
  y: number;
}

export interface DiagramLayout {
  width: number;
  height: number;
  radius: number;
  /** positions[l][i]: centre of node i of layer l. */
  positions: Point[][];
  /** x of each column. */
  columns: number[];
  /** Baseline of the column headings' first line. */
  titleY: number;
}

const HEADING = 40; // room for two heading lines
const NAME = 16; // room for a node's name above it

/** Default height for these layer sizes: room for the headings and the largest column. */
export function defaultHeight(sizes: readonly number[]): number {
  const most = Math.max(1, ...sizes);
  return Math.round(HEADING + NAME + 8 + most * 78);
}

/** Node centres for layer sizes in a width×height box: columns evenly spread, each column centred. */
export function layoutDiagram(sizes: readonly number[], width: number, height: number): DiagramLayout {
  const most = Math.max(1, ...sizes);
  const top = HEADING + NAME;
  const usable = Math.max(1, height - top - 8);
  const slot = usable / most;
  const columnGap = sizes.length > 1 ? width / sizes.length : width;
  const radius = Math.max(9, Math.min(22, (slot - NAME) / 2 - 2, columnGap / 4));
  const side = radius + 4;
  const columns = sizes.map((_, l) =>
    sizes.length === 1 ? width / 2 : side + (l * (width - 2 * side)) / (sizes.length - 1),
  );
  const positions = sizes.map((n, l) => {
    const span = n * slot;
    const start = top + (usable - span) / 2 + slot / 2;
    return Array.from({ length: n }, (_, i) => ({ x: columns[l]!, y: start + i * slot + NAME / 2 }));
  });
  return { width, height, radius, positions, columns, titleY: 14 };
}

export interface EdgeStyle {
  sign: 'positive' | 'negative' | 'zero';
  /** Stroke width in px, 1 … 7. */
  width: number;
  color: string;
  /** SVG stroke-dasharray, or undefined for a solid line. */
  dash?: string;
}

/** How an edge of weight `w` is drawn when |w| = `scale` gets the thickest line. */
export function edgeStyle(w: number, scale: number): EdgeStyle {
  const s = scale > 0 && Number.isFinite(scale) ? scale : 1;
  const size = Math.min(1, Math.abs(w) / s);
  if (w === 0) return { sign: 'zero', width: 1, color: 'var(--c-muted)', dash: '1.5 4' };
  if (w > 0) return { sign: 'positive', width: 1 + 6 * size, color: 'var(--c-blue)' };
  return { sign: 'negative', width: 1 + 6 * size, color: 'var(--c-orange)', dash: '7 4' };
}

export function nodeValueText(value: number | string | undefined, digits: number): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return Number.isFinite(value) ? fmt(value, digits) : 'not a number';
}

/** The generated description: each layer's values, then every weight, in reading order. */
export function describeNetwork(
  layers: readonly DiagramLayer[],
  weights: DiagramWeights,
  digits = 2,
  weightDigits = 2,
): string {
  const parts: string[] = [];
  parts.push(`${layers.length} layers of ${layers.map((l) => l.nodes.length).join(', ')} nodes.`);
  layers.forEach((layer, l) => {
    const heading = [layer.title, layer.subtitle].filter(Boolean).join(', ') || `Layer ${l + 1}`;
    const values = layer.nodes.map((n) =>
      n.value === undefined ? n.label : `${n.label} = ${nodeValueText(n.value, digits)}`,
    );
    parts.push(`${heading}: ${values.join(', ')}.`);
  });
  const edges: string[] = [];
  forEachEdge(layers, weights, (l, i, j, w) =>
    edges.push(`${layers[l]!.nodes[i]!.label} to ${layers[l + 1]!.nodes[j]!.label} ${fmt(w, weightDigits)}`),
  );
  if (edges.length) parts.push(`Weights: ${edges.join('; ')}.`);
  return parts.join(' ');
}

export function forEachEdge(
  layers: readonly DiagramLayer[],
  weights: DiagramWeights,
  f: (l: number, i: number, j: number, w: number) => void,
) {
  for (let l = 0; l + 1 < layers.length; l++) {
    const W = weights[l];
    if (!W) continue;
    for (let i = 0; i < layers[l]!.nodes.length; i++) {
      for (let j = 0; j < layers[l + 1]!.nodes.length; j++) {
        const w = W[i]?.[j];
        if (w !== undefined && Number.isFinite(w)) f(l, i, j, w);
      }
    }
  }
}

/** The highlight for "layer `layer` is being computed": its nodes and the edges coming into it. */
export function layerHighlight(sizes: readonly number[], layer: number): DiagramHighlight {
  const nodes: NodeRef[] = [];
  const edges: EdgeRef[] = [];
  for (let i = 0; i < (sizes[layer] ?? 0); i++) nodes.push([layer, i]);
  if (layer > 0) {
    for (let i = 0; i < sizes[layer - 1]!; i++) for (let j = 0; j < sizes[layer]!; j++) edges.push([layer - 1, i, j]);
  }
  return { nodes, edges };
}

/** Whether a highlight marks anything (an empty one dims nothing). */
export function isActive(h: DiagramHighlight | undefined): h is DiagramHighlight {
  return !!h && ((h.nodes?.length ?? 0) > 0 || (h.edges?.length ?? 0) > 0);
}
