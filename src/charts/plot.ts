import * as Plot from '@observablehq/plot';

/**
 * The one place where charts are made. Every figure and widget chart goes through
 * {@link plotChart}, so fonts, colours, sizes and accessibility fixes are the same everywhere.
 *
 * Colours are CSS variables (`var(--c-blue)` …) defined in the global stylesheet for light and
 * dark mode, so a chart rendered once (at build time or in the page) follows the theme without
 * being drawn again.
 */

/** The palette, by role. Use these names in figures instead of raw colours. */
export const palette = {
  blue: 'var(--c-blue)',
  orange: 'var(--c-orange)',
  green: 'var(--c-green)',
  red: 'var(--c-red)',
  purple: 'var(--c-purple)',
  ink: 'var(--c-ink)',
  muted: 'var(--c-muted)',
  grid: 'var(--c-grid)',
} as const;

/** Options every chart starts from; a figure's own options win. */
const defaults: Plot.PlotOptions = {
  width: 640,
  height: 320,
  marginLeft: 48,
  style: {
    background: 'transparent',
    color: 'var(--c-ink)',
    fontFamily: 'inherit',
    fontSize: '13px',
    overflow: 'visible',
  },
};

export interface ChartOptions extends Plot.PlotOptions {
  /** What the chart shows, in a sentence, for screen readers (becomes the SVG's accessible name). */
  alt: string;
}

/**
 * Render Plot options to an element. Pass `document` to render outside a browser (at build time
 * with jsdom); in the page the global document is used.
 */
export function plotChart({ alt, ...options }: ChartOptions, document?: Document): SVGSVGElement | HTMLElement {
  const style = { ...(defaults.style as object), ...(typeof options.style === 'object' ? options.style : {}) };
  // An aspect ratio sets the height from the scales; a default height would override it.
  const { height: _defaultHeight, ...base } = defaults;
  const sized = options.aspectRatio != null && options.height === undefined ? base : defaults;
  const chart = Plot.plot({ ...sized, ...options, style, ariaLabel: alt, ...(document ? { document } : {}) });
  fixAria(chart);
  return chart;
}

/**
 * Plot labels its mark groups with `aria-label` on plain `<g>` elements, which ARIA forbids on
 * elements without a role (axe: aria-prohibited-attr). Giving them role="group" keeps the labels
 * meaningful; the root SVG becomes an image with the chart's description.
 */
function fixAria(chart: Element): void {
  const svgs = chart.tagName.toLowerCase() === 'svg' ? [chart] : Array.from(chart.querySelectorAll('svg'));
  for (const svg of svgs) {
    for (const el of Array.from(svg.querySelectorAll('[aria-label]'))) {
      // Groups of marks keep their label as a group; single shapes (e.g. the frame) are decoration.
      if (el.tagName.toLowerCase() === 'g') el.setAttribute('role', 'group');
      else el.removeAttribute('aria-label');
    }
    if (svg.getAttribute('aria-label')) svg.setAttribute('role', 'img');
    else if (!svg.closest('[aria-label]')) svg.setAttribute('aria-hidden', 'true');
  }
}

/** Plot's symbol names for filled dots (d3's `symbolsFill`), drawn by {@link symbolPath}. */
export type SymbolName = 'circle' | 'cross' | 'diamond' | 'square' | 'star' | 'triangle';

/**
 * The SVG path of a dot of radius `r` centred on (x, y), the same shape and area as Plot's
 * `Plot.dot(…, { symbol, r })` (d3's symbols with size πr²) — for marks drawn in a chart's overlay.
 */
export function symbolPath(symbol: SymbolName, x: number, y: number, r: number): string {
  const size = Math.PI * r * r;
  const pts: [number, number][] = [];
  switch (symbol) {
    case 'circle':
      return `M${x + r},${y}A${r},${r},0,1,1,${x - r},${y}A${r},${r},0,1,1,${x + r},${y}Z`;
    case 'cross': {
      const a = Math.sqrt(size / 5) / 2;
      const c: [number, number][] = [
        [-3, -1],
        [-1, -1],
        [-1, -3],
        [1, -3],
        [1, -1],
        [3, -1],
        [3, 1],
        [1, 1],
        [1, 3],
        [-1, 3],
        [-1, 1],
        [-3, 1],
      ];
      for (const [u, v] of c) pts.push([u * a, v * a]);
      break;
    }
    case 'diamond': {
      const tan30 = Math.sqrt(1 / 3);
      const h = Math.sqrt(size / (tan30 * 2));
      const w = h * tan30;
      pts.push([0, -h], [w, 0], [0, h], [-w, 0]);
      break;
    }
    case 'square': {
      const h = Math.sqrt(size) / 2;
      pts.push([-h, -h], [h, -h], [h, h], [-h, h]);
      break;
    }
    case 'star': {
      const kr = Math.sin(Math.PI / 10) / Math.sin((7 * Math.PI) / 10);
      const kx = Math.sin((2 * Math.PI) / 10) * kr;
      const ky = -Math.cos((2 * Math.PI) / 10) * kr;
      const R = Math.sqrt(size * 0.8908130915292852);
      const px = kx * R;
      const py = ky * R;
      pts.push([0, -R], [px, py]);
      for (let i = 1; i < 5; ++i) {
        const a = (2 * Math.PI * i) / 5;
        const c = Math.cos(a);
        const s = Math.sin(a);
        pts.push([s * R, -c * R], [c * px - s * py, s * px + c * py]);
      }
      break;
    }
    case 'triangle': {
      const sqrt3 = Math.sqrt(3);
      const t = -Math.sqrt(size / (sqrt3 * 3));
      pts.push([0, t * 2], [-sqrt3 * t, -t], [sqrt3 * t, -t]);
      break;
    }
  }
  return `${pts.map(([u, v], i) => `${i ? 'L' : 'M'}${(x + u).toFixed(2)},${(y + v).toFixed(2)}`).join('')}Z`;
}
