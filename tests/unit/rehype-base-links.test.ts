import { describe, expect, it } from 'vitest';
import { rehypeBaseLinks } from '../../src/build/rehype-base-links.mjs';

type Node = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[] };
const link = (href: string): Node => ({ type: 'element', tagName: 'a', properties: { href }, children: [] });

function run(base: string, hrefs: string[]): string[] {
  const tree: Node = { type: 'root', children: hrefs.map(link) };
  rehypeBaseLinks({ base })(tree);
  return tree.children!.map((n) => n.properties!.href as string);
}

describe('rehypeBaseLinks', () => {
  it('prefixes root-relative links with the base path', () => {
    expect(run('/mmai5500/', ['/glossary/#epoch', '/lectures/02-feedforward/'])).toEqual([
      '/mmai5500/glossary/#epoch',
      '/mmai5500/lectures/02-feedforward/',
    ]);
  });
  it('leaves external, protocol-relative, in-page, relative and already-prefixed links alone', () => {
    const hrefs = ['https://example.org/', '//cdn.example/x', '#top', 'next/', '/mmai5500/glossary/'];
    expect(run('/mmai5500/', hrefs)).toEqual(hrefs);
  });
  it('changes nothing at the root', () => {
    expect(run('/', ['/glossary/'])).toEqual(['/glossary/']);
  });
});
