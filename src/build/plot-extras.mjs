// @ts-check
/**
 * The parts of Observable Plot's d3 that the browser build leaves out of the lecture pages until
 * asked (plot-d3-lite.mjs): the colour schemes (d3-scale-chromatic-lite.mjs) and the date formats
 * (d3-time-format-lite.mjs). No widget uses them; a notebook cell may, so the notebook calls
 * loadPlotExtras() before a cell draws, which fetches all of them at once, in parallel.
 */
import { loadColorSchemes } from './d3-scale-chromatic-lite.mjs';
import { loadTimeFormats } from './d3-time-format-lite.mjs';

/** Fetches every lazily loaded package (once); afterwards Plot behaves as with the real ones. */
export async function loadPlotExtras() {
  await Promise.all([loadColorSchemes(), loadTimeFormats()]);
}
