import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipSize, percentile, shortName, table } from '../../bench/browser/common';
import { sessionWindow } from '../../bench/browser/cls';

describe('browser bench helpers', () => {
  it('percentile interpolates between the closest ranks, whatever the order', () => {
    expect(percentile([3, 1, 2, 4, 5], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20], 95)).toBeCloseTo(19.5);
    expect(percentile([7], 95)).toBe(7);
    expect(
      percentile(
        Array.from({ length: 30 }, (_, i) => i + 1),
        95,
      ),
    ).toBeCloseTo(28.55);
    expect(percentile([], 50)).toBeNaN();
  });

  it('gzipSize is the size at gzip level 9, for text and for bytes alike', () => {
    const body = 'const x = 1;\n'.repeat(1000);
    const size = gzipSize(body);
    expect(size).toBe(gzipSync(body, { level: 9 }).length);
    expect(size).toBeLessThan(body.length / 20);
    expect(gzipSize(Buffer.from(body))).toBe(size);
  });

  it('the CLS session window groups shifts less than 1 s apart, for at most 5 s', () => {
    expect(sessionWindow([])).toBe(0);
    expect(
      sessionWindow([
        { value: 0.1, at: 0 },
        { value: 0.2, at: 900 },
        { value: 0.05, at: 2500 },
      ]),
    ).toBeCloseTo(0.3);
    // a shift every 0.9 s: the window closes after 5 s
    const steady = Array.from({ length: 10 }, (_, i) => ({ value: 0.1, at: i * 900 }));
    expect(sessionWindow(steady)).toBeCloseTo(0.6);
  });

  it('table pads every column to its widest cell', () => {
    expect(table(['a', 'bb'], [['xyz', '1']]).split('\n')).toEqual(['| a   | bb |', '|-----|---:|', '| xyz |  1 |']);
  });

  it('table aligns columns as asked', () => {
    expect(table(['a', 'b'], [['1', 'xyz']], 'rl').split('\n')).toEqual(['| a | b   |', '|--:|-----|', '| 1 | xyz |']);
  });

  it('shortName drops the folder, the content hash and the Astro script suffix', () => {
    expect(shortName('/_astro/katex.HP8lGamR.js')).toBe('katex');
    expect(shortName('/_astro/Playground.-nJ4iq7D.js')).toBe('Playground');
    expect(shortName('/_astro/ThemeToggle.astro_astro_type_script_index_0_lang.C7Tittpn.js')).toBe(
      'ThemeToggle script',
    );
  });
});
