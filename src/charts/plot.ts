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
  const chart = Plot.plot({ ...defaults, ...options, style, ariaLabel: alt, ...(document ? { document } : {}) });
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
