import { describe, expect, test } from 'vitest';
import { parseColor, shadeGrid } from './heat-map-shading';

describe('heat map colours', () => {
  const colors = {
    bg: [255, 255, 255] as const,
    classes: [[255, 0, 0] as const, [0, 255, 0] as const, [0, 0, 255] as const],
  };
  test('one output: ŷ = 0.75 is a quarter of the way from the background to class 1 (half-strength shading)', () => {
    const px = new Uint8ClampedArray(4 * 3);
    shadeGrid(
      Float64Array.from([0.75, 0.5, NaN]),
      1,
      { bg: colors.bg, classes: [colors.classes[0]!, colors.classes[2]!] },
      px,
    );
    // a = 0.5·|2·0.75 − 1| = 0.25: 255 − 0.25·255 = 191.25
    expect(Array.from(px.slice(0, 4))).toEqual([191, 191, 255, 255]);
    expect(Array.from(px.slice(4, 8))).toEqual([255, 255, 255, 255]);
    expect(Array.from(px.slice(8, 12))).toEqual([255, 255, 255, 255]);
  });
  test('three outputs: shares 1/2, 1/4, 1/4 mix the class colours, faded by how sure the largest is', () => {
    const px = new Uint8ClampedArray(4 * 2);
    shadeGrid(Float64Array.from([2, 1, 1, 1, 1, 1]), 3, colors, px);
    // mixture (127.5, 63.75, 63.75); a = 0.5·(1/2 − 1/3)/(2/3) = 0.125 → 255 + 0.125·(127.5 − 255) = 239.06, 255 + 0.125·(63.75 − 255) = 231.09
    expect(Array.from(px.slice(0, 4))).toEqual([239, 231, 231, 255]);
    // all equal: no shading at all
    expect(Array.from(px.slice(4, 8))).toEqual([255, 255, 255, 255]);
  });
  test('colours are read from CSS values', () => {
    expect(parseColor('#2e63ad')).toEqual([0x2e, 0x63, 0xad]);
    expect(parseColor('#fff')).toEqual([255, 255, 255]);
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
  });
});
