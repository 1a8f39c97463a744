/** The error message of every date format used before loadTimeFormats(). */
export const NOT_LOADED: string;
/** Fetches the real d3-time-format (once); afterwards every export behaves as its own. */
export function loadTimeFormats(): Promise<void>;
export const isoFormat: (date: Date) => string;
export const isoParse: (string: string) => Date | null;
export const timeFormat: (specifier: string) => (date: Date) => string;
export const timeFormatDefaultLocale: (definition: unknown) => unknown;
export const timeFormatLocale: (definition: unknown) => unknown;
export const timeParse: (specifier: string) => (string: string) => Date | null;
export const utcFormat: (specifier: string) => (date: Date) => string;
export const utcParse: (specifier: string) => (string: string) => Date | null;
