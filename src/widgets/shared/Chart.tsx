import { useLayoutEffect, useRef } from 'preact/hooks';
import { plotChart, type ChartOptions } from '~/charts/plot';

/**
 * A live Observable Plot chart in a widget. The options are derived from the widget's state on
 * every render; the chart is redrawn in the same frame (Plot is stateless: drawing again is the
 * update). A data table fallback can be offered beside it.
 */
export interface ChartProps {
  options: ChartOptions;
  /** Optional data as a table for readers who cannot use the chart. */
  table?: { caption: string; columns: string[]; rows: (string | number)[][] };
  class?: string;
  /**
   * Pointer input in data coordinates (drag points, lines…). The chart captures the pointer
   * between down and up, so a drag may leave the chart. Keyboard users get the same control
   * through the widget's sliders.
   */
  onPointer?: (event: ChartPointer) => void;
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

type Scale = { invert?: (v: number) => number; apply: (v: number) => number };
type PlotFigure = Element & { scale?: (name: string) => Scale | undefined };

/**
 * The height a chart will take: Plot's SVG is `width × height` but scales down with the column,
 * keeping its proportions. The column is not known before the widget runs, so the viewport width
 * stands in for it (a few pixels too generous on a phone). Only a height is reserved: a width here
 * could push a narrow page sideways.
 */
function reservedBox(options: ChartOptions): { minHeight: string } {
  const width = typeof options.width === 'number' ? options.width : 640;
  const height = typeof options.height === 'number' ? options.height : 320;
  return { minHeight: `min(${height}px, ${((height / width) * 100).toFixed(2)}vw)` };
}

export function Chart({ options, table, class: className, onPointer }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const figure = useRef<PlotFigure>();
  const pointer = useRef(onPointer);
  pointer.current = onPointer;

  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const chart = plotChart(options) as PlotFigure;
    figure.current = chart;
    el.replaceChildren(chart);
    // The reserved height (below) has done its job once a chart is drawn; the chart's own size
    // rules from here (it may scale down on a narrow screen).
    el.style.minHeight = '';
  }, [options]);

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
      <div class="chart__plot" ref={host} style={reservedBox(options)} {...handlers} />
      {table && (
        <details class="figure__table">
          <summary>Show the data as a table</summary>
          <div class="table-scroll" tabIndex={0} role="region" aria-label={table.caption}>
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
                {table.rows.map((r) => (
                  <tr>
                    {r.map((v) => (
                      <td>{v}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}
