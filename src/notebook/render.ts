/**
 * Turns a cell's output items into DOM. Text and tables are plain elements; a plot loads Observable
 * Plot (through the site's one chart helper) and TeX loads KaTeX — both only when a cell first
 * draws one, so neither weighs on a cold page.
 */
import type { Markish } from '@observablehq/plot';
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
          katex.render(item.tex, holder, { displayMode: item.display, throwOnError: true, output: 'htmlAndMathml' });
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
  const [Plot, { plotChart }] = await Promise.all([import('@observablehq/plot'), import('~/charts/plot')]);
  try {
    const marks = spec.marks.map(({ mark, data, options }) => {
      const make = (Plot as unknown as Record<string, (data: unknown, options?: unknown) => Markish>)[mark]!;
      return data === null ? make(options) : make(data, options);
    });
    const options = { ...spec.options } as Record<string, unknown>;
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
    figure.replaceChildren(chart);
  } catch (err) {
    figure.replaceChildren(
      el('p', 'nb-out nb-out--text nb-out--error', `The plot could not be drawn: ${(err as Error).message}`),
    );
  } finally {
    figure.removeAttribute('aria-busy');
  }
}
