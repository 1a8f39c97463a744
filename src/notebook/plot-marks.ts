/**
 * The Observable Plot marks a notebook cell may draw (`PLOT_MARKS`), imported by name. A page
 * loads this module only when a cell draws a plot; importing Plot's whole namespace instead
 * would keep every mark and transform of Plot in the chunk the lecture's widgets share
 * (129 KB gzip instead of 84 KB).
 */
import {
  areaY,
  barX,
  barY,
  cell,
  dot,
  frame,
  gridX,
  gridY,
  line,
  lineX,
  lineY,
  rect,
  ruleX,
  ruleY,
  text,
  tickX,
  tickY,
} from '@observablehq/plot';
import type { Markish } from '@observablehq/plot';
// Imported here, not dynamically where it is called (render.ts), so that it stays in the chunk of
// Plot that imports it rather than being split into one of its own.
export { loadPlotExtras } from '~/build/plot-extras.mjs';
import type { PlotMarkName } from './run-cell';

type MarkMaker = (data: unknown, options?: unknown) => Markish;

const MAKERS = {
  dot,
  line,
  lineX,
  lineY,
  cell,
  rect,
  ruleX,
  ruleY,
  areaY,
  barX,
  barY,
  text,
  tickX,
  tickY,
  frame,
  gridX,
  gridY,
} satisfies Record<PlotMarkName, unknown>;

/** The mark function of that name (its data and options were checked by the notebook's schema). */
export function markMaker(name: PlotMarkName): MarkMaker {
  return MAKERS[name] as MarkMaker;
}
