import katex from 'katex';
import { useMemo } from 'preact/hooks';

/**
 * A live equation: KaTeX source with the reader's current numbers filled in, typeset on each
 * change (KaTeX is fast enough for every input event on small formulas).
 */
export function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const html = useMemo(() => {
    try {
      return katex.renderToString(tex, { displayMode: display, throwOnError: true, output: 'htmlAndMathml' });
    } catch {
      return `<code>${tex.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</code>`;
    }
  }, [tex, display]);
  return <span class={display ? 'tex tex--display' : 'tex'} dangerouslySetInnerHTML={{ __html: html }} />;
}
