/** What went wrong (or right) with the naive formula, in a word and in a few sentences. */
import type { ComponentChildren } from 'preact';
import { EXP_OVERFLOW, type Softmaxes } from './model';
import { Num, logitText } from './numbers';

const LEADS: Record<Softmaxes['verdict']['kind'], string> = {
  ok: 'Works here.',
  overflow: 'Overflow.',
  'sum-overflow': 'Overflow in the sum.',
  underflow: 'Underflow.',
  imprecise: 'Imprecise.',
};

export function naiveLead(r: Softmaxes): string {
  return LEADS[r.verdict.kind];
}

const ez = (
  <>
    e<sup>z</sup>
  </>
);

export function naiveVerdict(r: Softmaxes): ComponentChildren {
  const big = r.logits.filter((z) => z > EXP_OVERFLOW);
  const maxZ = Math.max(...r.logits);
  switch (r.verdict.kind) {
    case 'ok':
      return (
        <>
          The largest logit, {logitText(maxZ)}, is below {EXP_OVERFLOW.toFixed(2)}, so every {ez} is a finite float64,
          and the result agrees with the stable one (largest difference <Num x={r.verdict.error} />
          ).
        </>
      );
    case 'overflow':
      return (
        <>
          {ez} for z = {big.map(logitText).join(', ')} exceeds the largest float64 (about 1.8 × 10<sup>308</sup>) and
          becomes Infinity; the sum is Infinity, and Infinity / Infinity is NaN (not a number)
          {big.length < r.logits.length ? <>, while each finite {ez} / Infinity comes out as 0.</> : '.'} No usable
          probabilities.
        </>
      );
    case 'sum-overflow':
      return (
        <>
          Each {ez} is still finite, but their sum exceeds the largest float64 and becomes Infinity, so every
          probability comes out as 0: they add up to 0, not 1.
        </>
      );
    case 'underflow':
      return (
        <>
          Every logit is below about −745, so each {ez} rounds to 0. The sum is 0, and 0 / 0 is NaN (not a number). No
          usable probabilities.
        </>
      );
    case 'imprecise':
      return (
        <>
          No overflow, but the result is off by up to <Num x={r.verdict.error} />: the exponentials are so tiny (below
          about 2.2 × 10<sup>−308</sup>, or rounded to 0) that float64 keeps only a few of their digits.
        </>
      );
  }
}
