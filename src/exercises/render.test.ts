import { describe, expect, it } from 'vitest';
import { renderInline, renderRich } from './render';

describe('renderRich', () => {
  it('splits paragraphs and joins wrapped lines', () => {
    expect(renderRich('one\ntwo\n\nthree')).toBe('<p>one two</p><p>three</p>');
  });
  it('bold, italic, code and escaping', () => {
    expect(renderInline('**a** *b* `c<d` e < f')).toBe('<strong>a</strong> <em>b</em> <code>c&lt;d</code> e &lt; f');
  });
  it('root-relative links get the base; anchors and bold links work', () => {
    expect(renderInline('**[Loss](/glossary/#loss)**', '/mmai5500/')).toBe(
      '<strong><a href="/mmai5500/glossary/#loss">Loss</a></strong>',
    );
    expect(renderInline('[x](/a/)', '/')).toBe('<a href="/a/">x</a>');
  });
  it('typesets math with KaTeX and leaves * inside math alone', () => {
    const html = renderInline('see $a * b$ and *c*');
    expect(html).toContain('class="katex"');
    expect(html).toContain('<em>c</em>');
    expect(html).not.toContain('<em> b');
  });
  it('a bad TeX command fails loudly at build time', () => {
    expect(() => renderInline('$\\notacommand$')).toThrow();
  });
});
