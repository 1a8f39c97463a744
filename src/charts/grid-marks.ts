import type { RenderFunction } from '@observablehq/plot';
import { rgb } from 'd3-color';
import { contours } from 'd3-contour';
import { interpolateRgb } from 'd3-interpolate';

/**
 * Plot marks for a function sampled on a grid: a heat map and contour lines or bands, as Plot's
 * `raster` and `contour` marks draw them for a dense grid. They are written here (d3-contour finds
 * the lines, a canvas paints the cells) because Plot's two marks bring 8 KB of gzip JavaScript
 * for interpolating scattered samples, which a grid does not need (logic-gates' page went from
 * 155.8 to 150.0 KB).
 *
 * Both draw inside the plot's frame only (a nested <svg> clips them), as `clip: true` does.
 */
export interface Grid {
  /** width × height samples, row by row; row 0 lies at `y[0]`, column 0 at `x[0]`. */
  values: ArrayLike<number>;
  width: number;
  height: number;
  /** The outer edges of the first and last column, and of the first and last row, in data units. */
  x: readonly [number, number];
  y: readonly [number, number];
}

type Scale = (v: number) => number;

/** An <svg> over the plot's frame whose content is clipped to it; its coordinates are the plot's. */
function frameClip(document: Document, d: Parameters<RenderFunction>[3]): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const x = d.marginLeft;
  const y = d.marginTop;
  const w = d.width - d.marginLeft - d.marginRight;
  const h = d.height - d.marginTop - d.marginBottom;
  for (const [k, v] of Object.entries({ x, y, width: w, height: h, viewBox: `${x} ${y} ${w} ${h}` }))
    svg.setAttribute(k, String(v));
  // A page's styles for its charts' <svg> (max-width, height: auto) must not resize this one.
  svg.setAttribute('style', `width: ${w}px; height: ${h}px; max-width: none`);
  return svg;
}

function scalesOf(scales: Parameters<RenderFunction>[1]): { sx: Scale; sy: Scale } {
  const sx = scales.x as Scale | undefined;
  const sy = scales.y as Scale | undefined;
  if (!sx || !sy) throw new Error('grid marks need x and y scales (give the plot x and y domains)');
  return { sx, sy };
}

/**
 * The colour of a value, as [r, g, b]: `colors` at the stops of `domain`, linear in RGB between
 * them (as Plot's colour scale with that domain and range), clamped at both ends. Each stretch
 * between two stops is a table of 256 colours made once, so a frame converts no colour strings.
 */
export function heatColors(domain: readonly number[], colors: readonly string[]): (v: number) => Uint8ClampedArray {
  const tables = domain.slice(1).map((_, s) => {
    const lerp = interpolateRgb(colors[s]!, colors[s + 1]!);
    return Array.from({ length: 256 }, (_, k) => {
      const c = rgb(lerp(k / 255));
      return Uint8ClampedArray.of(c.r, c.g, c.b);
    });
  });
  const last = tables.length - 1;
  return (v) => {
    let s = 0;
    while (s < last && v > domain[s + 1]!) s++;
    const f = (v - domain[s]!) / (domain[s + 1]! - domain[s]!);
    return tables[s]![Math.round(255 * Math.min(1, Math.max(0, f)))]!;
  };
}

/**
 * The grid's cells painted in colours: a value v is drawn in `colors` spread evenly over
 * `domain` (linear between stops, in RGB, as Plot's colour scale with that domain and range),
 * clamped at both ends, with the given opacity.
 */
export function heatMapMark(
  grid: Grid,
  { domain, colors, opacity = 1 }: { domain: readonly number[]; colors: readonly string[]; opacity?: number },
): RenderFunction {
  const colorOf = heatColors(domain, colors);
  return (_index, scales, _values, dimensions, context) => {
    const { sx, sy } = scalesOf(scales);
    const { values, width, height, x, y } = grid;
    const canvas = context.document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d')!;
    const image = ctx.createImageData(width, height);
    const alpha = Math.round(255 * opacity);
    // Canvas rows run down the screen; grid rows run from y[0], which may be at the bottom.
    const flip = sy(y[0]) > sy(y[1]);
    for (let j = 0; j < height; j++) {
      const row = flip ? height - 1 - j : j;
      for (let i = 0; i < width; i++) {
        const v = values[j * width + i]!;
        const p = 4 * (row * width + i);
        if (!Number.isFinite(v)) continue; // left transparent
        const c = colorOf(v);
        image.data[p] = c[0]!;
        image.data[p + 1] = c[1]!;
        image.data[p + 2] = c[2]!;
        image.data[p + 3] = alpha;
      }
    }
    ctx.putImageData(image, 0, 0);
    const svg = frameClip(context.document, dimensions);
    const img = context.document.createElementNS('http://www.w3.org/2000/svg', 'image');
    const [left, right] = [sx(x[0]), sx(x[1])].sort((a, b) => a - b);
    const [top, bottom] = [sy(y[0]), sy(y[1])].sort((a, b) => a - b);
    for (const [k, v] of Object.entries({
      x: left,
      y: top,
      width: right! - left!,
      height: bottom! - top!,
      preserveAspectRatio: 'none',
      href: canvas.toDataURL(),
    }))
      img.setAttribute(k, String(v));
    svg.append(img);
    return svg;
  };
}

/**
 * The grid's contours at the given thresholds, as d3-contour finds them (linear interpolation
 * between samples): each threshold is one path around where the values are ≥ it, so a fill makes
 * bands that darken where they overlap, and a stroke draws the contour lines.
 */
export function contourMark(
  grid: Grid,
  {
    thresholds,
    fill = 'none',
    fillOpacity,
    stroke,
    strokeOpacity,
    strokeWidth,
  }: {
    thresholds: readonly number[];
    fill?: string;
    fillOpacity?: number;
    stroke?: string;
    strokeOpacity?: number;
    strokeWidth?: number;
  },
): RenderFunction {
  return (_index, scales, _values, dimensions, context) => {
    const { sx, sy } = scalesOf(scales);
    const { values, width, height, x, y } = grid;
    // Grid coordinates (0 … width, 0 … height) to the plot's pixels.
    const px = (gx: number) => sx(x[0] + (gx * (x[1] - x[0])) / width);
    const py = (gy: number) => sy(y[0] + (gy * (y[1] - y[0])) / height);
    const svg = frameClip(context.document, dimensions);
    const g = context.document.createElementNS('http://www.w3.org/2000/svg', 'g');
    const style = {
      fill,
      'fill-opacity': fillOpacity,
      stroke,
      'stroke-opacity': strokeOpacity,
      'stroke-width': strokeWidth,
    };
    for (const [k, v] of Object.entries(style)) if (v !== undefined) g.setAttribute(k, String(v));
    // d3-contour reads the samples by index; a typed array serves as well as an array.
    const found = contours()
      .size([width, height])
      .thresholds([...thresholds])(values as number[]);
    for (const polygon of found) {
      let d = '';
      for (const rings of polygon.coordinates)
        for (const ring of rings)
          // A ring ends on its first point; Z closes it instead.
          d +=
            ring
              .slice(0, -1)
              .map(([gx, gy], k) => `${k ? 'L' : 'M'}${px(gx!).toFixed(2)},${py(gy!).toFixed(2)}`)
              .join('') + 'Z';
      if (!d) continue;
      const path = context.document.createElementNS('http://www.w3.org/2000/svg', 'path');
      path.setAttribute('d', d);
      g.append(path);
    }
    svg.append(g);
    return svg;
  };
}
