import { describe, expect, it } from 'vitest';
import { lazyPackage, notIncluded } from './lite-package.mjs';

describe('lazyPackage', () => {
  it('throws before loading, fetches once, then gives the real exports', async () => {
    let fetches = 0;
    const pkg = lazyPackage(
      async () => {
        fetches++;
        return { answer: 42 };
      },
      'not loaded here',
      'src/build/x-lite.mjs',
    );
    expect(() => pkg.get('answer')).toThrow('d3.answer: not loaded here (see src/build/x-lite.mjs)');
    await Promise.all([pkg.load(), pkg.load()]);
    await pkg.load();
    expect(fetches).toBe(1);
    expect(pkg.get('answer')).toBe(42);
  });

  it('after a failed fetch, the next load tries again', async () => {
    let fetches = 0;
    const pkg = lazyPackage(
      async () => {
        if (++fetches === 1) throw new Error('offline');
        return { answer: 42 };
      },
      'not loaded here',
      'x',
    );
    await expect(pkg.load()).rejects.toThrow('offline');
    expect(() => pkg.get('answer')).toThrow('not loaded here');
    await pkg.load();
    expect(fetches).toBe(2);
    expect(pkg.get('answer')).toBe(42);
  });
});

describe('notIncluded', () => {
  it('makes functions that throw, naming the export, the reason and the file', () => {
    const stub = notIncluded('left out', 'src/build/x-lite.mjs')('xThing');
    expect(() => stub(1, 2)).toThrow('d3.xThing: left out (see src/build/x-lite.mjs)');
  });
});
