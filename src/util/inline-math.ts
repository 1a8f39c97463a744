import katex from 'katex';

/**
 * Turn a short plain-text string with `$…$` inline math (as in the glossary) into HTML: the text
 * is escaped, the math typeset by KaTeX at build time. A `\$` stays a literal dollar sign.
 */
export function renderInlineMath(text: string): string {
  const out: string[] = [];
  const pattern = /(?<!\\)\$([^$]+?)(?<!\\)\$/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    out.push(escapeHtml(text.slice(last, match.index).replace(/\\\$/g, '$')));
    out.push(katex.renderToString(match[1]!, { throwOnError: true, output: 'htmlAndMathml' }));
    last = match.index + match[0].length;
  }
  out.push(escapeHtml(text.slice(last).replace(/\\\$/g, '$')));
  return out.join('');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
