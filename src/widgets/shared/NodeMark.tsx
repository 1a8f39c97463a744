/** One node of a NetworkDiagram: its circle, its name above and its value inside. */
import { nodeValueText, type DiagramNode, type Point } from './network-layout';

export interface NodeMarkProps {
  node: DiagramNode;
  /** Its layer and index, for the data attributes the tests and widgets look up. */
  l: number;
  i: number;
  /** Centre and radius. */
  p: Point;
  r: number;
  /** Not dimmed by the highlight. */
  on: boolean;
  /** Marked by the highlight (a highlight is on and includes it). */
  strong: boolean;
  digits: number;
  /** The CSS transition of the opacity, while a highlight fades in or out. */
  fade: string | undefined;
}

export function NodeMark({ node, l, i, p, r, on, strong, digits, fade }: NodeMarkProps) {
  const text = nodeValueText(node.value, digits);
  return (
    <g data-node={`${l}-${i}`} data-lit={strong ? '' : undefined} style={{ opacity: on ? 1 : 0.35, transition: fade }}>
      <circle
        cx={p.x}
        cy={p.y}
        r={r}
        style={{
          fill: strong ? 'color-mix(in srgb, var(--c-purple) 14%, var(--bg))' : 'var(--bg)',
          stroke: strong ? 'var(--c-purple)' : 'var(--c-ink)',
          strokeWidth: strong ? 3 : 1.5,
        }}
      />
      <text
        x={p.x}
        y={p.y - r - 5}
        text-anchor="middle"
        style={{ fill: 'var(--c-muted)', fontSize: '13px', fontStyle: 'italic' }}
      >
        {node.label}
      </text>
      {text && (
        <text
          data-value={`${l}-${i}`}
          x={p.x}
          y={p.y}
          dy="0.35em"
          text-anchor="middle"
          style={{
            fill: 'var(--c-ink)',
            fontSize: text.length > 5 ? '11px' : '12px',
            fontWeight: 600,
            fontVariantNumeric: 'tabular-nums',
          }}
        >
          {text}
        </text>
      )}
    </g>
  );
}
