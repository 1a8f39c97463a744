/** The contour map of the loss over (w₁, w₂): its Plot options, and the point, cross-hairs and descent arrow drawn over it. */
import * as Plot from '@observablehq/plot';
import { aspectSizing, chartHeight, type ChartScales } from '../shared/Chart';
import { contourMark } from '~/charts/grid-marks';
import { fmt } from '~/util/format';
import { BAND_OPACITY, LEVELS, W1_DOMAIN, W2_DOMAIN, descentArrow } from './model';
import { MIN } from './dataset';

/**
 * "Darker = higher loss" must hold in both themes, so the map lies on a light plate of its own: the
 * page's light colour is the plate and its dark colour the shading (the two swap in dark mode).
 */
export function plateColours(dark: boolean) {
  return dark ? { plate: 'var(--c-ink)', shade: 'var(--bg)' } : { plate: 'var(--bg)', shade: 'var(--c-ink)' };
}

const MARGIN = { top: 26, right: 16, bottom: 40, left: 44 };
/** The map is drawn as wide as its box, up to this. */
export const MAP_MAX_WIDTH = 560;
/** The plot is at least 160 px wide. */
const MAP_MIN_INNER = 160;
/**
 * The map's height for its width, also reserved before it is drawn: equal units per pixel on both
 * axes (the plot as tall per pixel of width as the w₂ domain is to the w₁ domain), plus margins.
 */
export const MAP_HEIGHT = aspectSizing(
  (W2_DOMAIN[1] - W2_DOMAIN[0]) / (W1_DOMAIN[1] - W1_DOMAIN[0]),
  MARGIN,
  MARGIN.left + MAP_MIN_INNER + MARGIN.right,
  MAP_MAX_WIDTH,
);

export const mapAlt = (w1: number, w2: number, g: [number, number], loss: number) =>
  `Shaded contour map of the loss over w₁ from −1 to 5 and w₂ from −4 to 2; darker shading means higher loss. The minimum, marked ×, is at w₁ = ${fmt(MIN[0])}, w₂ = ${fmt(MIN[1])}. The point at w₁ = ${fmt(w1)}, w₂ = ${fmt(w2)} has loss ${fmt(loss, 3)}${descentArrow(w1, w2, g, 1) ? '; an arrow from it shows the steepest-descent direction −∇E' : ''}.`;

/** The contour map with its minimum: everything that does not move with the point. */
export function mapChart(grid: { values: Float64Array; n: number }, width: number, dark: boolean) {
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
export function MapMarks(props: {
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
