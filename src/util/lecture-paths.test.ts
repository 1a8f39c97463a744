import { describe, expect, it } from 'vitest';
import { checkPartOrder, partSlug, withBase } from './lecture-paths';

describe('lecture paths', () => {
  it('drops the order prefix and extension from part file names', () => {
    expect(partSlug('03-activation-functions.mdx')).toBe('activation-functions');
    expect(partSlug('12-x.md')).toBe('x');
  });
  it('joins base and path with one slash', () => {
    expect(withBase('/', '/glossary/')).toBe('/glossary/');
    expect(withBase('/mmai5500/', 'glossary/')).toBe('/mmai5500/glossary/');
    expect(withBase('/mmai5500', '/glossary/')).toBe('/mmai5500/glossary/');
  });
  it('accepts parts numbered 1..n in any file order', () => {
    expect(() =>
      checkPartOrder('l', [
        { id: 'b', order: 2 },
        { id: 'a', order: 1 },
      ]),
    ).not.toThrow();
  });
  it('rejects gaps and repeats, naming the parts', () => {
    expect(() =>
      checkPartOrder('l', [
        { id: 'a', order: 1 },
        { id: 'b', order: 3 },
      ]),
    ).toThrow(/b \(order 3\)/);
    expect(() =>
      checkPartOrder('l', [
        { id: 'a', order: 1 },
        { id: 'b', order: 1 },
      ]),
    ).toThrow(/without gaps or repeats/);
  });
});
