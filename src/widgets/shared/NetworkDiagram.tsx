/**
 * A network drawn as columns of nodes joined by weighted edges — the picture of the slides.
 * Any layer sizes. Each edge shows its weight three ways, never by colour alone: the line's
 * width grows with |w|, positive weights are solid blue, negative ones dashed orange, zero is a
 * thin dotted grey line; optionally the number itself sits on the edge. Nodes show their name
 * above and their current value inside. A highlight (some nodes and edges) dims everything else,
 * for "this layer is being computed now" in a forward or backward pass.
 *
 * The drawing is laid out in real pixels for the width it gets (text stays readable on a phone)
 * and is one `role="img"` with a short name and a generated description of every value and weight.
 */
import type { JSX } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
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
  subtitle?: string;
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

export interface NetworkDiagramProps {
  layers: readonly DiagramLayer[];
  /**
   * `weights[l][i][j]` joins node i of layer l to node j of layer l + 1 — the engine's layout of
   * W (n_in rows × n_out columns). A missing (or non-finite) entry draws no edge.
   */
  weights: readonly (readonly (readonly number[])[])[];
  /** Short accessible name, e.g. "The 3-2-1 network with its current values". */
  label: string;
  /** Longer text for screen readers; by default every node value and weight, generated. */
  description?: string;
  /** Write each weight on its edge (default true; turned off automatically above 40 edges). */
  showWeights?: boolean;
  /** Digits of node values (default 2). */
  digits?: number;
  /** Digits of weights on edges (default 2). */
  weightDigits?: number;
  /** |w| drawn with the thickest line; default the largest |w| in the drawing (at least 1). */
  weightScale?: number;
  /** Nodes and edges to emphasise; everything else is dimmed. Empty or absent: nothing dimmed. */
  highlight?: DiagramHighlight;
  /** Height in px; default from the largest layer. */
  height?: number;
  /** Widest drawing in px; it shrinks to its container (default 560). */
  maxWidth?: number;
  /** A one-line key under the drawing explaining line styles (default true). */
  legend?: boolean;
  /**
   * Start of the ids inside the drawing, e.g. "forward-pass-diagram". Preact's useId restarts in
   * every island, so two islands on one page would otherwise share ids; give each its own.
   */
  idPrefix?: string;
  class?: string;
}

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

function nodeValueText(value: number | string | undefined, digits: number): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return Number.isFinite(value) ? fmt(value, digits) : 'not a number';
}

/** The generated description: each layer's values, then every weight, in reading order. */
export function describeNetwork(
  layers: readonly DiagramLayer[],
  weights: NetworkDiagramProps['weights'],
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

function forEachEdge(
  layers: readonly DiagramLayer[],
  weights: NetworkDiagramProps['weights'],
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
function isActive(h: DiagramHighlight | undefined): h is DiagramHighlight {
  return !!h && ((h.nodes?.length ?? 0) > 0 || (h.edges?.length ?? 0) > 0);
}

export function NetworkDiagram({
  layers,
  weights,
  label,
  description,
  showWeights = true,
  digits = 2,
  weightDigits = 2,
  weightScale,
  highlight,
  height,
  maxWidth = 560,
  legend = true,
  idPrefix = 'network-diagram',
  class: className,
}: NetworkDiagramProps) {
  const id = `${idPrefix}${useId()}`;
  const host = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(maxWidth);

  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) setWidth(Math.min(maxWidth, Math.max(220, w)));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [maxWidth]);

  const sizes = layers.map((l) => l.nodes.length);
  const h = height ?? defaultHeight(sizes);
  const layout = layoutDiagram(sizes, width, h);
  const r = layout.radius;

  let scale = weightScale ?? 0;
  if (weightScale === undefined)
    forEachEdge(layers, weights, (_l, _i, _j, w) => (scale = Math.max(scale, Math.abs(w))));
  scale = Math.max(scale, weightScale === undefined ? 1 : 1e-9);

  const lit = isActive(highlight);
  // The fade between dimmed and lit is declared only while a highlight is on, and for the render
  // that turns it off (so the fade back runs too). A transition on every edge and label of a
  // diagram that never highlights cost chromium ~20 ms per redraw in layerization (playground,
  // 2-8-8-1: ~200 elements) without ever fading anything.
  const wasLit = useRef(false);
  const fade = lit || wasLit.current ? 'opacity 0.25s' : undefined;
  wasLit.current = lit;
  const nodeLit = new Set((highlight?.nodes ?? []).map(([l, i]) => `${l}:${i}`));
  const edgeLit = new Set((highlight?.edges ?? []).map(([l, i, j]) => `${l}:${i}:${j}`));

  const edges: JSX.Element[] = [];
  const edgeLabels: JSX.Element[] = [];
  let edgeCount = 0;
  forEachEdge(layers, weights, () => edgeCount++);
  const labelled = showWeights && edgeCount <= 40;
  forEachEdge(layers, weights, (l, i, j, w) => {
    const a = layout.positions[l]![i]!;
    const b = layout.positions[l + 1]![j]!;
    const style = edgeStyle(w, scale);
    const on = !lit || edgeLit.has(`${l}:${i}:${j}`);
    // Start and end on the circles' rims, so thick lines never cover the values inside.
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    edges.push(
      <line
        key={`e${l}-${i}-${j}`}
        data-edge={`${l}-${i}-${j}`}
        data-sign={style.sign}
        data-lit={lit && on ? '' : undefined}
        x1={a.x + ux * r}
        y1={a.y + uy * r}
        x2={b.x - ux * (r + 2)}
        y2={b.y - uy * (r + 2)}
        style={{
          stroke: style.color,
          strokeWidth: style.width,
          strokeDasharray: style.dash,
          strokeLinecap: style.dash ? 'butt' : 'round',
          opacity: on ? 1 : 0.18,
          transition: fade,
        }}
      />,
    );
    if (labelled) {
      // Near the source, where the edges of one node fan apart, so labels rarely collide.
      const t = 0.3;
      const x = a.x + ux * r + (dx - ux * (2 * r)) * t;
      const y = a.y + uy * r + (dy - uy * (2 * r)) * t;
      const text = fmt(w, weightDigits);
      const boxWidth = text.length * 7 + 6;
      edgeLabels.push(
        <g key={`w${l}-${i}-${j}`} data-weight={`${l}-${i}-${j}`} style={{ opacity: on ? 1 : 0.25, transition: fade }}>
          {/* A plate under the number, so the line behind it does not cross the digits. */}
          <rect
            x={x - boxWidth / 2}
            y={y - 8}
            width={boxWidth}
            height={16}
            rx={3}
            style={{ fill: 'var(--bg)', fillOpacity: 0.9 }}
          />
          <text
            x={x}
            y={y}
            dy="0.35em"
            text-anchor="middle"
            style={{ fill: 'var(--c-ink)', fontSize: '12px', fontVariantNumeric: 'tabular-nums' }}
          >
            {text}
          </text>
        </g>,
      );
    }
  });

  const anchorOf = (l: number) =>
    layers.length === 1 ? 'middle' : l === 0 ? 'start' : l === layers.length - 1 ? 'end' : 'middle';
  const titleX = (l: number) => {
    const anchor = anchorOf(l);
    const x = layout.columns[l]!;
    return anchor === 'start' ? Math.max(0, x - r - 4) : anchor === 'end' ? Math.min(width, x + r + 4) : x;
  };

  return (
    <div class={`network-diagram ${className ?? ''}`} ref={host}>
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        width={width}
        height={h}
        viewBox={`0 0 ${width} ${h}`}
        // The box is the column's width (at most the drawing's) by the drawing's full height, the
        // same before the widget is alive (drawn for `maxWidth`, scaled into the box) as after (drawn
        // for the measured width): nothing below it moves when it comes alive on a phone.
        style={{
          display: 'block',
          width: '100%',
          maxWidth: `${width}px`,
          height: `${h}px`,
          overflow: 'visible',
          fontFamily: 'inherit',
        }}
      >
        <title id={`${id}-title`}>{label}</title>
        <desc id={`${id}-desc`}>{description ?? describeNetwork(layers, weights, digits, weightDigits)}</desc>
        {layers.map((layer, l) => (
          <text
            key={`t${l}`}
            x={titleX(l)}
            y={layout.titleY}
            text-anchor={anchorOf(l)}
            style={{ fill: 'var(--c-ink)', fontSize: '13px', fontWeight: 600 }}
          >
            {layer.title}
            {layer.subtitle && (
              <tspan x={titleX(l)} dy="1.3em" style={{ fill: 'var(--c-muted)', fontWeight: 400 }}>
                {layer.subtitle}
              </tspan>
            )}
          </text>
        ))}
        <g>{edges}</g>
        <g>{edgeLabels}</g>
        {layers.map((layer, l) =>
          layer.nodes.map((node, i) => {
            const p = layout.positions[l]![i]!;
            const on = !lit || nodeLit.has(`${l}:${i}`);
            const strong = lit && on;
            const text = nodeValueText(node.value, digits);
            return (
              <g
                key={`n${l}-${i}`}
                data-node={`${l}-${i}`}
                data-lit={strong ? '' : undefined}
                style={{ opacity: on ? 1 : 0.35, transition: fade }}
              >
                <circle
                  cx={p.x}
                  cy={p.y}
                  r={r}
                  style={{
                    fill: strong ? 'color-mix(in srgb, var(--c-purple) 14%, var(--bg))' : 'var(--bg)',
                    stroke: strong ? 'var(--c-purple)' : 'var(--c-ink)',
                    strokeWidth: strong ? 3 : 1.5,
                  }}
                />
                <text
                  x={p.x}
                  y={p.y - r - 5}
                  text-anchor="middle"
                  style={{ fill: 'var(--c-muted)', fontSize: '13px', fontStyle: 'italic' }}
                >
                  {node.label}
                </text>
                {text && (
                  <text
                    data-value={`${l}-${i}`}
                    x={p.x}
                    y={p.y}
                    dy="0.35em"
                    text-anchor="middle"
                    style={{
                      fill: 'var(--c-ink)',
                      fontSize: text.length > 5 ? '11px' : '12px',
                      fontWeight: 600,
                      fontVariantNumeric: 'tabular-nums',
                    }}
                  >
                    {text}
                  </text>
                )}
              </g>
            );
          }),
        )}
      </svg>
      {legend && (
        <p
          class="network-diagram__legend"
          style={{ margin: '0.25rem 0 0', fontSize: '0.85rem', color: 'var(--c-muted)', lineHeight: 1.6 }}
        >
          <LegendLine style={edgeStyle(1, 1)} /> positive weight, <LegendLine style={edgeStyle(-1, 1)} /> negative,{' '}
          <LegendLine style={edgeStyle(0, 1)} /> zero; a thicker line is a larger |w|.
        </p>
      )}
    </div>
  );
}

/** A short sample of an edge's line style for the legend. */
function LegendLine({ style }: { style: EdgeStyle }) {
  return (
    <svg
      width="28"
      height="10"
      aria-hidden="true"
      focusable="false"
      style={{ verticalAlign: 'middle', overflow: 'visible' }}
    >
      <line
        x1="1"
        y1="5"
        x2="27"
        y2="5"
        style={{
          stroke: style.color,
          strokeWidth: Math.min(style.width, 4),
          strokeDasharray: style.dash,
          strokeLinecap: style.dash ? 'butt' : 'round',
        }}
      />
    </svg>
  );
}
