import { render, type ComponentChild } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { plotChart, type ChartOptions } from '~/charts/plot';
import { ScrollTable } from './ScrollTable';

/**
 * A live Observable Plot chart in a widget. Plot draws `options` (axes, grid, everything that
 * sets the scales) again only when that object changes, so a widget memoises them on what moves
 * the scales. What moves on every input — a point, a line, a label — goes in `overlay`: SVG drawn
 * by Preact in the chart's coordinates (`ChartScales`) over the Plot chart, updated in place.
 * A data table fallback can be offered beside it.
 */
export interface ChartProps {
  options: ChartOptions;
  /** Optional data as a table for readers who cannot use the chart. */
  table?: { caption: string; columns: string[]; rows: (string | number)[][] } | undefined;
  class?: string | undefined;
  /**
   * Pointer input in data coordinates (drag points, lines…). The chart captures the pointer
   * between down and up, so a drag may leave the chart. Keyboard users get the same control
   * through the widget's sliders.
   */
  onPointer?: (event: ChartPointer) => void;
  /**
   * The marks that move on every input, as SVG elements in the chart's pixel coordinates
   * (`x(v)`, `y(v)` are the chart's scales; `clip` clips a mark to the frame). They are drawn over
   * the Plot chart and updated without redrawing the chart. Describe what they show in `alt`/`table`:
   * the layer is hidden from assistive technology.
   */
  overlay?: (scales: ChartScales) => ComponentChild;
  /**
   * The chart's description when it changes more often than `options` (which a widget memoises
   * on what moves the scales): written onto the drawn chart without drawing it again.
   */
  alt?: string;
  /**
   * For a chart the widget draws at its box's measured width (`useWidth`), whose height is its
   * own rule rather than the proportions the server drew at a guessed width: the height reserved
   * before it is drawn is `clamp(min, perWidth × the box's width + plus, max)` — a fixed height
   * when only `min` is given. Without it, the reserve keeps the proportions of `options`.
   */
  sized?: ChartSizing | undefined;
}

/** A chart's height as a rule of its width: `clamp(min, perWidth × width + plus, max)`. */
export interface ChartSizing {
  min: number;
  max?: number;
  perWidth?: number;
  /** Pixels added to `perWidth × width` (margins that do not scale with the plot). */
  plus?: number;
}

/** The height a sizing rule gives a chart `width` pixels wide (what `sized` reserves in CSS). */
export function chartHeight(width: number, { min, max = min, perWidth = 0, plus = 0 }: ChartSizing): number {
  return Math.round(Math.max(min, Math.min(max, perWidth * width + plus)));
}

/**
 * The sizing of a chart whose plot area is `aspect` times as tall as it is wide, plus margins that
 * do not scale, for a chart between `minWidth` and `maxWidth` px wide (a square map: aspect 1).
 */
export function aspectSizing(
  aspect: number,
  margin: { top: number; right: number; bottom: number; left: number },
  minWidth: number,
  maxWidth: number,
): ChartSizing {
  const across = margin.left + margin.right;
  const down = margin.top + margin.bottom;
  const at = (width: number) => Math.round(aspect * (width - across)) + down;
  return { perWidth: aspect, plus: down - aspect * across, min: at(minWidth), max: at(maxWidth) };
}

/** The sizing of a chart whose height does not depend on its width: the height in its options. */
export function fixedHeight(options: ChartOptions): ChartSizing | undefined {
  return typeof options.height === 'number' ? { min: options.height } : undefined;
}

/** The chart's scales in SVG pixels, for `overlay`. */
export interface ChartScales {
  /** Position of a value (numbers; category names on a band scale, where it is the band's start). */
  x: (v: number | string) => number;
  y: (v: number | string) => number;
  /** Width of one band of a band x scale (0 otherwise). */
  bandwidth: number;
  /** The frame (plot area) in SVG pixels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** `clip-path` value that clips a mark to the frame (like Plot's `clip: true`). */
  clip: string;
}

export interface ChartPointer {
  phase: 'down' | 'move' | 'up';
  /** Data coordinates under the pointer. */
  x: number;
  y: number;
  /** Size of one screen pixel in data units, for hit tests ("within 10 px of the handle"). */
  pixelX: number;
  pixelY: number;
}

type Scale = {
  invert?: (v: number) => number;
  apply: (v: number | string) => number;
  range?: number[];
  bandwidth?: number;
};
type PlotFigure = Element & { scale?: (name: string) => Scale | undefined };

/**
 * The height a chart will take: Plot's SVG is `width × height` but scales down with the column,
 * keeping its proportions. The chart's box is a size container (see `.chart` in global.css), so
 * `cqw` is the width the SVG will have: the reserved height is exact at any column width (the
 * viewport width, used before, overshot by the page's and the widget's padding — 58 px on a 360 px
 * phone, a visible jump). Only a height is reserved: a width here could push a narrow page sideways.
 */
function reservedBox(options: ChartOptions, sized?: ChartSizing): Record<string, string> {
  const width = typeof options.width === 'number' ? options.width : 640;
  const height = typeof options.height === 'number' ? options.height : 320;
  if (sized) {
    const { min, max = min, perWidth, plus = 0 } = sized;
    if (!perWidth || max === min) return { minHeight: `${min}px` };
    const scaled = `${(perWidth * 100).toFixed(3)}cqw`;
    return { minHeight: `clamp(${min}px, ${plus ? `calc(${scaled} + ${plus}px)` : scaled}, ${max}px)` };
  }
  return { minHeight: `min(${height}px, ${((height / width) * 100).toFixed(3)}cqw)` };
}

let clipIds = 0;

/** An SVG path through points in data coordinates (non-finite points break the line). */
export function linePath(points: readonly (readonly [number, number])[], s: ChartScales): string {
  let d = '';
  let pen = false;
  for (const [x, y] of points) {
    const px = s.x(x);
    const py = s.y(y);
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
    pen = true;
  }
  return d;
}

export function Chart({ options, table, class: className, onPointer, overlay, alt, sized }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const figure = useRef<PlotFigure>();
  const pointer = useRef(onPointer);
  pointer.current = onPointer;
  const description = useRef(alt);
  description.current = alt;
  const layer = useRef<{ g: SVGGElement; scales?: ChartScales | undefined; clip: string }>();
  // The data table is built only while it is open: a closed one costs nothing per input.
  const [tableOpen, setTableOpen] = useState(false);

  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const chart = plotChart(
      description.current !== undefined ? { ...options, alt: description.current } : options,
    ) as PlotFigure;
    figure.current = chart;
    el.replaceChildren(chart);
    // The reserved height (below) has done its job once a chart is drawn; the chart's own size
    // rules from here (it may scale down on a narrow screen).
    el.style.minHeight = '';
    if (layer.current) layer.current.scales = undefined;
  }, [options]);

  // The moving marks: drawn by Preact into one <g> kept over the current Plot chart.
  useLayoutEffect(() => {
    const chart = figure.current;
    if (!chart) return;
    const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
    if (!svg) return;
    if (alt !== undefined && svg.getAttribute('aria-label') !== alt) svg.setAttribute('aria-label', alt);
    if (!overlay) return;
    if (!layer.current) {
      const g = svg.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'g');
      g.setAttribute('class', 'chart__overlay');
      g.setAttribute('aria-hidden', 'true');
      layer.current = { g, clip: `chart-clip-${++clipIds}` };
    }
    const l = layer.current;
    if (!l.scales || l.g.parentNode !== svg) {
      const sx = chart.scale?.('x');
      const sy = chart.scale?.('y');
      if (!sx || !sy) return;
      const [left, right] = (sx.range ?? [0, 0]) as [number, number];
      const [bottom, top] = (sy.range ?? [0, 0]) as [number, number];
      l.scales = {
        x: (v) => sx.apply(v),
        y: (v) => sy.apply(v),
        bandwidth: sx.bandwidth ?? 0,
        left: Math.min(left, right),
        right: Math.max(left, right),
        top: Math.min(top, bottom),
        bottom: Math.max(top, bottom),
        clip: `url(#${l.clip})`,
      };
      svg.appendChild(l.g);
    }
    const s = l.scales;
    render(
      <>
        <clipPath id={l.clip}>
          <rect x={s.left} y={s.top} width={s.right - s.left} height={s.bottom - s.top} />
        </clipPath>
        {overlay(s)}
      </>,
      l.g,
    );
  });

  const toData = (e: PointerEvent, phase: ChartPointer['phase']): ChartPointer | undefined => {
    const chart = figure.current;
    const svg = chart?.tagName.toLowerCase() === 'svg' ? chart : chart?.querySelector('svg');
    const sx = chart?.scale?.('x');
    const sy = chart?.scale?.('y');
    if (!svg || !sx?.invert || !sy?.invert) return undefined;
    const box = svg.getBoundingClientRect();
    const width = Number(svg.getAttribute('width')) || box.width;
    const height = Number(svg.getAttribute('height')) || box.height;
    // SVG units per CSS pixel (the chart may be scaled down to fit a phone).
    const kx = width / box.width;
    const ky = height / box.height;
    const px = (e.clientX - box.left) * kx;
    const py = (e.clientY - box.top) * ky;
    const x = sx.invert(px);
    const y = sy.invert(py);
    return { phase, x, y, pixelX: Math.abs(sx.invert(px + kx) - x), pixelY: Math.abs(sy.invert(py + ky) - y) };
  };

  const handlers = onPointer
    ? {
        onPointerDown: (e: PointerEvent) => {
          const p = toData(e, 'down');
          if (!p) return;
          (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
          pointer.current?.(p);
        },
        onPointerMove: (e: PointerEvent) => {
          if (!(e.currentTarget as HTMLElement).hasPointerCapture(e.pointerId)) return;
          const p = toData(e, 'move');
          if (p) pointer.current?.(p);
        },
        onPointerUp: (e: PointerEvent) => {
          const p = toData(e, 'up');
          if (p) pointer.current?.(p);
        },
      }
    : {};

  return (
    <div class={`chart ${onPointer ? 'chart--interactive' : ''} ${className ?? ''}`}>
      {/* The server HTML has no chart yet: reserving its height keeps the text below from jumping when the widget comes alive. */}
      <div class="chart__plot" ref={host} style={reservedBox(options, sized)} {...handlers} />
      {table && (
        <details class="figure__table" onToggle={(e) => setTableOpen((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>Show the data as a table</summary>
          <ScrollTable label={table.caption}>
            <table>
              <caption>{table.caption}</caption>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th scope="col">{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(tableOpen ? table.rows : []).map((r) => (
                  <tr>
                    {r.map((v) => (
                      <td>{v}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </details>
      )}
    </div>
  );
}
