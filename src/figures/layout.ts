import type * as Plot from '@observablehq/plot';

/**
 * A build-time figure is drawn twice: at its own (wide) width, and at {@link NARROW_WIDTH} for
 * phone columns; CSS shows the one that fits its column (Figure.astro), so the text of a figure
 * is never scaled below 11 px. A figure may bring its own narrow layout (e.g. panels stacked
 * instead of side by side); otherwise Figure.astro redraws the wide one at the narrow width.
 */
export type FigurePlot = Plot.PlotOptions & { narrow?: Plot.PlotOptions };

/** Width of the narrow drawing: a 360 px phone's column (336 px) shows it at 13 px × 336/340. */
export const NARROW_WIDTH = 340;

/** The smallest text a figure is ever shown at, in CSS pixels. */
export const MIN_TEXT_PX = 11;

/** Text size of the figures (Plot's default style in src/charts/plot.ts). */
export const FIGURE_TEXT_PX = 13;

/** Facet channel of a panelled figure: side by side when wide, stacked when narrow. */
export function facet(narrow: boolean, value: string): { fx?: string; fy?: string } {
  return narrow ? { fy: value } : { fx: value };
}

/** Wide and narrow layouts of one figure, from a function that draws either. */
export function bothLayouts(draw: (narrow: boolean) => Plot.PlotOptions): FigurePlot {
  return { ...draw(false), narrow: draw(true) };
}
