/**
 * Leaky ReLU: like ReLU, but negative inputs keep a small slope α instead of 0,
 *   f(x) = x for x > 0,  αx otherwise;   f'(x) = 1 for x > 0,  α otherwise.
 * A unit whose inputs are all negative then still passes some gradient back, so it cannot "die"
 * the way a ReLU unit can. (Scalar helpers for charts; networks in the lecture use ReLU.)
 */
export function leakyRelu(x: number, alpha: number): number {
  return x > 0 ? x : alpha * x;
}

/** f'(x) = 1 for x > 0, α for x < 0; at the corner x = 0 we pick α, as `reluDerivative` picks 0. */
export function leakyReluDerivative(x: number, alpha: number): number {
  return x > 0 ? 1 : alpha;
}
