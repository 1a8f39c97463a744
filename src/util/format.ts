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

/** The no-break space set around "×" in a power of ten, so a number never breaks across lines. */
const NBSP = '\u202f';
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 10 to an integer power, as text: `powerOfTen(-5)` → "10⁻⁵", `powerOfTen(0)` → "1". */
export function powerOfTen(n: number): string {
  if (n === 0) return '1';
  return `10${String(n)
    .replace('-', '⁻')
    .replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!)}`;
}

/** `m × 10ⁿ` from `toExponential` text, true minus signs, no break inside; a mantissa of 1 is left out ("10⁻⁴"). */
function timesPowerOfTen(exponential: string, dropOne: boolean): string {
  const [mantissa, exponent] = exponential.split('e');
  const power = powerOfTen(Number(exponent));
  if (dropOne && Number(mantissa) === 1) return power;
  if (dropOne && Number(mantissa) === -1) return `−${power}`;
  return `${mantissa!.replace('-', '−')}${NBSP}×${NBSP}${power}`;
}

/**
 * A number in a readout or a sentence: `digits` decimals while they carry at least two significant
 * digits and the number is below 100 000 (`num(59.9372, 2)` → "59.94", `num(0.0012, 4)` → "0.0012"),
 * two significant digits down to 0.0001 (`num(0.0059, 3)` → "0.0059", `num(0.00071, 4)` → "0.00071"), otherwise three significant
 * digits times a power of ten (`num(5.93e-5, 4)` → "5.93 × 10⁻⁵",
 * `num(1.4e6)` → "1.40 × 10⁶"). True minus signs, no line break inside, non-finite values spelled
 * out, and 0 as `fmt` writes it.
 */
export function num(x: number, digits = 2): string {
  if (!Number.isFinite(x) || x === 0) return fmt(x, digits);
  const a = Math.abs(x);
  if (a >= 10 ** (1 - digits) && a < 1e5) return fmt(x, digits);
  if (a >= 1e-4 && a < 1e5) return String(Number(x.toPrecision(2))).replace('-', '−');
  return timesPowerOfTen(x.toExponential(2), false);
}

/**
 * A number with at most `significant` significant digits and no trailing zeros, for tick labels,
 * tables and messages (`sig(0.5)` → "0.5", `sig(1e-4)` → "10⁻⁴", `sig(2.5e-7)` → "2.5 × 10⁻⁷",
 * `sig(0.1 + 0.2)` → "0.3"): plain from 0.001 to below 100 000, a power of ten outside.
 */
export function sig(x: number, significant = 4): string {
  if (!Number.isFinite(x)) return fmt(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e5) return String(Number(x.toPrecision(significant))).replace('-', '−');
  const [m, e] = x.toExponential(significant - 1).split('e');
  return timesPowerOfTen(`${Number(m)}e${e}`, true);
}

/**
 * Two numbers that differ, with just enough significant digits to show how (at least 4, at most 17):
 * `distinct(0.30000000000000004, 0.3)` → ["0.30000000000000004", "0.3"], `distinct(0.2341, 0.234)`
 * → ["0.2341", "0.234"]. Equal numbers come back alike, as `sig` writes them.
 */
export function distinct(a: number, b: number): [string, string] {
  for (let k = 4; k < 17; k++) {
    const [sa, sb] = [sig(a, k), sig(b, k)];
    if (sa !== sb) return [sa, sb];
  }
  return [sig(a, 17), sig(b, 17)];
}

/**
 * A small quantity such as a relative error, for prose: from 0.01 up written plainly (0.35),
 * below that in scientific notation with one decimal (3.2 × 10⁻¹⁰); 0 stays 0.
 */
export function sci(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return 'not a finite number';
  if (Math.abs(x) >= 0.01) return fmt(x, 2);
  return timesPowerOfTen(x.toExponential(1), false);
}

/** The same as {@link sci}, inside KaTeX source. */
export function sciTex(x: number): string {
  if (x === 0) return '0';
  if (Math.abs(x) >= 0.01) return fmtTex(x, 2);
  const [mantissa, exponent] = x.toExponential(1).split('e');
  return `${mantissa} \\times 10^{${Number(exponent)}}`;
}
