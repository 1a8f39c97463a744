/** The formulas of each activation function and its derivative, typeset with the probe's numbers filled in. */
import { Tex } from '../shared/Tex';
import { fmtTex } from '~/util/format';
import type { Probe } from './model';

export function Formulas({ general, live }: { general: string; live: string }) {
  return (
    <>
      <Tex display tex={general} />
      <Tex display tex={live} />
    </>
  );
}

/**
 * The formulas of f and f′ (`general`, the same for every x, so KaTeX typesets them once) and the
 * same with the probe's numbers (`live`), each as a short aligned block, narrow enough for a phone.
 */
export function formulas(p: Probe, x: number, alpha: number): { general: string; live: string } {
  const X = fmtTex(x);
  const a = fmtTex(alpha);
  const v = (y: number | undefined) => (y === undefined ? '\\text{none}' : fmtTex(y, 3));
  const corner = x === 0 ? '\\ \\text{(corner: by convention)}' : '';
  let rows: [string, string][];
  switch (p.fn) {
    case 'step':
      rows = [
        ['\\text{step}(x)', '\\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}'],
        ["\\text{step}'(x)", '0 \\ (x \\ne 0), \\ \\text{none at } x = 0'],
        [`\\text{step}(${X})`, v(p.f)],
        [`\\text{step}'(${X})`, p.df === undefined ? '\\text{none (the jump)}' : '0'],
      ];
      break;
    case 'linear':
      rows = [
        ['f(x)', 'x'],
        ["f'(x)", '1'],
        [`f(${X})`, X],
        [`f'(${X})`, '1'],
      ];
      break;
    case 'sigmoid':
      rows = [
        ['\\sigma(x)', '\\frac{1}{1 + e^{-x}}'],
        ["\\sigma'(x)", '\\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)'],
        [`\\sigma(${X})`, `\\frac{1}{1 + e^{${fmtTex(-x)}}} = ${v(p.f)}`],
        [`\\sigma'(${X})`, `${v(p.f)}\\,(1 - ${v(p.f)}) = ${v(p.df)}`],
      ];
      break;
    case 'tanh':
      rows = [
        ['\\tanh(x)', '\\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}'],
        ["\\tanh'(x)", '1 - \\tanh^2(x)'],
        [`\\tanh(${X})`, v(p.f)],
        [`\\tanh'(${X})`, `1 - (${v(p.f)})^2 = ${v(p.df)}`],
      ];
      break;
    case 'relu':
      rows = [
        ['\\text{ReLU}(x)', '\\max(0, x)'],
        ["\\text{ReLU}'(x)", '\\begin{cases} 1 & x > 0 \\\\ 0 & x < 0 \\end{cases}'],
        [`\\text{ReLU}(${X})`, `\\max(0, ${X}) = ${v(p.f)}`],
        [`\\text{ReLU}'(${X})`, `${v(p.df)}${corner}`],
      ];
      break;
    case 'leaky':
      rows = [
        ['\\text{LReLU}(x)', `\\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases} \\quad (\\alpha = ${a})`],
        ["\\text{LReLU}'(x)", '\\begin{cases} 1 & x > 0 \\\\ \\alpha & x < 0 \\end{cases}'],
        [`\\text{LReLU}(${X})`, `${x > 0 ? X : `${a} \\times ${x < 0 ? `(${X})` : X}`} = ${v(p.f)}`],
        [`\\text{LReLU}'(${X})`, `${v(p.df)}${corner}`],
      ];
      break;
  }
  const block = (r: [string, string][]) =>
    `\\begin{aligned} ${r.map(([l, rhs]) => `${l} &= ${rhs}`).join(' \\\\[2pt] ')} \\end{aligned}`;
  return { general: block(rows.slice(0, 2)), live: block(rows.slice(2)) };
}
