/**
 * One notebook cell on the page: what the page reads from its markup, and how its parts change —
 * the code (plain text until the editor loads), the run state line, the marks of an error's line.
 */
import type { CellEditor } from './editor';

export interface Cell {
  el: HTMLElement;
  id: string;
  title: string;
  check?: string | undefined;
  original: string;
  code: string;
  codeEl: HTMLElement;
  outEl: HTMLElement;
  stateEl: HTMLElement;
  editor?: CellEditor;
  editorLoading?: Promise<void>;
  saveTimer?: number;
}

export type RunState = 'idle' | 'running' | 'ok' | 'error' | 'stale';

/** The text of the first `<pre>` in `el`, without its trailing newlines (a cell's code, a solution). */
export function preText(el: Element | null | undefined): string {
  return (el?.querySelector('pre')?.textContent ?? '').replace(/\n+$/, '');
}

/** The page's cells, in order, as the server drew them (`[data-cell]`). */
export function readCells(doc: Document): Cell[] {
  return Array.from(doc.querySelectorAll<HTMLElement>('[data-cell]')).map((el) => {
    const codeEl = el.querySelector<HTMLElement>('[data-code]')!;
    const original = preText(codeEl);
    return {
      el,
      id: el.dataset.cell!,
      title: el.dataset.title ?? el.dataset.cell!,
      check: el.dataset.check || undefined,
      original,
      code: original,
      codeEl,
      outEl: el.querySelector<HTMLElement>('[data-output]')!,
      stateEl: el.querySelector<HTMLElement>('[data-state]')!,
    };
  });
}

export function setState(cell: Cell, text: string, kind: RunState = 'idle'): void {
  cell.stateEl.textContent = text;
  cell.el.dataset.runState = kind;
}

export function markEdited(cell: Cell): void {
  cell.el.toggleAttribute('data-edited', cell.code !== cell.original);
}

/** The code as the reader sees it now (the editor may hold keystrokes not yet copied to `code`). */
export function currentCode(cell: Cell): string {
  return cell.editor ? cell.editor.getCode() : cell.code;
}

/** Shows code in the static view (before the editor loads): plain text, one `.line` per line. */
export function showStatic(cell: Cell, code: string): void {
  const pre = document.createElement('pre');
  pre.className = 'astro-code nb-plain';
  pre.tabIndex = 0;
  const codeNode = document.createElement('code');
  code.split('\n').forEach((line, i, all) => {
    const span = document.createElement('span');
    span.className = 'line';
    span.textContent = line;
    codeNode.append(span);
    if (i < all.length - 1) codeNode.append('\n');
  });
  pre.append(codeNode);
  cell.codeEl.replaceChildren(pre);
}

/** Shows an edit kept from an earlier visit (null: none). */
export function showKept(cell: Cell, kept: string | null): void {
  if (kept === null || kept === cell.original) return;
  cell.code = kept;
  showStatic(cell, kept);
  markEdited(cell);
}

/** Replaces the cell's code (Reset, Use solution) and keeps it. */
export function setCode(cell: Cell, code: string, save: (cell: Cell) => void): void {
  cell.code = code;
  if (cell.editor) cell.editor.setCode(code);
  else showStatic(cell, code);
  markEdited(cell);
  save(cell);
}

export function markErrorLine(cell: Cell, line: number): void {
  if (cell.editor) cell.editor.markErrorLine(line);
  else cell.codeEl.querySelectorAll('.line')[line - 1]?.classList.add('nb-error-line');
}

export function clearErrorLine(cell: Cell): void {
  cell.editor?.markErrorLine(null);
  cell.codeEl.querySelectorAll('.nb-error-line').forEach((l) => l.classList.remove('nb-error-line'));
}

type EditorHooks = { save(cell: Cell): void; run(cell: Cell): void };

async function loadEditor(cell: Cell, on: EditorHooks): Promise<void> {
  const { createEditor } = await import('./editor');
  const holder = document.createElement('div');
  holder.className = 'nb-editor';
  cell.editor = createEditor(holder, {
    code: cell.code,
    label: `Code of cell “${cell.title}”. Shift+Enter runs it.`,
    onChange(code) {
      cell.code = code;
      markEdited(cell);
      window.clearTimeout(cell.saveTimer);
      cell.saveTimer = window.setTimeout(() => on.save(cell), 300);
    },
    onRun: () => on.run(cell),
  });
  cell.codeEl.replaceChildren(holder);
  cell.el.dataset.editor = 'ready';
}

/**
 * Loads the editor into the cell (once; CodeMirror is fetched on the first call for any cell).
 * Edits are saved 300 ms after the last keystroke.
 */
export async function mountEditor(cell: Cell, focus: boolean, on: EditorHooks): Promise<void> {
  if (!cell.editor) await (cell.editorLoading ??= loadEditor(cell, on));
  if (focus) cell.editor!.focus();
}
