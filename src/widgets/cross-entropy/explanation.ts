/**
 * What the widget writes about the loss: the loss as text and as TeX, the formula with the numbers
 * filled in, and the sentence on what clipping does here.
 */
import { fmt, fmtTex } from '~/util/format';
import { LOSS_CAP, type Result } from './model';
import type { CrossEntropyState } from './state';

/** A loss as text: four decimals, or "infinite" in words. */
export const lossText = (x: number) => (x === Infinity ? 'infinite (∞)' : fmt(x, 4));
export const lossTex = (x: number) => (x === Infinity ? '\\infty' : fmtTex(x, 4));

/** The formula of the loss (categorical or binary) with this prediction's numbers, ending in its value. */
export function formulaTex(state: CrossEntropyState, r: Result): string {
  const lines =
    state.mode === 'binary'
      ? [
          `L &= -\\bigl[\\,y \\log(\\hat{y}) + (1 - y) \\log(1 - \\hat{y})\\,\\bigr]`,
          `&= -\\bigl[\\,${state.y} \\cdot \\log(${fmtTex(state.yhat, 3)}) + ${1 - Number(state.y)} \\cdot \\log(${fmtTex(1 - state.yhat, 3)})\\,\\bigr]`,
        ]
      : [
          `L &= -\\sum_{k=1}^{4} y_{\\text{true}}^{k} \\log(y_{\\text{predict}}^{k})`,
          `&= -\\log(y_{\\text{predict}}^{\\text{${r.trueName}}})`,
        ];
  return `\\begin{aligned} ${[...lines, ...clipLines(r, state.clip)].join(' \\\\[3pt] ')} \\end{aligned}`;
}

/** Whether clipping acts here, and what it changes (or that the loss is infinite without it). */
export function verdictText(state: CrossEntropyState, r: Result): string {
  const binary = state.mode === 'binary';
  const infinite = r.loss === Infinity;
  return infinite
    ? `Without clipping the loss is infinite: the prediction gives the true ${binary ? 'label' : 'class'} a probability of exactly 0, and log 0 is minus infinity. Its gradient would divide by zero, and the infinities would turn into NaN ("not a number") in every weight. Switch clipping back on: the loss becomes ${fmt(LOSS_CAP, 2)}.`
    : r.clipMatters
      ? state.clip
        ? `Clipping is at work: the probability ${fmt(r.pTrue, 3)} is replaced by ${r.pTrue < 0.5 ? '10⁻⁷' : '1 − 10⁻⁷'} before the logarithm, so the loss is ${lossText(r.loss)} instead of ${lossText(r.rawLoss)}.`
        : `Clipping is off: −log ${fmt(r.pTrue, 3)} = ${lossText(r.rawLoss)}; with clipping it would be ${lossText(r.clippedLoss)}.`
      : `Clipping changes nothing here: ${fmt(r.pTrue, 3)} lies inside [10⁻⁷, 1 − 10⁻⁷]. It only acts at the very ends, where the probability is 0 or 1 to within 10⁻⁷.`;
}

/** The last lines of the formula: −log(p) = L, or −log(clip(p, …)) = −log(p′) = L when clipping acts. */
function clipLines(r: Result, clipped: boolean): string[] {
  const p = fmtTex(r.pTrue, 3);
  if (clipped && r.clipMatters) {
    const bound = r.pTrue < 0.5 ? '10^{-7}' : '1 - 10^{-7}';
    return [
      `&= -\\log\\bigl(\\operatorname{clip}(${p}, 10^{-7}, 1 - 10^{-7})\\bigr)`,
      `&= -\\log(${bound}) = ${lossTex(r.loss)}`,
    ];
  }
  return [`&= -\\log(${p}) = ${lossTex(r.loss)}`];
}
