import katex from 'katex';
import { markUnpatchable, placeholder, type LiveTex } from './tex-slots';

/**
 * Typeset a live equation's shape with KaTeX and mark each number's element (`data-n`), filled
 * with the current numbers. Loaded on demand in the page (see `Tex`); used directly on the server.
 */
export function typesetShape(live: LiveTex): string {
  let html: string;
  try {
    html = katex.renderToString(live.shape, { displayMode: live.display, throwOnError: true, output: 'htmlAndMathml' });
  } catch {
    return `<code>${escape(live.tex)}</code>`;
  }
  for (let i = 0; i < live.values.length; i++) {
    let count = 0;
    html = html.replace(new RegExp(`(<[a-z]+(?: [^>]*)?)>${placeholder(i)}<`, 'g'), (_, open: string) => {
      count++;
      return `${open} data-n="${i}">${live.values[i]}<`;
    });
    if (count !== 2) {
      // KaTeX split or merged this placeholder: typeset this shape whole from now on.
      markUnpatchable(live.key);
      try {
        return katex.renderToString(live.tex, {
          displayMode: live.display,
          throwOnError: true,
          output: 'htmlAndMathml',
        });
      } catch {
        return `<code>${escape(live.tex)}</code>`;
      }
    }
  }
  return html.replace(/<annotation encoding="application\/x-tex">[^<]*<\/annotation>/, () => {
    return `<annotation encoding="application/x-tex">${escape(live.tex)}</annotation>`;
  });
}

function escape(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}
