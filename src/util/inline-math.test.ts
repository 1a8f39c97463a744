import { describe, expect, it } from 'vitest';
import { renderInlineMath } from './inline-math';

describe('renderInlineMath', () => {
  it('escapes text and typesets math', () => {
    const html = renderInlineMath('A <b> tag and $\\hat{y}$.');
    expect(html).toContain('A &lt;b&gt; tag and ');
    expect(html).toContain('class="katex"');
    expect(html).toContain('<annotation encoding="application/x-tex">\\hat{y}</annotation>');
  });
  it('keeps escaped dollars literal', () => {
    expect(renderInlineMath('costs \\$5')).toBe('costs $5');
  });
  it('fails loudly on broken math instead of shipping it', () => {
    expect(() => renderInlineMath('$\\frac{1}{$')).toThrow();
  });
});
