/**
 * The notebook page's controller (the only script a cold tutorial page loads). It wires the
 * toolbar and the cells' buttons, keeps the reader's edits in localStorage, and talks to the runner
 * worker. Everything heavy comes later and only when needed:
 * - the CodeMirror editor when a cell's code is first focused or clicked (`./editor`);
 * - the worker (sucrase + the engine) when a cell is first run;
 * - Observable Plot / KaTeX when an output first needs them (`./render`).
 */
import type { CellEditor } from './editor';
import type { FromWorker, ToWorker } from './protocol';
import { TIME_LIMIT_MS } from './protocol';
import type { OutputItem } from './run-cell';
import { renderItem } from './render';
import { EditsStore } from './edits-store';
import { localStore } from '~/util/storage';

interface Cell {
  el: HTMLElement;
  id: string;
  title: string;
  check?: string;
  original: string;
  code: string;
  codeEl: HTMLElement;
  outEl: HTMLElement;
  stateEl: HTMLElement;
  editor?: CellEditor;
  editorLoading?: Promise<void>;
  saveTimer?: number;
}

export function initNotebook(root: HTMLElement): void {
  const slug = root.dataset.notebook!;
  const title = root.dataset.title ?? slug;
  const announcer = root.querySelector<HTMLElement>('[data-announce]')!;
  const notice = root.querySelector<HTMLElement>('[data-notice]')!;
  const cells: Cell[] = Array.from(document.querySelectorAll<HTMLElement>('[data-cell]')).map((el) => {
    const codeEl = el.querySelector<HTMLElement>('[data-code]')!;
    const original = (codeEl.querySelector('pre')?.textContent ?? '').replace(/\n+$/, '');
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
  const byId = new Map(cells.map((c) => [c.id, c]));

  // ---- storage (edits are kept per cell; failures are survived and said, see ./edits-store) ----
  const notices: string[] = [];
  const edits = new EditsStore(slug, localStore, (message) => {
    if (notices.includes(message)) return;
    notices.push(message);
    notice.hidden = false;
    notice.textContent = notices.join(' ');
  });
  const load = (cell: Cell): string | null => edits.read(cell.id, cell.title);
  const save = (cell: Cell) => edits.write(cell.id, cell.code, cell.original);

  const setState = (cell: Cell, text: string, kind: 'idle' | 'running' | 'ok' | 'error' | 'stale' = 'idle') => {
    cell.stateEl.textContent = text;
    cell.el.dataset.runState = kind;
  };
  const markEdited = (cell: Cell) => {
    cell.el.toggleAttribute('data-edited', cell.code !== cell.original);
  };

  /** Shows code in the static view (before the editor loads): plain text, one `.line` per line. */
  const showStatic = (cell: Cell, code: string) => {
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
  };

  const setCode = (cell: Cell, code: string) => {
    cell.code = code;
    if (cell.editor) cell.editor.setCode(code);
    else showStatic(cell, code);
    markEdited(cell);
    save(cell);
  };

  for (const cell of cells) {
    const kept = load(cell);
    if (kept !== null && kept !== cell.original) {
      cell.code = kept;
      showStatic(cell, kept);
      markEdited(cell);
    }
  }

  // ---- the editor, on first focus or click ----
  const mountEditor = (cell: Cell, focus: boolean): Promise<void> => {
    if (cell.editor) {
      if (focus) cell.editor.focus();
      return Promise.resolve();
    }
    cell.editorLoading ??= import('./editor').then(({ createEditor }) => {
      const holder = document.createElement('div');
      holder.className = 'nb-editor';
      cell.editor = createEditor(holder, {
        code: cell.code,
        label: `Code of cell “${cell.title}”. Shift+Enter runs it.`,
        onChange(code) {
          cell.code = code;
          markEdited(cell);
          window.clearTimeout(cell.saveTimer);
          cell.saveTimer = window.setTimeout(() => save(cell), 300);
        },
        onRun: () => void runCells([cell]),
      });
      cell.codeEl.replaceChildren(holder);
      cell.el.dataset.editor = 'ready';
    });
    return cell.editorLoading.then(() => {
      if (focus) cell.editor!.focus();
    });
  };
  for (const cell of cells) {
    cell.codeEl.addEventListener('focusin', () => void mountEditor(cell, true));
    cell.codeEl.addEventListener('pointerdown', () => void mountEditor(cell, true));
  }
  // Flush pending saves when the page is hidden or left.
  addEventListener('pagehide', () => cells.forEach((c) => c.saveTimer !== undefined && save(c)));

  // ---- the runner worker ----
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<
    number,
    { cell: Cell; onItem(item: OutputItem): void; done(ok: boolean, ms: number): void }
  >();
  const startWorker = (): Worker => {
    if (worker) return worker;
    worker = new Worker(new URL('./runner.worker.ts', import.meta.url), { type: 'module', name: 'notebook-runner' });
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const msg = event.data;
      if (msg.type === 'ready') return;
      const run = pending.get(msg.id);
      if (!run) return;
      if (msg.type === 'output') run.onItem(msg.item);
      else {
        pending.delete(msg.id);
        run.done(msg.ok, msg.ms);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      for (const [id, run] of pending) {
        pending.delete(id);
        run.onItem({
          kind: 'text',
          level: 'error',
          text: `The runner failed to start: ${event.message || 'unknown error'}`,
        });
        run.done(false, 0);
      }
      worker?.terminate();
      worker = null;
    };
    return worker;
  };
  const stopWorker = () => {
    worker?.terminate();
    worker = null;
    pending.clear();
  };

  let queue: Promise<void> = Promise.resolve();
  let generation = 0;

  /** Runs one cell; resolves true when it ran without error (and its check, if any, ran). */
  const runOne = (cell: Cell): Promise<boolean> =>
    new Promise((resolve) => {
      const id = nextId++;
      const code = cell.editor ? cell.editor.getCode() : cell.code;
      cell.outEl.replaceChildren();
      cell.editor?.markErrorLine(null);
      cell.codeEl.querySelectorAll('.nb-error-line').forEach((l) => l.classList.remove('nb-error-line'));
      setState(cell, 'Running…', 'running');
      cell.el.setAttribute('aria-busy', 'true');
      let checkFailed = false;
      const lines = code.split('\n');
      const finish = (ok: boolean, text: string, kind: 'ok' | 'error') => {
        window.clearTimeout(timer);
        cell.el.removeAttribute('aria-busy');
        setState(cell, text, kind);
        resolve(ok);
      };
      const timer = window.setTimeout(() => {
        pending.delete(id);
        stopWorker();
        generation++;
        const box = document.createElement('div');
        box.className = 'nb-out nb-out--error';
        box.innerHTML = '';
        const title = document.createElement('p');
        title.className = 'nb-out__error-title';
        title.textContent = `Stopped: this cell ran longer than ${TIME_LIMIT_MS / 1000} s, the time limit for one cell.`;
        const more = document.createElement('p');
        more.textContent =
          'The runner was stopped and a fresh one is ready, but everything the cells above defined is gone. Look for a loop that never ends, then use “Run all” (or run the cells above again) before this one.';
        box.append(title, more);
        cell.outEl.append(box);
        for (const other of cells)
          if (other !== cell && other.el.dataset.runState !== 'idle')
            setState(other, 'Not run since the runner restarted', 'stale');
        announce(
          `Cell “${cell.title}” stopped at the ${TIME_LIMIT_MS / 1000}-second limit; the runner restarted and earlier results are gone.`,
        );
        finish(false, `Stopped at the ${TIME_LIMIT_MS / 1000} s limit`, 'error');
      }, TIME_LIMIT_MS);
      pending.set(id, {
        cell,
        onItem(item) {
          if (item.kind === 'error' && item.error.line) {
            if (cell.editor) cell.editor.markErrorLine(item.error.line);
            else cell.codeEl.querySelectorAll('.line')[item.error.line - 1]?.classList.add('nb-error-line');
          }
          if (item.kind === 'check' && !item.ok) checkFailed = true;
          renderItem(cell.outEl, item, (line) => lines[line - 1]);
        },
        done(ok, ms) {
          const time = ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
          if (!ok) {
            const err = cell.outEl.querySelector('.nb-out__error-title')?.textContent ?? 'an error';
            announce(`Cell “${cell.title}” failed: ${err}`);
            finish(false, 'Error', 'error');
          } else {
            const n = cell.outEl.childElementCount;
            announce(
              `Cell “${cell.title}” ran in ${time}${n ? `, ${n} output${n === 1 ? '' : 's'}` : ''}${checkFailed ? '; its check did not pass yet' : ''}.`,
            );
            finish(true, `Ran in ${time}`, 'ok');
          }
        },
      });
      const message: ToWorker = {
        type: 'run',
        id,
        cellId: cell.id,
        code,
        ...(cell.check ? { check: cell.check } : {}),
      };
      startWorker().postMessage(message);
    });

  /** Queues cells to run in order; stops at the first that fails. */
  const runCells = (list: Cell[]): Promise<void> => {
    const gen = generation;
    for (const cell of list) if (cell.el.dataset.runState !== 'running') setState(cell, 'Waiting…', 'idle');
    queue = queue.then(async () => {
      for (const [i, cell] of list.entries()) {
        if (gen !== generation) {
          list.slice(i).forEach((c) => setState(c, 'Not run: the runner restarted', 'stale'));
          return;
        }
        const ok = await runOne(cell);
        if (!ok) {
          list.slice(i + 1).forEach((c) => setState(c, `Not run: cell “${cell.title}” failed`, 'stale'));
          return;
        }
      }
    });
    return queue;
  };

  const announce = (text: string) => {
    announcer.textContent = '';
    window.setTimeout(() => (announcer.textContent = text), 30);
  };

  // ---- buttons ----
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action]');
    if (!button) return;
    const action = button.dataset.action;
    const cell = byId.get(button.closest<HTMLElement>('[data-cell]')?.dataset.cell ?? button.dataset.for ?? '');
    if (action === 'run' && cell) void runCells([cell]);
    else if (action === 'reset' && cell) {
      setCode(cell, cell.original);
      cell.outEl.replaceChildren();
      setState(cell, 'Reset to the original code', 'idle');
      announce(`Cell “${cell.title}” is back to its original code.`);
    } else if (action === 'use-solution' && cell) {
      const solution = (button.closest('[data-solution-for]')?.querySelector('pre')?.textContent ?? '').replace(
        /\n+$/,
        '',
      );
      setCode(cell, solution);
      setState(cell, 'Solution copied in: run it', 'idle');
      announce(`The solution is now in cell “${cell.title}”. Run it to check it.`);
      cell.el.scrollIntoView({
        block: 'nearest',
        behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
      });
    } else if (action === 'run-all') void runCells(cells);
    else if (action === 'restart') {
      stopWorker();
      generation++;
      for (const c of cells) setState(c, 'Not run since restart', 'idle');
      announce('Restarted: the shared scope is empty. Outputs stay until their cells run again.');
    } else if (action === 'download') download();
  });

  const download = () => {
    const rule = '─'.repeat(60);
    const parts = [
      `// ${title}`,
      `// Downloaded from ${location.href.split('#')[0]}`,
      `// The cells in order, as they are in your browser now. In the page, \`feedforward\` is the course`,
      `// engine (the site's lib/ folder); elsewhere, point that import at your copy of it.`,
      '',
      ...cells.flatMap((cell, i) => [
        `// ${rule}`,
        `// Cell ${i + 1}: ${cell.title}${cell.code !== cell.original ? ' (edited)' : ''}`,
        `// ${rule}`,
        (cell.editor?.getCode() ?? cell.code).trimEnd(),
        '',
      ]),
    ];
    const blob = new Blob([parts.join('\n')], { type: 'text/typescript' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${slug}.ts`;
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    announce(`Downloaded ${slug}.ts with ${cells.length} cells.`);
  };

  root.dataset.ready = 'true';
  for (const b of root.querySelectorAll<HTMLButtonElement>('button[disabled]')) b.disabled = false;
  for (const cell of cells)
    for (const b of cell.el.querySelectorAll<HTMLButtonElement>('button[disabled]')) b.disabled = false;
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-solution-for] button[disabled]'))
    b.disabled = false;
}
