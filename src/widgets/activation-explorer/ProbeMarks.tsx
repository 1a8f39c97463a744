/** The probe drawn over either chart. */
import type { ChartScales } from '../shared/Chart';
import { symbolPath } from '~/charts/plot';
import { fmt } from '~/util/format';
import { FUNCTIONS, type Probe } from './model';
import { STYLE } from './FunctionStyle';

/** The probe: a dashed rule at x, each function's dot there, the short tangents (f chart) and the label. */
export function ProbeMarks(props: {
  sc: ChartScales;
  x: number;
  probes: Probe[];
  pick: (p: Probe) => number | undefined;
  tangents?: boolean;
}) {
  const { sc, x, probes, pick } = props;
  const px = sc.x(x);
  return (
    <>
      <line
        x1={px}
        x2={px}
        y1={sc.top}
        y2={sc.bottom}
        stroke="var(--c-ink)"
        stroke-dasharray="2 3"
        stroke-opacity={0.8}
      />
      {props.tangents &&
        probes
          .filter((p) => p.df !== undefined && !(p.convention && x === 0))
          .map((p) => (
            <line
              x1={sc.x(x - 0.8)}
              y1={sc.y(p.f - p.df! * 0.8)}
              x2={sc.x(x + 0.8)}
              y2={sc.y(p.f + p.df! * 0.8)}
              clip-path={sc.clip}
              stroke={STYLE[p.fn].color}
              stroke-width={1.5}
              stroke-opacity={0.9}
            />
          ))}
      {FUNCTIONS.flatMap((fn) =>
        probes
          .filter((p) => p.fn === fn && pick(p) !== undefined)
          .map((p) => (
            <path
              d={symbolPath(STYLE[fn].symbol, px, sc.y(pick(p)!), 5.5)}
              fill={STYLE[fn].color}
              stroke="var(--bg)"
              stroke-width={1.5}
            />
          )),
      )}
      <text x={sc.right} y={sc.top - 16} dy="0.32em" text-anchor="end" fill="var(--c-ink)" font-size="13">
        probe x = {fmt(x)}
      </text>
    </>
  );
}
