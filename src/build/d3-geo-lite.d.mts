/** The error message of every d3-geo function left out of the browser build. */
export const NOT_INCLUDED: string;
export const geoPath: unknown;
export const geoStream: unknown;
export const geoTransform: unknown;
