/**
 * The playground's picture of what the network does, redrawn on every frame of training:
 * classification shades the plane by the class the network predicts (a canvas, filled from a
 * GridPredictor over GRID × GRID cells with no allocation per frame); regression draws the
 * fitted curve ŷ(x) on the canvas. The axes are an Observable Plot chart on top, drawn again only
 * when the data set's ranges or the width change; the data points (train filled, test hollow; a
 * shape per class) are its overlay, redrawn when the data change (a new noise or seed moves every
 * point, but redrawing Plot's axes with them cost ~10 ms of layout per input).
 */
import * as Plot from '@observablehq/plot';
import type { ComponentChild } from 'preact';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { GridPredictor, Matrix, type Network } from '@lib';
import { symbolPath } from '~/charts/plot';
import { Chart, aspectSizing, type ChartScales } from '../shared/Chart';
import type { ThemeColors } from '../shared/theme';
import type { PlaygroundData } from './datasets';
import { cellCentres, parseColor, shadeGrid, type MapColors } from './heat-map-shading';

/** Cells per side of the heat map (drawn smoothed). */
export const GRID = 48;
/** Points on the fitted curve of a regression. */
const CURVE = 160;
const MARGIN = { left: 44, right: 12, top: 24, bottom: 38 };
/** The plot is never narrower than this, in px. */
const MIN_INNER = 50;

/** Fill and mark of each class: a colour and a shape, so colour is never the only cue. */
export const CLASS_STYLE = [
  { color: 'blue', symbol: 'circle', word: 'circles' },
  { color: 'orange', symbol: 'square', word: 'squares' },
  { color: 'green', symbol: 'triangle', word: 'triangles' },
] as const;

/** Style of label `k` of a data set: for two classes, class 1 is blue and class 0 orange (the lecture's blue/orange classifier). */
export function classStyle(classes: number, k: number) {
  return classes === 2 ? CLASS_STYLE[k === 1 ? 0 : 1] : CLASS_STYLE[k]!;
}

export interface HeatMapProps {
  network: Network;
  /** Changes whenever the network's weights did. */
  version: number;
  data: PlaygroundData;
  colors: ThemeColors | undefined;
  width: number;
  alt: string;
}

interface Point {
  x: number;
  y: number;
  label: number;
  test: boolean;
}

function pointsOf(data: PlaygroundData): Point[] {
  const out: Point[] = [];
  const add = (set: PlaygroundData['train'], test: boolean) => {
    for (let i = 0; i < set.x.rows; i++) {
      if (data.inputs === 1) out.push({ x: set.x.data[i]!, y: set.y.data[i]!, label: 0, test });
      else
        out.push({
          x: set.x.get(i, 0),
          y: set.x.get(i, 1),
          label: set.labels?.[i] ?? 0,
          test,
        });
    }
  };
  add(data.train, false);
  add(data.test, true);
  return out;
}

export function HeatMap({ network, version, data, colors, width, alt }: HeatMapProps) {
  const info = data.info;
  const regression = info.task === 'regression';
  const innerW = Math.max(MIN_INNER, width - MARGIN.left - MARGIN.right);
  const aspect = regression ? 0.55 : 1;
  const innerH = Math.round(innerW * aspect);
  const height = innerH + MARGIN.top + MARGIN.bottom;
  // The same height as a rule of the box's width, reserved before the map is drawn (the box is
  // never wider than `width`).
  const sizing = useMemo(
    () => aspectSizing(aspect, MARGIN, MARGIN.left + MIN_INNER + MARGIN.right, width),
    [aspect, width],
  );
  const classes = info.classes.length;

  const options = useMemo(
    () => ({
      alt: '',
      width,
      height,
      marginLeft: MARGIN.left,
      marginRight: MARGIN.right,
      marginTop: MARGIN.top,
      marginBottom: MARGIN.bottom,
      x: { domain: [...info.x], label: info.xLabel, ticks: 5 },
      y: { domain: [...info.y], label: info.yLabel, ticks: 5 },
      marks: [
        Plot.frame({ stroke: 'var(--c-grid)' }),
        regression
          ? Plot.line(
              { length: 121 },
              {
                x: (_: unknown, i: number) => (i / 120) * 2 * Math.PI,
                y: (_: unknown, i: number) => Math.sin((i / 120) * 2 * Math.PI),
                stroke: 'var(--c-muted)',
                strokeDasharray: '3 4',
                strokeWidth: 1.5,
              },
            )
          : null,
      ],
    }),
    [width, height, regression, info.x, info.y, info.xLabel, info.yLabel],
  );
  // One vnode per data set and drawn chart: the training frames in between do not touch the points.
  const points = useMemo(() => pointsOf(data), [data]);
  const drawn = useRef<{ s: ChartScales; points: Point[]; node: ComponentChild }>();
  const overlay = (s: ChartScales) => {
    if (drawn.current?.s !== s || drawn.current.points !== points)
      drawn.current = { s, points, node: <Points s={s} points={points} classes={classes} regression={regression} /> };
    return drawn.current.node;
  };

  // The canvas: the network's predictions under the chart's frame.
  const canvas = useRef<HTMLCanvasElement>(null);
  const cells = useRef<HTMLCanvasElement>();
  const grid = useMemo(() => {
    if (regression) return undefined;
    const predictor = new GridPredictor(network);
    const xs = cellCentres(info.x[0], info.x[1], GRID);
    // Canvas rows run top to bottom: y from its largest value down.
    const ys = cellCentres(info.y[0], info.y[1], GRID).reverse();
    return {
      predictor,
      xs,
      ys,
      values: new Float64Array(GRID * GRID * network.outputSize),
      image: undefined as ImageData | undefined,
    };
  }, [network, regression, info.x, info.y]);
  const curve = useMemo(() => {
    if (!regression) return undefined;
    const x = Matrix.zeros(CURVE, 1);
    for (let i = 0; i < CURVE; i++) x.data[i] = info.x[0] + ((info.x[1] - info.x[0]) * i) / (CURVE - 1);
    return x;
  }, [regression, info.x]);
  const mapColors = useMemo<MapColors | undefined>(() => {
    if (!colors) return undefined;
    return {
      bg: parseColor(colors.bg),
      classes: Array.from({ length: Math.max(classes, 1) }, (_, k) => parseColor(colors[classStyle(classes, k).color])),
    };
  }, [colors, classes]);

  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el || !colors) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const w = Math.round(innerW * dpr);
    const h = Math.round(innerH * dpr);
    if (el.width !== w) el.width = w;
    if (el.height !== h) el.height = h;
    const ctx = el.getContext('2d');
    if (!ctx) return;
    if (grid && mapColors) {
      grid.predictor.predict(grid.xs, grid.ys, grid.values);
      const small = (cells.current ??= document.createElement('canvas'));
      if (small.width !== GRID) small.width = small.height = GRID;
      const sctx = small.getContext('2d');
      if (!sctx) return;
      grid.image ??= sctx.createImageData(GRID, GRID);
      shadeGrid(grid.values, network.outputSize, mapColors, grid.image.data);
      sctx.putImageData(grid.image, 0, 0);
      // Smoothed edges are partly transparent: clear first, or they keep traces of the last frame.
      ctx.clearRect(0, 0, w, h);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(small, 0, 0, w, h);
    } else if (curve) {
      ctx.clearRect(0, 0, w, h);
      const y = network.forward(curve).data;
      const [x0, x1] = info.x;
      const [y0, y1] = info.y;
      ctx.beginPath();
      let pen = false;
      for (let i = 0; i < CURVE; i++) {
        const v = y[i]!;
        if (!Number.isFinite(v)) {
          pen = false;
          continue;
        }
        // Far outside the view, pull the value to just outside it (a finite path, clipped by the canvas).
        const clamped = Math.max(y0 - 1, Math.min(y1 + 1, v));
        const px = ((curve.data[i]! - x0) / (x1 - x0)) * w;
        const py = ((y1 - clamped) / (y1 - y0)) * h;
        if (pen) ctx.lineTo(px, py);
        else ctx.moveTo(px, py);
        pen = true;
      }
      ctx.strokeStyle = colors.orange;
      ctx.lineWidth = 3 * dpr;
      ctx.lineJoin = 'round';
      ctx.stroke();
    }
  }, [version, network, grid, curve, mapColors, colors, innerW, innerH, info.x, info.y]);

  return (
    <div class="playground__map" style={{ width: `${width}px`, maxWidth: '100%' }}>
      <canvas
        ref={canvas}
        aria-hidden="true"
        class="playground__canvas"
        style={{
          left: `${MARGIN.left}px`,
          top: `${MARGIN.top}px`,
          width: `${innerW}px`,
          height: `${innerH}px`,
        }}
      />
      <Chart options={options} sized={sizing} alt={alt} overlay={overlay} />
    </div>
  );
}

/** The data points as Plot's dots drew them: a shape and colour per class, train filled, test hollow. */
function Points({
  s,
  points,
  classes,
  regression,
}: {
  s: ChartScales;
  points: Point[];
  classes: number;
  regression: boolean;
}) {
  const r = regression ? 2.5 : 3.5;
  return (
    <g>
      {points.map((p) => {
        const color = `var(--c-${classStyle(classes, p.label).color})`;
        return (
          <path
            d={symbolPath(regression ? 'circle' : classStyle(classes, p.label).symbol, s.x(p.x), s.y(p.y), r)}
            fill={p.test ? 'var(--bg)' : regression ? 'var(--c-ink)' : color}
            stroke={regression ? 'var(--c-ink)' : p.test ? color : 'var(--bg)'}
            stroke-width={p.test ? 1.6 : 0.8}
          />
        );
      })}
    </g>
  );
}
