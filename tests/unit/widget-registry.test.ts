import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { widgets } from '~/widgets/registry';

const dir = new URL('../../content/lectures/02-feedforward/', import.meta.url);

/** The widgets placed in the lecture, in reading order: `<X client:…` where X is imported from ~/widgets/<name>/. */
function placedInOrder(): { name: string; part: string }[] {
  const placed: { name: string; part: string }[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /^\d\d-.+\.mdx$/.test(f))
    .sort()) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const part = file.replace(/^\d\d-/, '').replace(/\.mdx$/, '');
    const imports = new Map(
      [...text.matchAll(/^import (\w+) from '~\/widgets\/([\w-]+)\/\w+';$/gm)].map((m) => [m[1]!, m[2]!]),
    );
    for (const m of text.matchAll(/<(\w+) client:/g)) {
      const name = imports.get(m[1]!);
      if (name) placed.push({ name, part });
    }
  }
  return placed;
}

describe('widget registry', () => {
  it('lists every placed widget once, in the order a reader meets them, with the part it stands in', () => {
    expect(widgets.map(({ name, part }) => ({ name, part }))).toEqual(placedInOrder());
  });
});
