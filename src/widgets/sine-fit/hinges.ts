/**
 * The sine-fit widget's hand mode: ReLU hinges set by hand, as an engine network, its presets
 * (the slide's two-ReLU formula, six hinges along the sine) and its formula in TeX.
 */
import { Network, linspace, relu } from '@lib';
import { fmtTex } from '~/util/format';
import { clampToField } from '../shared/url-state';
import { HINGES, sineFitSchema, type SineFitState } from './state';
import { TWO_PI, signed } from './model';

/** Hinge k (0-based) of the hand state: ReLU(w·x + b), weighted by v in the sum. */
export interface Hinge {
  w: number;
  b: number;
  v: number;
}

export function hingesOf(s: Pick<SineFitState, 'hinges' | 'hw' | 'hb' | 'hv'>): Hinge[] {
  return Array.from({ length: s.hinges }, (_, k) => ({
    w: s.hw[k]!,
    b: s.hb[k]!,
    v: s.hv[k]!,
  }));
}

/** The hand-set hinges as an engine network: 1 input → n ReLU units → 1 linear output with bias c. */
export function handNetwork(s: Pick<SineFitState, 'hinges' | 'hw' | 'hb' | 'hv' | 'c'>): Network {
  const hinges = hingesOf(s);
  return Network.fromParameters([
    {
      weights: [hinges.map((h) => h.w)],
      biases: hinges.map((h) => h.b),
      activation: 'relu',
    },
    { weights: hinges.map((h) => [h.v]), biases: [s.c], activation: 'linear' },
  ]);
}

/** The slide's formula y = max(max(6x + 0, 0)·(−1) + 0.7, 0)·(−1), with the engine's ReLU. */
export function slideFormula(x: number): number {
  return relu(relu(x * 6.0 + 0.0) * -1.0 + 0.7) * -1.0;
}

type HandPreset = Pick<SineFitState, 'hinges' | 'hw' | 'hb' | 'hv' | 'c' | 'view' | 'edit'>;

/**
 * The slide's formula as a sum of hinges: −0.7 + 1·max(6x, 0) − 1·max(6x − 0.7, 0).
 * (For x ≤ 0 both hinges are off: −0.7; between 0 and 0.7/6 the first rises with slope 6; after
 * 0.7/6 the second cancels it: 0.) The unused hinges keep their defaults.
 */
export function slidePreset(): HandPreset {
  const d = sineFitSchema;
  return {
    hinges: 2,
    hw: [...d.hw.default],
    hb: [...d.hb.default],
    hv: [...d.hv.default],
    c: d.c.default,
    view: 'slide',
    edit: 1,
  };
}

/**
 * Six hinges that join seven points of the sine, at x = kπ/3: hinge k bends at knot k
 * (w = 1, b = −kπ/3) and its output weight is the change of slope there. Rounded to the sliders' steps.
 */
export function sinePreset(): HandPreset {
  const knots = Array.from(linspace(0, TWO_PI, HINGES + 1));
  const slopes = knots.slice(0, -1).map((t, k) => (Math.sin(knots[k + 1]!) - Math.sin(t)) / (knots[k + 1]! - t));
  return {
    hinges: HINGES,
    hw: knots.slice(0, -1).map(() => 1),
    hb: knots.slice(0, -1).map((t) => clampToField(sineFitSchema.hb, -t)),
    hv: slopes.map((sl, k) => clampToField(sineFitSchema.hv, k === 0 ? sl : sl - slopes[k - 1]!)),
    c: 0,
    view: 'sine',
    edit: 1,
  };
}

/** ŷ = v₁·max(w₁x + b₁, 0) + … + c, one hinge per line (narrow screens). */
export function hingesTex(hinges: readonly Hinge[], c: number): string {
  const terms = hinges.map((h, k) => {
    const v = k === 0 ? fmtTex(h.v) : signed(h.v);
    return `${v} \\max(${fmtTex(h.w, 1)}x ${signed(h.b)}, 0)`;
  });
  terms.push(signed(c));
  return `\\begin{aligned} \\hat{y} = {} & ${terms.join(' \\\\ & ')} \\end{aligned}`;
}
