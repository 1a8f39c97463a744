/**
 * Rich text of exercises (see `types.ts`) to HTML, at build time: paragraphs, `**bold**`,
 * `*italic*`, `` `code` ``, `[text](/link/)` (root-relative links get the site's base) and
 * `$TeX$` / `$$TeX$$` typeset by KaTeX. Only the server imports this (KaTeX stays out of the
 * page's JavaScript).
 */
import katex from 'katex';
import { escapeHtml } from '~/util/inline-math';
import { withBase } from '~/util/lecture-paths';

/** One paragraph's worth of inline rich text to HTML (no `<p>`). */
export function renderInline(text: string, base = '/'): string {
  const kept: string[] = [];
  const keep = (html: string) => `\uE000${kept.push(html) - 1}\uE000`;
  let s = text
    .replace(/\$\$([^$]+?)\$\$/g, (_, tex: string) =>
      keep(
        katex.renderToString(tex, { displayMode: true, throwOnError: true, strict: 'error', output: 'htmlAndMathml' }),
      ),
    )
    .replace(/(?<!\\)\$([^$]+?)(?<!\\)\$/g, (_, tex: string) =>
      keep(katex.renderToString(tex, { throwOnError: true, strict: 'error', output: 'htmlAndMathml' })),
    )
    .replace(/`([^`]+)`/g, (_, code: string) => keep(`<code>${escapeHtml(code)}</code>`));
  s = escapeHtml(s.replace(/\\\$/g, '$'));
  s = s
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, href: string) => {
      const url = href.startsWith('/') ? withBase(base, href) : href;
      return `<a href="${url}">${label}</a>`;
    })
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(?<![*\w])\*([^*\s](?:[^*]*?[^*\s])?)\*(?![*\w])/g, '<em>$1</em>');
  return s.replace(/\uE000(\d+)\uE000/g, (_, i: string) => kept[Number(i)]!);
}

/** Rich text with paragraphs (split by blank lines) to HTML. */
export function renderRich(text: string, base = '/'): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${renderInline(p.replace(/\s*\n\s*/g, ' '), base)}</p>`)
    .join('');
}
