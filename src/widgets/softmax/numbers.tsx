/** How the softmax widget writes its numbers: logits to one decimal, float64 results with a power of ten. */
import { numberText } from './model';

const SUB = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
export const sub = (i: number) => String(i).replace(/\d/g, (d) => SUB[Number(d)]!);
export const logitText = (z: number) => z.toFixed(1).replace('-', '−');
export const logitTex = (z: number) => z.toFixed(1);

/** A float64 in a table cell: NaN and Infinity as words (marked), big and tiny numbers with a power of ten. */
export function Num({ x, digits = 3 }: { x: number; digits?: number }) {
  const t = numberText(x, digits);
  if (!Number.isFinite(x)) return <span class="softmax__bad">{t.text}</span>;
  if (t.exponent === undefined) return <>{t.mantissa}</>;
  return (
    <>
      {t.mantissa} × 10<sup>{String(t.exponent).replace('-', '−')}</sup>
    </>
  );
}

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** e^{z_1} + e^{z_2} + e^{z_3}, or e^{z_1} + e^{z_2} + ⋯ + e^{z_k} when there are more than three. */
export function denominator(exponents: number[]): string {
  const terms = exponents.map((z) => `e^{${logitTex(z)}}`);
  return (terms.length <= 3 ? terms : [terms[0], terms[1], '\\cdots', terms.at(-1)]).join(' + ');
}
