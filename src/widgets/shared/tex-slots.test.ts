import { describe, expect, it } from 'vitest';
import { liveTex, placeholder } from './tex-slots';
import { typesetShape } from './tex-typeset';

describe('live equations: shape and numbers', () => {
  it('takes the numbers out of the source; signs go with them only where they are signs', () => {
    const a = liveTex('h &= -0.5\\,x_1 - 1.25\\,x_2');
    expect(a.values).toEqual(['−0.5', '1', '1.25', '2']);
    expect(a.shape).toBe(
      `h &= {${placeholder(0)}}\\,x_{${placeholder(1)}} - {${placeholder(2)}}\\,x_{${placeholder(3)}}`,
    );
    // Other numbers, same shape: typeset once, patched after.
    expect(liveTex('h &= -7\\,x_1 - 0.03\\,x_2').key).toBe(a.key);
    // A subtraction that becomes an addition is another shape.
    expect(liveTex('h &= -7\\,x_1 + 0.03\\,x_2').key).not.toBe(a.key);
  });

  it('leaves dimensions, colours and numbers glued to letters in the shape', () => {
    const l = liveTex('\\color{#1f77b4}{x}\\hspace{2pt}\\frac12 \\\\[4pt] 3');
    expect(l.values).toEqual(['3']);
  });

  it('marks each number once in the HTML and once in the MathML, with the real numbers filled in', () => {
    const l = liveTex('W = \\begin{bmatrix}1 & -2 \\\\ 0.5 & 3\\end{bmatrix}', true);
    const html = typesetShape(l);
    for (let i = 0; i < l.values.length; i++) expect(html.split(`data-n="${i}"`).length - 1).toBe(2);
    expect(html).not.toContain(placeholder(0));
    expect(html).toContain('>−2<');
    expect(html).toContain('W = \\begin{bmatrix}1 &amp; -2');
  });

  it('shows bad source as code instead of throwing', () => {
    expect(typesetShape(liveTex('\\frac{1}{'))).toContain('<code>');
  });
});
