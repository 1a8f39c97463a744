/**
 * `gradient-surface` — a loss over two weights as a shaded contour map (darker = higher loss).
 * Drag the point (or use the sliders): the arrow shows the direction of steepest descent −∇E, and
 * two slices through the point show the partial derivatives as the slopes of tangent lines.
 */
import * as Plot from '@observablehq/plot';
import { useMemo } from 'preact/hooks';
import { Chart, type ChartPointer } from '../shared/Chart';
import { Slider } from '../shared/controls';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useThemeColors } from '../shared/theme';
import { useWidgetState } from '../shared/useWidgetState';
import { useWidth } from '../shared/useWidth';
import { clampToField } from '../shared/url-state';
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
  type Data,
} from './model';
import './gradient-surface.css';

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
  const { state, update, reset, notice, dismissNotice } = useWidgetState('gradient-surface', schema);
  const colors = useThemeColors();
  const dark = typeof document !== 'undefined' && !!colors && document.documentElement.dataset.theme === 'dark';
  const [mapBox, mapWidth] = useWidth(480);
  const [sliceBox, sliceWidth] = useWidth(300);
  const grid = useMemo(() => lossGrid(data), []);
  const { w1, w2 } = state;
  const loss = useMemo(() => lossAt(data, w1, w2), [w1, w2]);
  const g = useMemo(() => gradientAt(data, w1, w2), [w1, w2]);
  const steep = Math.hypot(g[0], g[1]);

  const mapOptions = useMemo(
    () => mapChart(w1, w2, g, loss, grid, Math.min(mapWidth, 560), dark),
    [w1, w2, g, loss, mapWidth, dark, grid],
  );
  const slice1 = useMemo(() => sliceChart(data, 'w1', w1, w2, g[0], sliceWidth), [w1, w2, g, sliceWidth]);
  const slice2 = useMemo(() => sliceChart(data, 'w2', w1, w2, g[1], sliceWidth), [w1, w2, g, sliceWidth]);

  const onPointer = (p: ChartPointer) => update({ w1: clampToField(schema.w1, p.x), w2: clampToField(schema.w2, p.y) });
  const { plate, shade } = plateColours(dark);

  return (
    <WidgetFrame
      name="gradient-surface"
      schema={schema}
      state={state}
      report={{ w1: state.w1, w2: state.w2, loss: round(loss), dLdw1: round(g[0]), dLdw2: round(g[1]) }}
      headingLevel={headingLevel}
      title="The gradient on a loss surface"
      intro={
        <p>
          Drag the point across the map (or use the sliders). The arrow shows which way the loss falls fastest; the two
          small charts cut the surface along each weight, and the slope of each tangent line is one partial derivative.
          Where is the arrow shortest?
        </p>
      }
      notice={notice}
      onDismissNotice={dismissNotice}
      onReset={reset}
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
            <Chart options={mapOptions} onPointer={onPointer} />
          </div>
          <div class="gradient-surface__side">
            <Slider
              field="w1"
              label="Weight w₁"
              value={state.w1}
              min={schema.w1.min}
              max={schema.w1.max}
              step={schema.w1.step}
              onChange={(w1) => update({ w1 })}
            />
            <Slider
              field="w2"
              label="Weight w₂"
              value={state.w2}
              min={schema.w2.min}
              max={schema.w2.max}
              step={schema.w2.step}
              onChange={(w2) => update({ w2 })}
            />
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
              <Chart options={slice1} />
            </figure>
            <figure class="gradient-surface__slice" data-slice="w2">
              <figcaption>
                Along w₂, with w₁ fixed at {fmt(state.w1)}: tangent slope ∂E/∂w₂ = {fmt(g[1], 3)}
              </figcaption>
              <Chart options={slice2} />
            </figure>
          </div>
        </div>
      </div>
    </WidgetFrame>
  );
}

const MARGIN = { top: 26, right: 16, bottom: 40, left: 44 };

function mapChart(
  w1: number,
  w2: number,
  g: [number, number],
  loss: number,
  grid: { values: Float64Array; n: number },
  width: number,
  dark: boolean,
) {
  const { plate, shade } = plateColours(dark);
  const inner = Math.max(160, width - MARGIN.left - MARGIN.right);
  // Equal units per pixel on both axes (both domains are 6 wide), so the arrow meets the contours at right angles.
  const height = MARGIN.top + inner * ((W2_DOMAIN[1] - W2_DOMAIN[0]) / (W1_DOMAIN[1] - W1_DOMAIN[0])) + MARGIN.bottom;
  const arrow = descentArrow(w1, w2, g, 1);
  // Keep the label inside the map: anchored on the side of the arrow's tip facing the map's centre.
  const labelLeft = arrow ? arrow.x2 > (W1_DOMAIN[0] + W1_DOMAIN[1]) / 2 : false;
  const label = width < 420 ? '−∇E' : '−∇E (steepest descent)';
  return {
    alt: `Shaded contour map of the loss over w₁ from −1 to 5 and w₂ from −4 to 2; darker shading means higher loss. The minimum, marked ×, is at w₁ = ${fmt(MIN[0])}, w₂ = ${fmt(MIN[1])}. The point at w₁ = ${fmt(w1)}, w₂ = ${fmt(w2)} has loss ${fmt(loss, 3)}${arrow ? '; an arrow from it shows the steepest-descent direction −∇E' : ''}.`,
    width: MARGIN.left + inner + MARGIN.right,
    height,
    marginTop: MARGIN.top,
    marginRight: MARGIN.right,
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    x: { label: 'w₁', domain: W1_DOMAIN },
    y: { label: 'w₂', domain: W2_DOMAIN },
    marks: [
      Plot.frame({ fill: plate, stroke: 'none' }),
      Plot.contour(grid.values, {
        x1: W1_DOMAIN[0],
        x2: W1_DOMAIN[1],
        y1: W2_DOMAIN[1],
        y2: W2_DOMAIN[0],
        width: grid.n,
        height: grid.n,
        thresholds: LEVELS,
        fill: shade,
        fillOpacity: BAND_OPACITY,
        stroke: shade,
        strokeOpacity: 0.55,
        strokeWidth: 0.8,
      }),
      Plot.frame({ stroke: 'var(--c-muted)' }),
      // The two slices through the point (the small charts below).
      Plot.ruleY([w2], { stroke: shade, strokeDasharray: '2 4', strokeOpacity: 0.8 }),
      Plot.ruleX([w1], { stroke: shade, strokeDasharray: '2 4', strokeOpacity: 0.8 }),
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
      arrow
        ? Plot.arrow([arrow], { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: shade, strokeWidth: 3, headLength: 12 })
        : null,
      arrow
        ? Plot.text([arrow], {
            x: 'x2',
            y: 'y2',
            text: () => label,
            dy: arrow.y2 > w2 ? -10 : 14,
            textAnchor: labelLeft ? 'end' : 'start',
            fill: shade,
            fontWeight: 'bold',
            stroke: plate,
            strokeWidth: 3,
            paintOrder: 'stroke',
          })
        : null,
      Plot.dot([[w1, w2]], {
        x: (d: number[]) => d[0],
        y: (d: number[]) => d[1],
        r: 8,
        fill: 'var(--c-orange)',
        stroke: shade,
        strokeWidth: 2,
      }),
    ],
  };
}

function sliceChart(d: Data, along: 'w1' | 'w2', w1: number, w2: number, slope: number, boxWidth: number) {
  const points = slice(d, along, w1, w2);
  const at = along === 'w1' ? w1 : w2;
  const e0 = lossAt(d, w1, w2);
  const top = Math.max(...points.map((p) => p.loss)) * 1.05;
  const wide = boxWidth >= 560;
  const width = Math.max(220, Math.min(wide ? (boxWidth - 16) / 2 : boxWidth, 420));
  const name = along === 'w1' ? 'w₁' : 'w₂';
  const other = along === 'w1' ? `w₂ = ${fmt(w2)}` : `w₁ = ${fmt(w1)}`;
  return {
    alt: `The loss along ${name} with ${other} held fixed, a curve, with its tangent line at ${name} = ${fmt(at)} of slope ${fmt(slope, 3)}.`,
    width,
    height: 190,
    marginLeft: 44,
    marginBottom: 36,
    x: { label: name, domain: along === 'w1' ? W1_DOMAIN : W2_DOMAIN },
    y: { label: 'loss E', domain: [0, top] },
    marks: [
      Plot.gridY({ stroke: 'var(--c-grid)', strokeOpacity: 0.7 }),
      Plot.line(points, { x: 'w', y: 'loss', stroke: 'var(--c-blue)', strokeWidth: 2.5 }),
      Plot.line(points, {
        x: 'w',
        y: 'tangent',
        stroke: 'var(--c-orange)',
        strokeWidth: 2,
        strokeDasharray: '6 4',
        clip: true,
      }),
      Plot.dot([{ w: at, loss: e0 }], {
        x: 'w',
        y: 'loss',
        r: 5.5,
        fill: 'var(--c-orange)',
        stroke: 'var(--c-ink)',
        strokeWidth: 1.5,
      }),
    ],
  };
}
