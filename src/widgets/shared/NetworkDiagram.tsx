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
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { fmt } from '~/util/format';
import { DiagramLegend } from './DiagramLegend';
import { NodeMark } from './NodeMark';
import {
  defaultHeight,
  describeNetwork,
  edgeStyle,
  forEachEdge,
  isActive,
  layoutDiagram,
  type DiagramHighlight,
  type DiagramLayer,
  type DiagramWeights,
} from './network-layout';

// The pure part (types, layout, edge styles, description) lives in network-layout.ts; widgets and
// tests import all of it from here, the diagram's one address.
export {
  defaultHeight,
  describeNetwork,
  edgeStyle,
  layerHighlight,
  layoutDiagram,
  type DiagramHighlight,
  type DiagramLayer,
  type DiagramLayout,
  type DiagramNode,
  type DiagramWeights,
  type EdgeRef,
  type EdgeStyle,
  type NodeRef,
  type Point,
} from './network-layout';

export interface NetworkDiagramProps {
  layers: readonly DiagramLayer[];
  /**
   * `weights[l][i][j]` joins node i of layer l to node j of layer l + 1 — the engine's layout of
   * W (n_in rows × n_out columns). A missing (or non-finite) entry draws no edge.
   */
  weights: DiagramWeights;
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
  highlight?: DiagramHighlight | undefined;
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
            const on = !lit || nodeLit.has(`${l}:${i}`);
            return (
              <NodeMark
                key={`n${l}-${i}`}
                node={node}
                l={l}
                i={i}
                p={layout.positions[l]![i]!}
                r={r}
                on={on}
                strong={lit && on}
                digits={digits}
                fade={fade}
              />
            );
          }),
        )}
      </svg>
      {legend && <DiagramLegend />}
    </div>
  );
}
