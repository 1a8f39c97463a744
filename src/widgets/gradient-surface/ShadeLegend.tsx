/** The map's legend: five swatches from light to dark, each level crossed adding a layer of shade. */
import { fmt } from '~/util/format';
import { BAND_OPACITY, LEVELS } from './model';
import { plateColours } from './LossMap';

export function ShadeLegend({ dark }: { dark: boolean }) {
  const { plate, shade } = plateColours(dark);
  return (
    <p class="gradient-surface__legend" data-readout="legend">
      <svg width="132" height="18" aria-hidden="true" focusable="false">
        {[0, 2, 4, 6, 8].map((bands, k) => (
          <g key={bands}>
            <rect x={1 + k * 26} y={1} width={24} height={16} style={{ fill: plate, stroke: 'var(--c-muted)' }} />
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
  );
}
