import { useRef } from 'preact/hooks';
import { lossAxesOptions, type LossChartSpec } from '~/charts/loss-curve';
import { symbolPath, type ChartOptions } from '~/charts/plot';
import { Chart, linePath, type ChartProps, type ChartScales, fixedHeight } from './Chart';

/**
 * A loss chart (`lossCurve` in `~/charts/loss-curve`): Plot draws its axes again only when they
 * change; the curves, the newest points and the curves' names are the overlay, redrawn in place on
 * every frame.
 */
export function LossChart({
  chart,
  class: className,
  table,
}: {
  chart: LossChartSpec;
  class?: string;
  table?: ChartProps['table'];
}) {
  // The axes object is new on every frame; its key changes only when the axes do.
  const drawn = useRef<{ key: string; options: ChartOptions }>();
  if (drawn.current?.key !== chart.key)
    drawn.current = { key: chart.key, options: lossAxesOptions(chart.axes, chart.alt) };
  const options = drawn.current.options;
  return (
    <Chart
      options={options}
      sized={fixedHeight(options)}
      class={className}
      table={table}
      alt={chart.alt}
      overlay={(s) => <Lines s={s} lines={chart.lines} />}
    />
  );
}

function Lines({ s, lines }: { s: ChartScales; lines: LossChartSpec['lines'] }) {
  return (
    <>
      {lines.map((l, i) => (
        <path
          key={`l${i}`}
          d={linePath(l.points, s)}
          clip-path={s.clip}
          stroke-dasharray={l.dash}
          style={{ fill: 'none', stroke: l.color, strokeWidth: l.width }}
          stroke-linejoin="round"
          stroke-linecap="round"
        />
      ))}
      {lines.map((l, i) => {
        const p = l.points.at(-1);
        if (!l.dot || !p) return null;
        const x = s.x(p[0]);
        const y = s.y(p[1]);
        if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
        return <path key={`d${i}`} d={symbolPath('circle', x, y, 3.5)} style={{ fill: l.color }} />;
      })}
      {lines.map((l, i) => {
        if (!l.name) return null;
        const x = s.x(l.name.point[0]);
        const y = s.y(l.name.point[1]);
        if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
        return (
          <text
            key={`t${i}`}
            x={x}
            y={y}
            dy={-10}
            text-anchor="middle"
            style={{ fill: l.color, fontSize: '11px', fontWeight: 600 }}
          >
            {l.name.text}
          </text>
        );
      })}
    </>
  );
}
