/**
 * `gradient-surface` — a loss over two weights as a shaded contour map (darker = higher loss).
 * Drag the point (or use the sliders): the arrow shows the direction of steepest descent −∇E, and
 * two slices through the point show the partial derivatives as the slopes of tangent lines.
 */
import { useMemo } from 'preact/hooks';
import { Chart, type ChartPointer, fixedHeight } from '../shared/Chart';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useThemeColors } from '../shared/theme';
import { useWidget } from '../shared/useWidget';
import { useWidth } from '../shared/useWidth';
import { clampToField } from '../shared/url-state';
import { fmt, fmtTex } from '~/util/format';
import { gradientSurfaceSchema as schema } from './state';
import { gradientAt, lossAt, lossGrid, slice } from './model';
import { data } from './dataset';
import { MAP_HEIGHT, MAP_MAX_WIDTH, MapMarks, mapAlt, mapChart } from './LossMap';
import { SliceMarks, niceTop, sliceAlt, sliceChart } from './LossSlice';
import { ShadeLegend } from './ShadeLegend';
import './gradient-surface.css';
import meta from './widget.json';

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
            <ShadeLegend dark={dark} />
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
