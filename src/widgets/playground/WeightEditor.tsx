/**
 * The network drawn with its weights (the shared NetworkDiagram), and one weight edited by hand:
 * pick it by clicking near its edge, or with the three selects (keyboard); set it with the
 * slider or its number field. The chosen edge is highlighted in the drawing.
 */
import { useMemo } from 'preact/hooks';
import type { Network } from '@lib';
import { NetworkDiagram, layoutDiagram, type DiagramLayer } from '../shared/NetworkDiagram';
import { Select, Slider } from '../shared/controls';
import { fmt } from '~/util/format';

export interface EdgeChoice {
  layer: number;
  from: number;
  to: number;
}

const SUB = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
const sub = (n: number) =>
  String(n)
    .split('')
    .map((d) => SUB[Number(d)])
    .join('');

/** Keep a chosen edge inside the network's current sizes. */
export function clampEdge(e: EdgeChoice, sizes: readonly number[]): EdgeChoice {
  const layer = Math.min(Math.max(0, e.layer), sizes.length - 2);
  return {
    layer,
    from: Math.min(e.from, sizes[layer]! - 1),
    to: Math.min(e.to, sizes[layer + 1]! - 1),
  };
}

/** Name of unit `i` of layer `l` (0 = inputs), as the selects and the description say it. */
export function unitName(sizes: readonly number[], l: number, i: number): string {
  const last = sizes.length - 1;
  if (l === 0) return sizes[0] === 1 ? 'input x' : `input x${sub(i + 1)}`;
  if (l === last) return sizes[last] === 1 ? 'output ŷ' : `output ŷ${sub(i + 1)}`;
  return `unit ${i + 1} of hidden layer ${l}`;
}

/** The edge nearest to a point of the drawing (in its own pixels), if one is within `reach` px. */
export function nearestEdge(
  sizes: readonly number[],
  width: number,
  height: number,
  x: number,
  y: number,
  reach = 10,
): EdgeChoice | undefined {
  const { positions } = layoutDiagram(sizes, width, height);
  let best: EdgeChoice | undefined;
  let bestD = reach;
  for (let l = 0; l + 1 < sizes.length; l++) {
    for (let i = 0; i < sizes[l]!; i++) {
      const a = positions[l]![i]!;
      for (let j = 0; j < sizes[l + 1]!; j++) {
        const b = positions[l + 1]![j]!;
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy || 1)));
        const d = Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
        if (d < bestD) {
          bestD = d;
          best = { layer: l, from: i, to: j };
        }
      }
    }
  }
  return best;
}

/** Height of the drawing for these sizes: compact, since the largest layer may have 16 units. */
export function diagramHeight(sizes: readonly number[]): number {
  const most = Math.max(...sizes);
  return Math.round(64 + most * (most > 8 ? 24 : 44));
}

export interface WeightEditorProps {
  network: Network;
  /** Changes whenever the weights did. */
  version: number;
  /** Titles under each hidden and output column, e.g. "tanh". */
  activations: readonly string[];
  edge: EdgeChoice;
  /** Emphasise the chosen edge (dimming the others), after the reader picked one. */
  emphasise: boolean;
  onSelect: (edge: EdgeChoice) => void;
  /** Stop emphasising the chosen edge. */
  onShowAll: () => void;
  onChange: (value: number) => void;
}

export function WeightEditor({
  network,
  version,
  activations,
  edge,
  emphasise,
  onSelect,
  onShowAll,
  onChange,
}: WeightEditorProps) {
  // A network keeps its shape: its sizes are read once per network.
  const sizes = useMemo(() => network.sizes, [network]);
  const e = clampEdge(edge, sizes);
  const last = sizes.length - 1;
  const height = diagramHeight(sizes);
  const labelled = Math.max(...sizes) <= 8;

  const drawing = useMemo(() => {
    const weights = network.layers.map((layer) => layer.weights.toArray());
    const layers: DiagramLayer[] = sizes.map((n, l) => ({
      title: l === 0 ? 'inputs' : l === last ? 'output' : `hidden ${l}`,
      subtitle: l === 0 ? undefined : activations[l - 1],
      nodes: Array.from({ length: n }, (_, i) => ({
        // Names above the nodes only when there is room for them (the selects and the description name every unit).
        label: !labelled ? '' : l === 0 || l === last ? unitName(sizes, l, i).split(' ').at(-1)! : `h${sub(i + 1)}`,
      })),
    }));
    let lo = Infinity;
    let hi = -Infinity;
    for (const W of weights) {
      for (const row of W) {
        for (const w of row) {
          lo = Math.min(lo, w);
          hi = Math.max(hi, w);
        }
      }
    }
    const w = weights[e.layer]![e.from]![e.to]!;
    const description =
      `The ${sizes.join('-')} network: ${sizes.length - 2} hidden layer${sizes.length === 3 ? '' : 's'} (${activations.join(', ')}), ` +
      `${weights.reduce((n, W) => n + W.length * W[0]!.length, 0)} weights between ${fmt(lo, 2)} and ${fmt(hi, 2)}. ` +
      `Chosen: the weight from ${unitName(sizes, e.layer, e.from)} to ${unitName(sizes, e.layer + 1, e.to)}, ${fmt(w, 3)}.`;
    // The network's weights change in place: this is the drawing of them at `version`.
    return { at: version, weights, layers, description, w };
  }, [network, version, activations, sizes, last, labelled, e.layer, e.from, e.to]);

  const pick = (ev: MouseEvent) => {
    const svg = (ev.currentTarget as HTMLElement).querySelector('svg');
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    const width = Number(svg.getAttribute('width')) || box.width;
    const h = Number(svg.getAttribute('height')) || box.height;
    const x = ((ev.clientX - box.left) * width) / box.width;
    const y = ((ev.clientY - box.top) * h) / box.height;
    const hit = nearestEdge(sizes, width, h, x, y);
    if (hit) onSelect(hit);
  };

  const layerOptions = sizes.slice(0, -1).map((_, l) => ({
    value: String(l),
    label: `${l === 0 ? 'inputs' : `hidden ${l}`} → ${l + 1 === last ? 'output' : `hidden ${l + 1}`}`,
  }));
  return (
    <div class="playground__weights">
      {/* Clicking near an edge picks it; the selects below do the same by keyboard. */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */}
      <div class="playground__diagram" onClick={pick} data-readout="diagram">
        <NetworkDiagram
          layers={drawing.layers}
          weights={drawing.weights}
          label={`The ${sizes.join('-')} network with its weights${emphasise ? '; the chosen weight is highlighted' : ''}`}
          description={drawing.description}
          showWeights={false}
          highlight={
            emphasise
              ? {
                  edges: [[e.layer, e.from, e.to]],
                  nodes: [
                    [e.layer, e.from],
                    [e.layer + 1, e.to],
                  ],
                }
              : undefined
          }
          height={height}
          idPrefix="playground-diagram"
        />
      </div>
      <fieldset class="playground__edit">
        <legend>Edit one weight (click an edge, or choose it here)</legend>
        <Select
          label="Between"
          value={String(e.layer)}
          options={layerOptions}
          onChange={(v) => onSelect(clampEdge({ ...e, layer: Number(v) }, sizes))}
        />
        <Select
          label="From"
          value={String(e.from)}
          options={Array.from({ length: sizes[e.layer]! }, (_, i) => ({
            value: String(i),
            label: unitName(sizes, e.layer, i),
          }))}
          onChange={(v) => onSelect({ ...e, from: Number(v) })}
        />
        <Select
          label="To"
          value={String(e.to)}
          options={Array.from({ length: sizes[e.layer + 1]! }, (_, j) => ({
            value: String(j),
            label: unitName(sizes, e.layer + 1, j),
          }))}
          onChange={(v) => onSelect({ ...e, to: Number(v) })}
        />
        <Slider
          label="Weight"
          value={Number.isFinite(drawing.w) ? drawing.w : 0}
          min={-8}
          max={8}
          step={0.01}
          onChange={onChange}
        />
        {emphasise && (
          <div class="control control--buttons">
            <button type="button" onClick={onShowAll}>
              Show all weights evenly
            </button>
          </div>
        )}
      </fieldset>
    </div>
  );
}
