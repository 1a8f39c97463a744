import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import {
  defaultHeight,
  describeNetwork,
  edgeStyle,
  layerHighlight,
  layoutDiagram,
  NetworkDiagram,
  type DiagramLayer,
  type NetworkDiagramProps,
} from './NetworkDiagram';

const layers: DiagramLayer[] = [
  {
    title: 'inputs',
    nodes: [
      { label: 'x₁', value: 1 },
      { label: 'x₂', value: 0.5 },
      { label: 'x₃', value: -1 },
    ],
  },
  {
    title: 'hidden',
    subtitle: 'f = ReLU',
    nodes: [
      { label: 'h₁', value: 0.85 },
      { label: 'h₂', value: 0 },
    ],
  },
  { title: 'output', nodes: [{ label: 'ŷ', value: 0.7816 }] },
];
const weights = [
  [
    [0.2, -0.4],
    [0.7, 0.1],
    [-0.3, 0.5],
  ],
  [[1.5], [-0.8]],
];

const draw = (props: Partial<NetworkDiagramProps> = {}) =>
  render(h(NetworkDiagram, { layers, weights, label: 'The network', ...props }));
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

describe('NetworkDiagram layout', () => {
  it('keeps every node inside the box, columns left to right, no two nodes of a column overlapping', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 220, max: 900 }),
        (sizes, width) => {
          const height = defaultHeight(sizes);
          const { positions, radius, columns } = layoutDiagram(sizes, width, height);
          expect(positions.map((p) => p.length)).toEqual(sizes);
          for (let l = 1; l < columns.length; l++) expect(columns[l]!).toBeGreaterThan(columns[l - 1]!);
          for (const column of positions) {
            for (const p of column) {
              expect(p.x - radius).toBeGreaterThanOrEqual(0);
              expect(p.x + radius).toBeLessThanOrEqual(width);
              expect(p.y - radius).toBeGreaterThan(30); // below the headings
              expect(p.y + radius).toBeLessThanOrEqual(height);
            }
            for (let i = 1; i < column.length; i++)
              expect(column[i]!.y - column[i - 1]!.y).toBeGreaterThanOrEqual(2 * radius + 12);
          }
        },
      ),
    );
  });

  it('centres a smaller layer against a larger one', () => {
    const { positions } = layoutDiagram([3, 2, 1], 500, defaultHeight([3, 2, 1]));
    const mid = (ys: number[]) => (Math.min(...ys) + Math.max(...ys)) / 2;
    const centres = positions.map((c) => mid(c.map((p) => p.y)));
    expect(centres[1]).toBeCloseTo(centres[0]!, 9);
    expect(centres[2]).toBeCloseTo(centres[0]!, 9);
  });
});

describe('NetworkDiagram edge style', () => {
  it('codes the sign by dash as well as colour, and the size by width', () => {
    expect(edgeStyle(0.5, 1)).toMatchObject({ sign: 'positive', color: 'var(--c-blue)' });
    expect(edgeStyle(0.5, 1).dash).toBeUndefined();
    expect(edgeStyle(-0.5, 1)).toMatchObject({ sign: 'negative', color: 'var(--c-orange)' });
    expect(edgeStyle(-0.5, 1).dash).toBeTruthy();
    expect(edgeStyle(0, 1)).toMatchObject({ sign: 'zero', width: 1 });
    expect(edgeStyle(0, 1).dash).toBeTruthy();
    expect(edgeStyle(0.5, 1).width).toBeGreaterThan(edgeStyle(0.1, 1).width);
    expect(edgeStyle(-2, 1).width).toBe(edgeStyle(2, 1).width);
    expect(edgeStyle(100, 1).width).toBe(7); // clamped at the scale
    expect(edgeStyle(0.5, 0).width).toBeGreaterThan(1); // a bad scale falls back to 1
  });
});

describe('NetworkDiagram description and highlight helpers', () => {
  it('describes every value and weight, with a true minus', () => {
    const text = describeNetwork(layers, weights);
    expect(text).toContain('3 layers of 3, 2, 1 nodes.');
    expect(text).toContain('hidden, f = ReLU: h₁ = 0.85, h₂ = 0.00.');
    expect(text).toContain('x₃ = −1.00');
    expect(text).toContain('x₁ to h₂ −0.40');
    expect(text).toContain('h₂ to ŷ −0.80');
    expect(count(text, / to /g)).toBe(8);
  });

  it('highlights a layer with its nodes and every edge coming into it', () => {
    expect(layerHighlight([3, 2, 1], 0)).toEqual({
      nodes: [
        [0, 0],
        [0, 1],
        [0, 2],
      ],
      edges: [],
    });
    const hidden = layerHighlight([3, 2, 1], 1);
    expect(hidden.nodes).toEqual([
      [1, 0],
      [1, 1],
    ]);
    expect(hidden.edges).toHaveLength(6);
    expect(hidden.edges).toContainEqual([0, 2, 1]);
    expect(layerHighlight([3, 2, 1], 2).edges).toEqual([
      [1, 0, 0],
      [1, 1, 0],
    ]);
  });
});

describe('NetworkDiagram rendering', () => {
  it('is one labelled image with a description, a circle per node and a line per weight', () => {
    const html = draw();
    expect(html).toMatch(/<svg role="img" aria-labelledby="([^"]+)" aria-describedby="([^"]+)"/);
    const [, titleId, descId] = html.match(/aria-labelledby="([^"]+)" aria-describedby="([^"]+)"/)!;
    expect(html).toContain(`<title id="${titleId}">The network</title>`);
    expect(html).toContain(`<desc id="${descId}">`);
    expect(count(html, /<circle/g)).toBe(6);
    expect(count(html, /data-edge=/g)).toBe(8);
    expect(count(html, /data-sign="negative"/g)).toBe(3); // −0.4, −0.3, −0.8
    expect(count(html, /data-weight=/g)).toBe(8);
    expect(html).toContain('>−0.80</text>');
    expect(html).toContain('>0.78</text>');
    expect(html).toContain('f = ReLU');
  });

  it('follows any layer sizes, skips missing weights and never writes NaN', () => {
    const big: DiagramLayer[] = [
      { nodes: [{ label: 'a' }, { label: 'b' }] },
      { nodes: Array.from({ length: 5 }, (_, i) => ({ label: `n${i}`, value: i === 2 ? Number.NaN : i })) },
      { nodes: [{ label: 'o', value: 'high' }] },
    ];
    const html = render(
      h(NetworkDiagram, {
        layers: big,
        weights: [
          [
            [1, 2, 3, 4, 5],
            [1, 2, Number.NaN, 4, 5],
          ],
        ],
        label: 'Big',
      }),
    );
    expect(count(html, /<circle/g)).toBe(8);
    expect(count(html, /data-edge=/g)).toBe(9); // the NaN weight and the missing second layer draw nothing
    expect(html).not.toContain('NaN');
    expect(html).toContain('not a number');
    expect(html).toContain('>high</text>');
  });

  it('dims what is not highlighted, and nothing when the highlight is empty', () => {
    const plain = draw({ highlight: { nodes: [], edges: [] } });
    expect(plain).not.toContain('data-lit');
    const lit = draw({ highlight: layerHighlight([3, 2, 1], 2) });
    expect(count(lit, /data-node="[^"]+" data-lit/g)).toBe(1);
    expect(count(lit, /data-lit=""[^>]*data-edge|data-edge="[^"]+" data-sign="[^"]+" data-lit/g)).toBe(2);
    expect(count(lit, /opacity:0\.35/g)).toBe(5); // the five other nodes
  });

  it('prefixes its ids, so drawings in different islands of one page never share one', () => {
    const html = draw({ idPrefix: 'forward-pass-diagram' });
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBe(2);
    for (const id of ids) expect(id.startsWith('forward-pass-diagram')).toBe(true);
    expect(draw()).toMatch(/ id="network-diagram[^"]*-title"/);
  });

  it('can leave the weights off the edges and the legend off', () => {
    const html = draw({ showWeights: false, legend: false });
    expect(count(html, /data-weight=/g)).toBe(0);
    expect(html).not.toContain('network-diagram__legend');
  });
});

describe('NetworkDiagram before it is alive', () => {
  it('sends a box as tall as the live drawing and no wider than the column (nothing moves when it comes alive)', () => {
    const html = draw({ height: 280, maxWidth: 600 });
    const svg = /<svg[^>]*>/.exec(html)![0];
    expect(svg).toContain('viewBox="0 0 600 280"');
    const style = /style="([^"]*)"/.exec(svg)![1]!;
    expect(style).toContain('width:100%');
    expect(style).toContain('max-width:600px');
    expect(style).toContain('height:280px');
    expect(style).not.toContain('height:auto');
  });
});
