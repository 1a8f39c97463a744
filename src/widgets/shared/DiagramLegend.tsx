/** The one-line key under a NetworkDiagram: what solid, dashed, dotted and thick lines mean. */
import { edgeStyle, type EdgeStyle } from './network-layout';

export function DiagramLegend() {
  return (
    <p
      class="network-diagram__legend"
      style={{ margin: '0.25rem 0 0', fontSize: '0.85rem', color: 'var(--c-muted)', lineHeight: 1.6 }}
    >
      <LegendLine style={edgeStyle(1, 1)} /> positive weight, <LegendLine style={edgeStyle(-1, 1)} /> negative,{' '}
      <LegendLine style={edgeStyle(0, 1)} /> zero; a thicker line is a larger |w|.
    </p>
  );
}

/** A short sample of an edge's line style for the legend. */
function LegendLine({ style }: { style: EdgeStyle }) {
  return (
    <svg
      width="28"
      height="10"
      aria-hidden="true"
      focusable="false"
      style={{ verticalAlign: 'middle', overflow: 'visible' }}
    >
      <line
        x1="1"
        y1="5"
        x2="27"
        y2="5"
        style={{
          stroke: style.color,
          strokeWidth: Math.min(style.width, 4),
          strokeDasharray: style.dash,
          strokeLinecap: style.dash ? 'butt' : 'round',
        }}
      />
    </svg>
  );
}
