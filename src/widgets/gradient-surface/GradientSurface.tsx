/**
 * `gradient-surface` — a loss over two weights as a shaded contour map (darker = higher loss).
 * Drag the point (or use the sliders): the arrow shows the direction of steepest descent −∇E, and
 * two slices through the point show the partial derivatives as the slopes of tangent lines.
 */
import * as Plot from '@observablehq/plot';
import { useMemo } from 'preact/hooks';
import {
  Chart,
  linePath,
  type ChartPointer,
  type ChartScales,
  aspectSizing,
  chartHeight,
  fixedHeight,
} from '../shared/Chart';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useThemeColors } from '../shared/theme';
import { useWidget } from '../shared/useWidget';
import { useWidth } from '../shared/useWidth';
import { clampToField } from '../shared/url-state';
import { contourMark } from '~/charts/grid-marks';
import { fmt, fmtTex } from '~/util/format';
import { gradientSurfaceSchema as schema } from './state';
import {
  BAND_OPACITY,
  LEVELS,
  W1_DOMAIN,
  W2_DOMAIN,
  descentArrow,
  gradientAt,
  lossAt,
  lossGrid,
  makeData,
  minimum,
  slice,
  type SlicePoint,
} from './model';
import './gradient-surface.css';
import meta from './widget.json';

const data = makeData();
const MIN = minimum(data);

/**
 * "Darker = higher loss" must hold in both themes, so the map lies on a light plate of its own: the
 * page's light colour is the plate and its dark colour the shading (the two swap in dark mode).
 */
function plateColours(dark: boolean) {
  return dark ? { plate: 'var(--c-ink)', shade: 'var(--bg)' } : { plate: 'var(--bg)', shade: 'var(--c-ink)' };
}

const round = (x: number) => Number(x.toFixed(4));

export default function GradientSurface({ headingLevel }: WidgetProps) {
  const { state, update, frame, Slider } = useWidget('gradient-surface', schema);
  const colors = useThemeColors();
  const dark = typeof document !== 'undefined' && !!colors && document.documentElement.dataset.theme === 'dark';
  const [mapBox, mapWidth] = useWidth(480);
  const [sliceBox, sliceWidth] = useWidth(300);
  const grid = useMemo(() => lossGrid(data), []);
  const { w1, w2 } = state;
  const loss = useMemo(() => lossAt(data, w1, w2), [w1, w2]);
  const g = useMemo(() => gradientAt(data, w1, w2), [w1, w2]);
  const steep = Math.hypot(g[0], g[1]);

  // The contour map is drawn once per size and theme; the point, its slices and the arrow move in
  // the overlay. Each slice's curve moves with the other weight, its axes only when the loss scale does.
  const mapOptions = useMemo(() => mapChart(grid, Math.min(mapWidth, MAP_MAX_WIDTH), dark), [mapWidth, dark, grid]);
  const curve1 = useMemo(() => slice(data, 'w1', w1, w2), [w1, w2]);
  const curve2 = useMemo(() => slice(data, 'w2', w1, w2), [w1, w2]);
  const top1 = niceTop(curve1);
  const top2 = niceTop(curve2);
  const slice1 = useMemo(() => sliceChart('w1', top1, sliceWidth), [top1, sliceWidth]);
  const slice2 = useMemo(() => sliceChart('w2', top2, sliceWidth), [top2, sliceWidth]);

  const onPointer = (p: ChartPointer) => update({ w1: clampToField(schema.w1, p.x), w2: clampToField(schema.w2, p.y) });
  const { plate, shade } = plateColours(dark);

  return (
    <WidgetFrame
      {...frame}
      report={{ w1: state.w1, w2: state.w2, loss: round(loss), dLdw1: round(g[0]), dLdw2: round(g[1]) }}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          Drag the point across the map (or use the sliders). The arrow shows which way the loss falls fastest; the two
          small charts cut the surface along each weight, and the slope of each tangent line is one partial derivative.
          Where is the arrow shortest?
        </p>
      }
      announce={`At w₁ = ${fmt(state.w1)}, w₂ = ${fmt(state.w2)}: loss ${fmt(loss, 3)}, ∂E/∂w₁ = ${fmt(g[0], 3)}, ∂E/∂w₂ = ${fmt(g[1], 3)}.`}
    >
      <div class="gradient-surface">
        <div class="gradient-surface__grid">
          <div class="gradient-surface__map" ref={mapBox}>
            <p class="gradient-surface__legend" data-readout="legend">
              <svg width="132" height="18" aria-hidden="true" focusable="false">
                {[0, 2, 4, 6, 8].map((bands, k) => (
                  <g key={bands}>
                    <rect
                      x={1 + k * 26}
                      y={1}
                      width={24}
                      height={16}
                      style={{ fill: plate, stroke: 'var(--c-muted)' }}
                    />
                    <rect
                      x={1 + k * 26}
                      y={1}
                      width={24}
                      height={16}
                      style={{ fill: shade, fillOpacity: 1 - (1 - BAND_OPACITY) ** bands }}
                    />
                  </g>
                ))}
              </svg>
              <span>
                <strong>Legend: darker shading means higher loss.</strong> Each contour line is one loss level (
                {LEVELS.slice(0, 3)
                  .map((l) => fmt(l))
                  .join(', ')}{' '}
                … {fmt(LEVELS.at(-1)!, 1)}
                ); every level crossed adds a layer of shade. The lightest region, around ×, is the minimum.
              </span>
            </p>
            <Chart
              options={mapOptions}
              sized={MAP_HEIGHT}
              onPointer={onPointer}
              alt={mapAlt(state.w1, state.w2, g, loss)}
              overlay={(sc) => <MapMarks sc={sc} w1={state.w1} w2={state.w2} g={g} width={mapWidth} dark={dark} />}
            />
          </div>
          <div class="gradient-surface__side">
            <Slider field="w1" label="Weight w₁" />
            <Slider field="w2" label="Weight w₂" />
            <dl class="widget__readout">
              <dt>Loss E (mean squared error)</dt>
              <dd data-readout="loss">{fmt(loss, 4)}</dd>
              <dt>∂E/∂w₁ (slope along w₁)</dt>
              <dd data-readout="dLdw1">{fmt(g[0], 4)}</dd>
              <dt>∂E/∂w₂ (slope along w₂)</dt>
              <dd data-readout="dLdw2">{fmt(g[1], 4)}</dd>
              <dt>Steepness |∇E|</dt>
              <dd data-readout="norm">{fmt(steep, 4)}</dd>
            </dl>
            <Tex
              display
              tex={`\\nabla E = \\begin{bmatrix} \\partial E / \\partial w_1 \\\\ \\partial E / \\partial w_2 \\end{bmatrix} = \\begin{bmatrix} ${fmtTex(g[0], 3)} \\\\ ${fmtTex(g[1], 3)} \\end{bmatrix}`}
            />
            <p class="gradient-surface__note">
              The arrow drawn is <strong>−∇E</strong>, the direction of steepest <em>descent</em> (downhill, towards
              lighter shade). Its length is fixed; the steepness is the number above.
            </p>
          </div>
          <div class="gradient-surface__slices" ref={sliceBox}>
            <figure class="gradient-surface__slice" data-slice="w1">
              <figcaption>
                Along w₁, with w₂ fixed at {fmt(state.w2)}: tangent slope ∂E/∂w₁ = {fmt(g[0], 3)}
              </figcaption>
              <Chart
                options={slice1}
                sized={fixedHeight(slice1)}
                alt={sliceAlt('w1', state.w1, state.w2, g[0])}
                overlay={(sc) => <SliceMarks sc={sc} points={curve1} at={state.w1} loss={loss} />}
              />
            </figure>
            <figure class="gradient-surface__slice" data-slice="w2">
              <figcaption>
                Along w₂, with w₁ fixed at {fmt(state.w1)}: tangent slope ∂E/∂w₂ = {fmt(g[1], 3)}
              </figcaption>
              <Chart
                options={slice2}
                sized={fixedHeight(slice2)}
                alt={sliceAlt('w2', state.w1, state.w2, g[1])}
                overlay={(sc) => <SliceMarks sc={sc} points={curve2} at={state.w2} loss={loss} />}
              />
            </figure>
          </div>
        </div>
      </div>
    </WidgetFrame>
  );
}

const MARGIN = { top: 26, right: 16, bottom: 40, left: 44 };
/** The map is drawn as wide as its box, up to this. */
const MAP_MAX_WIDTH = 560;
/** The plot is at least 160 px wide. */
const MAP_MIN_INNER = 160;
/**
 * The map's height for its width, also reserved before it is drawn: equal units per pixel on both
 * axes (the plot as tall per pixel of width as the w₂ domain is to the w₁ domain), plus margins.
 */
const MAP_HEIGHT = aspectSizing(
  (W2_DOMAIN[1] - W2_DOMAIN[0]) / (W1_DOMAIN[1] - W1_DOMAIN[0]),
  MARGIN,
  MARGIN.left + MAP_MIN_INNER + MARGIN.right,
  MAP_MAX_WIDTH,
);

const mapAlt = (w1: number, w2: number, g: [number, number], loss: number) =>
  `Shaded contour map of the loss over w₁ from −1 to 5 and w₂ from −4 to 2; darker shading means higher loss. The minimum, marked ×, is at w₁ = ${fmt(MIN[0])}, w₂ = ${fmt(MIN[1])}. The point at w₁ = ${fmt(w1)}, w₂ = ${fmt(w2)} has loss ${fmt(loss, 3)}${descentArrow(w1, w2, g, 1) ? '; an arrow from it shows the steepest-descent direction −∇E' : ''}.`;

/** The contour map with its minimum: everything that does not move with the point. */
function mapChart(grid: { values: Float64Array; n: number }, width: number, dark: boolean) {
  const { plate, shade } = plateColours(dark);
  const inner = Math.max(MAP_MIN_INNER, width - MARGIN.left - MARGIN.right);
  // Equal units per pixel on both axes, so the arrow meets the contours at right angles.
  const outer = MARGIN.left + inner + MARGIN.right;
  return {
    alt: '',
    width: outer,
    height: chartHeight(outer, MAP_HEIGHT),
    marginTop: MARGIN.top,
    marginRight: MARGIN.right,
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    x: { label: 'w₁', domain: W1_DOMAIN },
    y: { label: 'w₂', domain: W2_DOMAIN },
    marks: [
      Plot.frame({ fill: plate, stroke: 'none' }),
      contourMark(
        { values: grid.values, width: grid.n, height: grid.n, x: W1_DOMAIN, y: [W2_DOMAIN[1], W2_DOMAIN[0]] },
        {
          thresholds: LEVELS,
          fill: shade,
          fillOpacity: BAND_OPACITY,
          stroke: shade,
          strokeOpacity: 0.55,
          strokeWidth: 0.8,
        },
      ),
      Plot.frame({ stroke: 'var(--c-muted)' }),
      Plot.dot([MIN], {
        x: (d: number[]) => d[0],
        y: (d: number[]) => d[1],
        symbol: 'times',
        r: 7,
        stroke: shade,
        strokeWidth: 2.5,
      }),
      Plot.text([MIN], {
        x: (d: number[]) => d[0],
        y: (d: number[]) => d[1],
        text: () => 'minimum',
        dx: 10,
        dy: 12,
        textAnchor: 'start',
        fill: shade,
        fontWeight: 'bold',
      }),
    ],
  };
}

/** The point, the two slices through it and the steepest-descent arrow, over the map. */
function MapMarks(props: {
  sc: ChartScales;
  w1: number;
  w2: number;
  g: [number, number];
  width: number;
  dark: boolean;
}) {
  const { sc, w1, w2, g, width, dark } = props;
  const { plate, shade } = plateColours(dark);
  const arrow = descentArrow(w1, w2, g, 1);
  const px = sc.x(w1);
  const py = sc.y(w2);
  let head = '';
  let tip: [number, number] | undefined;
  if (arrow) {
    const x2 = sc.x(arrow.x2);
    const y2 = sc.y(arrow.y2);
    tip = [x2, y2];
    // Plot's arrow head: two strokes of 12 px at ±30° from the shaft.
    const angle = Math.atan2(y2 - py, x2 - px);
    const wing = (a: number) => `M${x2 - 12 * Math.cos(angle + a)},${y2 - 12 * Math.sin(angle + a)}L${x2},${y2}`;
    head = `M${px},${py}L${x2},${y2}${wing(Math.PI / 6)}${wing(-Math.PI / 6)}`;
  }
  // Keep the label inside the map: anchored on the side of the arrow's tip facing the map's centre.
  const labelLeft = arrow ? arrow.x2 > (W1_DOMAIN[0] + W1_DOMAIN[1]) / 2 : false;
  const label = width < 420 ? '−∇E' : '−∇E (steepest descent)';
  return (
    <>
      <g stroke={shade} stroke-dasharray="2 4" stroke-opacity={0.8}>
        <line x1={sc.left} x2={sc.right} y1={py} y2={py} />
        <line x1={px} x2={px} y1={sc.top} y2={sc.bottom} />
      </g>
      {arrow && tip && (
        <>
          <path d={head} fill="none" stroke={shade} stroke-width={3} stroke-linecap="round" />
          <text
            x={tip[0]}
            y={tip[1]}
            dy={arrow.y2 > w2 ? -10 : 14}
            text-anchor={labelLeft ? 'end' : 'start'}
            fill={shade}
            font-weight="bold"
            stroke={plate}
            stroke-width={3}
            paint-order="stroke"
            font-size="13"
            dominant-baseline="middle"
          >
            {label}
          </text>
        </>
      )}
      <circle cx={px} cy={py} r={8} fill="var(--c-orange)" stroke={shade} stroke-width={2} />
    </>
  );
}

/** The top of a slice's loss axis: rounded up to a step that moves it only now and then. */
function niceTop(points: readonly { loss: number }[]): number {
  const top = Math.max(...points.map((p) => p.loss)) * 1.05;
  if (!(top > 0) || !Number.isFinite(top)) return 1;
  const step = 10 ** Math.floor(Math.log10(top)) / 2;
  return Math.ceil(top / step) * step;
}

const sliceAlt = (along: 'w1' | 'w2', w1: number, w2: number, slope: number) => {
  const name = along === 'w1' ? 'w₁' : 'w₂';
  const other = along === 'w1' ? `w₂ = ${fmt(w2)}` : `w₁ = ${fmt(w1)}`;
  return `The loss along ${name} with ${other} held fixed, a curve, with its tangent line at ${name} = ${fmt(along === 'w1' ? w1 : w2)} of slope ${fmt(slope, 3)}.`;
};

/** A slice's axes; its curve, tangent and point are the overlay (`SliceMarks`). */
function sliceChart(along: 'w1' | 'w2', top: number, boxWidth: number) {
  const wide = boxWidth >= 560;
  const width = Math.max(220, Math.min(wide ? (boxWidth - 16) / 2 : boxWidth, 420));
  const name = along === 'w1' ? 'w₁' : 'w₂';
  return {
    alt: '',
    width,
    height: 190,
    marginLeft: 44,
    marginBottom: 36,
    x: { label: name, domain: along === 'w1' ? W1_DOMAIN : W2_DOMAIN },
    y: { label: 'loss E', domain: [0, top] },
    marks: [Plot.gridY({ stroke: 'var(--c-grid)', strokeOpacity: 0.7 })],
  };
}

function SliceMarks({ sc, points, at, loss }: { sc: ChartScales; points: SlicePoint[]; at: number; loss: number }) {
  return (
    <>
      <path
        d={linePath(
          points.map((p) => [p.w, p.loss]),
          sc,
        )}
        fill="none"
        stroke="var(--c-blue)"
        stroke-width={2.5}
      />
      <path
        d={linePath(
          points.map((p) => [p.w, p.tangent]),
          sc,
        )}
        clip-path={sc.clip}
        fill="none"
        stroke="var(--c-orange)"
        stroke-width={2}
        stroke-dasharray="6 4"
      />
      <circle cx={sc.x(at)} cy={sc.y(loss)} r={5.5} fill="var(--c-orange)" stroke="var(--c-ink)" stroke-width={1.5} />
    </>
  );
}
