/**
 * Format a number for prose and equations: fixed digits and a true minus sign (−, U+2212),
 * so "−0.25" never breaks across lines or reads as a hyphen. Non-finite values are spelled out.
 */
export function fmt(x: number, digits = 2): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  const text = x.toFixed(digits);
  // -0.00 reads as a sign error; show 0.00.
  if (/^-0(\.0*)?$/.test(text)) return text.slice(1);
  return text.replace('-', '−');
}

/** The same as {@link fmt}, for use inside KaTeX source, where the minus is written `-`. */
export function fmtTex(x: number, digits = 2): string {
  return fmt(x, digits).replace('−', '-').replace('∞', '\\infty');
}
