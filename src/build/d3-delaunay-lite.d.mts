/** The error message of d3-delaunay's classes, left out of the browser build. */
export const NOT_INCLUDED: string;
export const Delaunay: unknown;
export const Voronoi: unknown;
