/**
 * Turns a cell's output items into DOM. Text and tables are plain elements; a plot loads Observable
 * Plot (through the site's one chart helper) and TeX loads KaTeX — both only when a cell first
 * draws one, so neither weighs on a cold page.
 */
import type { OutputItem, PlotSpec } from './run-cell';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Appends one output item to `out`. Plots and TeX render asynchronously into a placeholder. */
export function renderItem(out: HTMLElement, item: OutputItem, lineText: (line: number) => string | undefined): void {
  switch (item.kind) {
    case 'text': {
      const pre = el('pre', `nb-out nb-out--text nb-out--${item.level}`);
      if (item.level === 'warn' || item.level === 'error')
        pre.append(el('span', 'nb-out__tag', item.level === 'warn' ? 'Warning: ' : 'Error: '));
      pre.append(item.text);
      out.append(pre);
      return;
    }
    case 'table': {
      const wrap = el('div', 'nb-out nb-out--table');
      wrap.tabIndex = 0;
      wrap.setAttribute('role', 'region');
      wrap.setAttribute('aria-label', item.caption ? `Table: ${item.caption}` : 'Table output');
      const table = el('table', '');
      if (item.caption) table.append(el('caption', '', item.caption));
      const head = table.createTHead().insertRow();
      for (const c of item.columns) {
        const th = el('th', '', c);
        th.scope = 'col';
        head.append(th);
      }
      const body = table.createTBody();
      for (const row of item.rows) {
        const tr = body.insertRow();
        for (const cell of row) tr.insertCell().textContent = cell;
      }
      wrap.append(table);
      out.append(wrap);
      return;
    }
    case 'check': {
      const p = el('p', `nb-out nb-out--check nb-out--${item.ok ? 'pass' : 'fail'}`);
      p.append(el('strong', '', item.ok ? '✓ Check passed: ' : '✗ Check not passed yet: '), item.message);
      out.append(p);
      return;
    }
    case 'error': {
      const { error } = item;
      const box = el('div', 'nb-out nb-out--error');
      const where = error.line ? ` on line ${error.line}` : '';
      box.append(el('p', 'nb-out__error-title', `${error.name}${where}: ${error.message}`));
      const source = error.source ?? (error.line ? lineText(error.line) : undefined);
      if (error.line && source !== undefined) {
        const pre = el('pre', 'nb-out__error-source');
        pre.textContent = `${String(error.line).padStart(3)} │ ${source}`;
        box.append(pre);
      }
      out.append(box);
      return;
    }
    case 'plot': {
      const figure = el('figure', 'nb-out nb-out--plot');
      figure.setAttribute('aria-busy', 'true');
      out.append(figure);
      void renderPlot(figure, item.spec);
      return;
    }
    case 'tex': {
      const holder = el(item.display ? 'div' : 'span', 'nb-out nb-out--tex');
      out.append(holder);
      void import('katex').then(({ default: katex }) => {
        try {
          // trust: false — no \href, \url, \includegraphics or \htmlClass from a cell; bounded macro expansion.
          katex.render(item.tex, holder, {
            displayMode: item.display,
            throwOnError: true,
            output: 'htmlAndMathml',
            trust: false,
            maxExpand: 1000,
            maxSize: 20,
          });
        } catch (err) {
          holder.className = 'nb-out nb-out--text nb-out--error';
          holder.textContent = `TeX error: ${(err as Error).message}`;
        }
      });
      return;
    }
  }
}

/** Colours a plot's categories by default: the site's palette, as CSS variables. */
const CATEGORY_RANGE = [
  'var(--c-blue)',
  'var(--c-orange)',
  'var(--c-green)',
  'var(--c-purple)',
  'var(--c-red)',
  'var(--c-muted)',
];

async function renderPlot(figure: HTMLElement, spec: PlotSpec): Promise<void> {
  const [{ markMaker, loadPlotExtras }, { plotChart }] = await Promise.all([
    import('./plot-marks'),
    import('~/charts/plot'),
  ]);
  // A cell may ask for any of Plot's colour schemes or draw dates, which the site's bundle leaves
  // out until asked (src/build/plot-extras.mjs); this fetches them, once, when a cell first draws.
  await loadPlotExtras();
  try {
    const marks = spec.marks.map(({ mark, data, options }) => {
      const make = markMaker(mark);
      return data === null ? make(options) : make(data, options);
    });
    const options = { ...spec.options } as Record<string, unknown>;
    // Plot options that name a document or a DOM to render into are not data a cell may give.
    delete options.document;
    const color = (options.color ?? {}) as Record<string, unknown>;
    if (
      !('scheme' in color) &&
      !('range' in color) &&
      color.type !== 'linear' &&
      color.type !== 'sequential' &&
      color.type !== 'diverging'
    ) {
      options.color = { range: CATEGORY_RANGE, ...color };
    }
    const width = Math.min(640, Math.max(280, figure.parentElement?.clientWidth ?? 640));
    const chart = plotChart({ width, ...options, marks, alt: spec.alt } as Parameters<typeof plotChart>[0]);
    // Still detached: nothing in it has been fetched or can be clicked yet.
    sanitizeChart(chart);
    figure.replaceChildren(chart);
  } catch (err) {
    figure.replaceChildren(
      el('p', 'nb-out nb-out--text nb-out--error', `The plot could not be drawn: ${(err as Error).message}`),
    );
  } finally {
    figure.removeAttribute('aria-busy');
  }
}

/** A CSS value that may load something: url(), image(), image-set(), @import, or escapes that could spell them. */
const LOADS = /\\|@import|\b(?:url|image|image-set|-webkit-image-set|cross-fade|src|element)\s*\(/i;
/** url(#id): a reference inside the chart (Plot's clip paths), which loads nothing. */
const LOCAL_URL = /url\(\s*(['"]?)#[\w-]+\1\s*\)/gi;

/** Attributes whose value is CSS or may hold a url(). */
const STYLED = new Set([
  'style',
  'fill',
  'stroke',
  'clip-path',
  'mask',
  'filter',
  'marker-start',
  'marker-mid',
  'marker-end',
  'cursor',
  'color',
  'stop-color',
  'flood-color',
  'lighting-color',
  'background',
]);

/** Whether a link may stay: absolute http(s) only (no javascript:, data:, blob:, relative tricks). */
export function safeHref(href: string): boolean {
  try {
    const url = new URL(href);
    return (url.protocol === 'http:' || url.protocol === 'https:') && /^https?:\/\//i.test(href.trim());
  } catch {
    return false;
  }
}

/** Whether a style or presentation value loads nothing from anywhere. */
export function safeCss(value: string): boolean {
  return !LOADS.test(value.replace(LOCAL_URL, ''));
}

/**
 * Makes a chart drawn from a cell's spec safe to show: links only to http(s) (opened as a new,
 * unrelated page), no attribute or style that loads anything (url() other than the chart's own
 * #ids), no event handlers, no foreign elements. Works on the detached chart before it is shown.
 */
export function sanitizeChart(root: Element): void {
  const all = [root, ...Array.from(root.querySelectorAll('*'))];
  for (const node of all) {
    const tag = node.localName.toLowerCase();
    if (tag === 'script' || tag === 'foreignobject' || tag === 'iframe' || tag === 'object' || tag === 'embed') {
      node.remove();
      continue;
    }
    if (tag === 'style') {
      if (!safeCss(node.textContent ?? '')) node.remove();
      continue;
    }
    for (const attr of Array.from(node.attributes)) {
      const name = attr.name.toLowerCase();
      const local = name.replace(/^xlink:/, '');
      if (name.startsWith('on')) node.removeAttribute(attr.name);
      else if (local === 'href' || local === 'src' || name === 'action' || name === 'formaction') {
        const keep = tag === 'a' && local === 'href' ? safeHref(attr.value) : /^#[\w-]+$/.test(attr.value);
        if (!keep) node.removeAttribute(attr.name);
      } else if (STYLED.has(name) && !safeCss(attr.value)) node.removeAttribute(attr.name);
    }
    if (tag === 'a') {
      if (node.hasAttribute('href')) {
        node.setAttribute('rel', 'noopener noreferrer');
        node.setAttribute('target', '_blank');
      } else node.removeAttribute('target');
    }
  }
}
