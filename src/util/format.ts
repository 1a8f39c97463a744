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

/**
 * A small quantity such as a relative error, for prose: from 0.01 up written plainly (0.35),
 * below that in scientific notation with one decimal (3.2 × 10⁻¹⁰); 0 stays 0.
 */
export function sci(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return 'not a finite number';
  if (Math.abs(x) >= 0.01) return fmt(x, 2);
  const [mantissa, exponent] = x.toExponential(1).split('e');
  const superscript = String(Number(exponent))
    .replace('-', '⁻')
    .replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
  return `${mantissa!.replace('-', '−')} × 10${superscript}`;
}

/** The same as {@link sci}, inside KaTeX source. */
export function sciTex(x: number): string {
  if (x === 0) return '0';
  if (Math.abs(x) >= 0.01) return fmtTex(x, 2);
  const [mantissa, exponent] = x.toExponential(1).split('e');
  return `${mantissa} \\times 10^{${Number(exponent)}}`;
}
