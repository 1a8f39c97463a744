/**
 * The heat map's colours, without the DOM: the pixels of the decision regions, shaded from the
 * network's outputs on a grid of points (`HeatMap.tsx` draws them on its canvas), the grid's
 * coordinates, and the theme's CSS colours read as RGB.
 */

/** An RGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

/** Colour of each class on the map (same order as the class labels). */
export interface MapColors {
  bg: Rgb;
  classes: readonly Rgb[];
}

/** Strength of the shading at full confidence (0 = background, 1 = the class colour). */
export const SHADE = 0.5;

/**
 * Fills `pixels` (RGBA, one pixel per grid point) from the network's outputs on the grid
 * (`outputs` values per point). One output: ŷ read as P(class 1), clamped to [0, 1], shaded from
 * class 0 through the background (ŷ = 0.5) to class 1. Several: the outputs (negatives as 0)
 * normalised to shares, the mixture of the class colours, faded to the background as the
 * largest share falls to 1/K. Non-finite outputs paint the background.
 */
export function shadeGrid(values: Float64Array, outputs: number, colors: MapColors, pixels: Uint8ClampedArray): void {
  const points = values.length / outputs;
  const [br, bgG, bb] = colors.bg;
  for (let p = 0; p < points; p++) {
    let r = br;
    let g = bgG;
    let b = bb;
    if (outputs === 1) {
      const v = values[p]!;
      if (Number.isFinite(v)) {
        const q = v < 0 ? 0 : v > 1 ? 1 : v;
        const c = q >= 0.5 ? colors.classes[1]! : colors.classes[0]!;
        const a = SHADE * Math.abs(2 * q - 1);
        r = br + a * (c[0] - br);
        g = bgG + a * (c[1] - bgG);
        b = bb + a * (c[2] - bb);
      }
    } else {
      let sum = 0;
      let finite = true;
      for (let k = 0; k < outputs; k++) {
        const v = values[p * outputs + k]!;
        if (!Number.isFinite(v)) finite = false;
        else if (v > 0) sum += v;
      }
      if (finite && sum > 0) {
        let mr = 0;
        let mg = 0;
        let mb = 0;
        let top = 0;
        for (let k = 0; k < outputs; k++) {
          const v = values[p * outputs + k]!;
          const share = v > 0 ? v / sum : 0;
          const c = colors.classes[k]!;
          mr += share * c[0];
          mg += share * c[1];
          mb += share * c[2];
          if (share > top) top = share;
        }
        const a = (SHADE * (top - 1 / outputs)) / (1 - 1 / outputs);
        r = br + a * (mr - br);
        g = bgG + a * (mg - bgG);
        b = bb + a * (mb - bb);
      }
    }
    const o = 4 * p;
    pixels[o] = r;
    pixels[o + 1] = g;
    pixels[o + 2] = b;
    pixels[o + 3] = 255;
  }
}

/** Grid coordinates: n cell centres across [lo, hi]. */
export function cellCentres(lo: number, hi: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + ((i + 0.5) * (hi - lo)) / n;
  return out;
}

/** Parse `#rgb`, `#rrggbb` or `rgb(r, g, b)` into an RGB triple (fallback grey). */
export function parseColor(text: string): Rgb {
  const t = text.trim();
  let m = /^#([0-9a-f]{3})$/i.exec(t);
  if (m) return [0, 1, 2].map((i) => parseInt(m![1]![i]!.repeat(2), 16)) as unknown as Rgb;
  m = /^#([0-9a-f]{6})$/i.exec(t);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1]!.slice(i, i + 2), 16)) as unknown as Rgb;
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(t);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return [136, 136, 136];
}
