/** The error message of every d3-random function, left out of the browser build. */
export const NOT_INCLUDED: string;
export const randomLcg: unknown;
