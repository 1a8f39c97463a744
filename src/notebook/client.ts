/**
 * The notebook page's controller (the only script a cold tutorial page loads). It wires the
 * toolbar and the cells' buttons to the three parts that do the work:
 * - storage: the reader's edits, kept per cell in localStorage (`./edits-store`);
 * - the runner: a worker in a sandboxed frame (`./host`), one run at a time (`./runner-session`),
 *   cells queued in order (`./run-queue`);
 * - the page: the cells (`./cell`) and how a run shows in them (`./run-view`).
 * Everything heavy comes later and only when needed:
 * - the CodeMirror editor when a cell's code is first focused or clicked (`./editor`);
 * - the runner (sucrase + the engine) when a cell is first run;
 * - Observable Plot / KaTeX when an output first needs them (`./render`).
 */
import { mountEditor, preText, readCells, setCode, setState, showKept, currentCode, type Cell } from './cell';
import { notebookScript, saveFile } from './download';
import { EditsStore } from './edits-store';
import { RunnerHost } from './host';
import { RunQueue } from './run-queue';
import { runCell } from './run-view';
import { RunnerSession } from './runner-session';
import { localStore } from '~/util/storage';

/** Screen-reader announcements: cleared first, so that the same text twice is read twice. */
function announcer(el: HTMLElement): (text: string) => void {
  return (text) => {
    el.textContent = '';
    window.setTimeout(() => (el.textContent = text), 30);
  };
}

/** The storage notice above the cells: each problem said once. */
function noticeBoard(el: HTMLElement): (message: string) => void {
  const notices: string[] = [];
  return (message) => {
    if (notices.includes(message)) return;
    notices.push(message);
    el.hidden = false;
    el.textContent = notices.join(' ');
  };
}

/** The buttons are disabled in the HTML until this script has wired them. */
function enableButtons(root: HTMLElement, cells: readonly Cell[]): void {
  root.dataset.ready = 'true';
  for (const b of root.querySelectorAll<HTMLButtonElement>('button[disabled]')) b.disabled = false;
  for (const cell of cells)
    for (const b of cell.el.querySelectorAll<HTMLButtonElement>('button[disabled]')) b.disabled = false;
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-solution-for] button[disabled]'))
    b.disabled = false;
}

interface Notebook {
  slug: string;
  title: string;
  cells: readonly Cell[];
  save(cell: Cell): void;
  announce(text: string): void;
  session: RunnerSession;
  runCells(list: readonly Cell[]): Promise<void>;
}

function resetCell({ save, announce }: Notebook, cell: Cell): void {
  setCode(cell, cell.original, save);
  cell.outEl.replaceChildren();
  setState(cell, 'Reset to the original code', 'idle');
  announce(`Cell “${cell.title}” is back to its original code.`);
}

function useSolution({ save, announce }: Notebook, cell: Cell, button: HTMLButtonElement): void {
  setCode(cell, preText(button.closest('[data-solution-for]')), save);
  setState(cell, 'Solution copied in: run it', 'idle');
  announce(`The solution is now in cell “${cell.title}”. Run it to check it.`);
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  cell.el.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
}

function restart({ session, cells, announce }: Notebook): void {
  session.stop();
  for (const c of cells) setState(c, 'Not run since restart', 'idle');
  announce('Restarted: the shared scope is empty. Outputs stay until their cells run again.');
}

function download({ slug, title, cells, announce }: Notebook): void {
  const sources = cells.map((c) => ({ title: c.title, code: currentCode(c), edited: c.code !== c.original }));
  saveFile(
    `${slug}.ts`,
    notebookScript(title, location.origin + location.pathname + location.search, sources),
    'text/typescript',
  );
  announce(`Downloaded ${slug}.ts with ${cells.length} cells.`);
}

/** The buttons (`data-action`): a cell's own (Run, Reset, Use solution) and the toolbar's. */
function wireButtons(nb: Notebook): void {
  const byId = new Map(nb.cells.map((c) => [c.id, c]));
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action]');
    if (!button) return;
    const action = button.dataset.action;
    const cell = byId.get(button.closest<HTMLElement>('[data-cell]')?.dataset.cell ?? button.dataset.for ?? '');
    if (action === 'run' && cell) void nb.runCells([cell]);
    else if (action === 'reset' && cell) resetCell(nb, cell);
    else if (action === 'use-solution' && cell) useSolution(nb, cell, button);
    else if (action === 'run-all') void nb.runCells(nb.cells);
    else if (action === 'restart') restart(nb);
    else if (action === 'download') download(nb);
  });
}

export function initNotebook(root: HTMLElement): void {
  const slug = root.dataset.notebook!;
  const title = root.dataset.title ?? slug;
  const announce = announcer(root.querySelector<HTMLElement>('[data-announce]')!);
  const cells = readCells(document);

  const edits = new EditsStore(slug, localStore, noticeBoard(root.querySelector<HTMLElement>('[data-notice]')!));
  const save = (cell: Cell) => edits.write(cell.id, cell.code, cell.original);
  for (const cell of cells) showKept(cell, edits.read(cell.id, cell.title));

  const session = new RunnerSession((events) => new RunnerHost(events));
  const queue = new RunQueue<Cell>({
    run: (cell) => runCell(cell, { session, cells, announce }),
    generation: () => session.generation,
    skipped: (rest, failed) =>
      rest.forEach((c) =>
        setState(c, failed ? `Not run: cell “${failed.title}” failed` : 'Not run: the runner restarted', 'stale'),
      ),
  });
  const runCells = (list: readonly Cell[]): Promise<void> => {
    for (const cell of list) if (cell.el.dataset.runState !== 'running') setState(cell, 'Waiting…', 'idle');
    return queue.enqueue(list);
  };

  const editing = { save, run: (cell: Cell) => void runCells([cell]) };
  for (const cell of cells) {
    cell.codeEl.addEventListener('focusin', () => void mountEditor(cell, true, editing));
    cell.codeEl.addEventListener('pointerdown', () => void mountEditor(cell, true, editing));
  }
  // Flush pending saves when the page is hidden or left.
  addEventListener('pagehide', () => cells.forEach((c) => c.saveTimer !== undefined && save(c)));

  wireButtons({ slug, title, cells, save, announce, session, runCells });
  enableButtons(root, cells);
}
