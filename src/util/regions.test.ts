import { describe, expect, it } from 'vitest';
import { dedent, extractRegion, findRegion, withoutNonNullAssertions } from './regions';

const source = [
  'export function f() {',
  '  // #region add',
  '  const a = 1;',
  '    return a + 1;',
  '  // #endregion add',
  '}',
].join('\n');

describe('engine code regions', () => {
  it('extracts and dedents the lines between the markers', () => {
    expect(extractRegion(source, 'add')).toBe('const a = 1;\n  return a + 1;');
  });
  it('returns undefined for a region that is not there', () => {
    expect(extractRegion(source, 'mul')).toBeUndefined();
  });
  it('complains about a region that never closes', () => {
    expect(() => extractRegion('// #region x\nconst y = 1;', 'x')).toThrow(/never closes/);
  });
  it('does not confuse regions whose names share a prefix', () => {
    const two =
      '// #region relu-backward\nb();\n// #endregion relu-backward\n// #region relu\na();\n// #endregion relu';
    expect(extractRegion(two, 'relu')).toBe('a();');
  });
  it('names the file a region came from, and rejects missing or doubled regions', () => {
    expect(findRegion({ 'lib/a.ts': source }, 'add').file).toBe('lib/a.ts');
    expect(() => findRegion({ 'lib/a.ts': source }, 'nope')).toThrow(/No engine code region "nope"/);
    expect(() => findRegion({ 'lib/a.ts': source, 'lib/b.ts': source }, 'add')).toThrow(/more than one file/);
  });
  it('dedent trims blank edges', () => {
    expect(dedent(['', '    x', '      y', ''])).toBe('x\n  y');
  });
  it('shows engine code without its non-null assertions, and only those', () => {
    const engine = [
      'for (let i = 0; i < w.length; i++) w[i]! -= lr * dw[i]!;',
      "const ok = a !== b && !done && note === 'wow!'; // really!",
      'const last = layers.at(-1)!.output!.data[0]!;',
    ].join('\n');
    expect(withoutNonNullAssertions(engine)).toEqual({
      code: [
        'for (let i = 0; i < w.length; i++) w[i] -= lr * dw[i];',
        "const ok = a !== b && !done && note === 'wow!'; // really!",
        'const last = layers.at(-1).output.data[0];',
      ].join('\n'),
      removed: 5,
    });
  });
});
