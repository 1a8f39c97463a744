import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { Chart, aspectSizing, chartHeight, fixedHeight, type ChartSizing } from './Chart';

describe('chartHeight', () => {
  it('is clamp(min, perWidth × width + plus, max), rounded', () => {
    const rule: ChartSizing = { min: 226, max: 566, perWidth: 1, plus: 6 };
    expect(chartHeight(302, rule)).toBe(308);
    expect(chartHeight(560, rule)).toBe(566);
    expect(chartHeight(900, rule)).toBe(566);
    expect(chartHeight(100, rule)).toBe(226);
    expect(chartHeight(301, { min: 100, max: 300, perWidth: 0.55, plus: 31.2 })).toBe(197);
  });

  it('is a fixed height when only min is given', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4000 }), (w) => chartHeight(w, { min: 170 }) === 170));
    expect(fixedHeight({ alt: '', height: 190 })).toEqual({ min: 190 });
    expect(fixedHeight({ alt: '' })).toBeUndefined();
  });

  it('never leaves [min, max]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 50, max: 300 }),
        fc.integer({ min: 0, max: 400 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (w, min, extra, perWidth, plus) => {
          const got = chartHeight(w, { min, max: min + extra, perWidth, plus });
          return got >= min && got <= min + extra;
        },
      ),
    );
  });
});

describe('aspectSizing', () => {
  const margin = { top: 24, right: 12, bottom: 38, left: 44 };

  it('gives the height of a plot `aspect` times as tall as wide plus the margins, at every width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 240, max: 520 }), fc.constantFrom(1, 0.55), (w, aspect) => {
        const drawn = Math.round((w - 56) * aspect) + 62;
        return Math.abs(chartHeight(w, aspectSizing(aspect, margin, 240, 520)) - drawn) <= 1;
      }),
    );
  });

  it('holds the drawn heights at both ends', () => {
    expect(aspectSizing(1, { top: 26, right: 16, bottom: 40, left: 44 }, 220, 560)).toEqual({
      perWidth: 1,
      plus: 6,
      min: 226,
      max: 566,
    });
  });
});

describe('the box a chart reserves before it is drawn (server HTML)', () => {
  const reserve = (html: string) => /class="chart__plot"[^>]*style="([^"]*?);?"/.exec(html)?.[1];

  it('follows the sizing rule against its own width (cqw), margins added in px', () => {
    const html = render(
      h(Chart, { options: { alt: '', width: 560, height: 566 }, sized: { min: 226, max: 566, perWidth: 1, plus: 6 } }),
    );
    expect(reserve(html)).toBe('min-height:clamp(226px, calc(100.000cqw + 6px), 566px)');
  });

  it('is the fixed height of a fixed-height chart', () => {
    const options = { alt: '', width: 480, height: 170 };
    expect(reserve(render(h(Chart, { options, sized: fixedHeight(options) })))).toBe('min-height:170px');
  });

  it('keeps the proportions of its options without a rule', () => {
    expect(reserve(render(h(Chart, { options: { alt: '', width: 400, height: 300 } })))).toBe(
      'min-height:min(300px, 75.000cqw)',
    );
  });
});
