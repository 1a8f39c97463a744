/** Fetches every lazily loaded package of Plot's d3 (once); afterwards Plot behaves as with the real ones. */
export function loadPlotExtras(): Promise<void>;
