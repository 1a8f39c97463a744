/** The error message of every colour scheme read before loadColorSchemes(). */
export const NOT_LOADED: string;
/** Fetches the real d3-scale-chromatic (once); afterwards every export behaves as its own. */
export function loadColorSchemes(): Promise<void>;
export const interpolateTurbo: (t: number) => string;
export const schemeObservable10: readonly string[];
