/**
 * The perceptron chart's overlay: everything that moves with the neuron — the class shading, the
 * decision line, its handles, and the points (misclassified ones ringed in red).
 */
import { sigmoid } from '@lib';
import type { ChartScales } from '../shared/Chart';
import { decisionSegment, handles, neuronOf, type classify } from './model';
import type { PerceptronState } from './state';

/** The shade of a class probability: orange at 0, the page's background at ½, blue at 1. */
const shadeOf = (p: number) =>
  p >= 0.5
    ? `color-mix(in srgb, var(--c-blue) ${((2 * p - 1) * 100).toFixed(1)}%, var(--bg))`
    : `color-mix(in srgb, var(--c-orange) ${((1 - 2 * p) * 100).toFixed(1)}%, var(--bg))`;

/**
 * The neuron's shading, decision line, handles and the points. The shading depends only on
 * z = w₁x₁ + w₂x₂ + b, which changes along one direction: a linear gradient across the frame
 * draws it exactly (a hard edge at z = 0 for the step, the sigmoid's ramp otherwise).
 */
export function Marks({
  sc,
  state,
  points,
}: {
  sc: ChartScales;
  state: PerceptronState;
  points: ReturnType<typeof classify>;
}) {
  const n = neuronOf(state);
  const segment = decisionSegment(n);
  const hs = handles(n);
  // z in pixel coordinates: z = gx·px + gy·py + z0 (the scales are linear).
  const ax = sc.x(1) - sc.x(0);
  const ay = sc.y(1) - sc.y(0);
  const gx = n.w1 / ax;
  const gy = n.w2 / ay;
  const z0 = n.b - (n.w1 * sc.x(0)) / ax - (n.w2 * sc.y(0)) / ay;
  const g2 = gx * gx + gy * gy;
  const cx = (sc.left + sc.right) / 2;
  const cy = (sc.top + sc.bottom) / 2;
  const step = state.act === 'step';
  const Z = 8;
  let stops: [number, number][]; // offset, probability
  let ends = { x1: cx, y1: cy, x2: cx + 1, y2: cy };
  if (g2 > 1e-12) {
    const zc = gx * cx + gy * cy + z0;
    const at = (z: number) => [cx + ((z - zc) * gx) / g2, cy + ((z - zc) * gy) / g2] as const;
    const [x1, y1] = at(-Z);
    const [x2, y2] = at(Z);
    ends = { x1, y1, x2, y2 };
    stops = step
      ? [
          [0.5, 0],
          [0.5, 1],
        ]
      : Array.from({ length: 33 }, (_, i) => [i / 32, sigmoid(-Z + (2 * Z * i) / 32)] as [number, number]);
  } else {
    const p = step ? (n.b > 0 ? 1 : 0) : sigmoid(n.b);
    stops = [
      [0, p],
      [1, p],
    ];
  }
  const id = `${sc.clip.slice(5, -1)}-shade`;
  return (
    <>
      <linearGradient id={id} gradientUnits="userSpaceOnUse" {...ends}>
        {stops.map(([o, p]) => (
          <stop offset={o} style={{ stopColor: shadeOf(p) }} />
        ))}
      </linearGradient>
      <rect
        x={sc.left}
        y={sc.top}
        width={sc.right - sc.left}
        height={sc.bottom - sc.top}
        fill={`url(#${id})`}
        fill-opacity={0.28}
      />
      {segment && (
        <line
          x1={sc.x(segment[0]!.x1)}
          y1={sc.y(segment[0]!.x2)}
          x2={sc.x(segment[1]!.x1)}
          y2={sc.y(segment[1]!.x2)}
          stroke="var(--c-ink)"
          stroke-width={2.5}
        />
      )}
      <g stroke="var(--bg)" stroke-width={1}>
        {points.map((p) => {
          const x = sc.x(p.x1);
          const y = sc.y(p.x2);
          // Plot's symbols of radius 5.5: a circle, and a square of the same area.
          return p.label ? (
            <circle cx={x} cy={y} r={5.5} fill="var(--c-blue)" />
          ) : (
            <rect x={x - 4.87} y={y - 4.87} width={9.75} height={9.75} fill="var(--c-orange)" />
          );
        })}
      </g>
      <g stroke="var(--c-red)" stroke-width={2.5} fill="none">
        {points.map((p) => (p.wrong ? <circle cx={sc.x(p.x1)} cy={sc.y(p.x2)} r={10} /> : null))}
      </g>
      {hs && segment && (
        <g fill="var(--bg)" stroke="var(--c-ink)" stroke-width={2}>
          {hs.map((h) => (
            <circle cx={sc.x(h.x1)} cy={sc.y(h.x2)} r={7} />
          ))}
        </g>
      )}
    </>
  );
}
