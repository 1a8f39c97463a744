/**
 * How a cell's run shows on the page: the state line and `aria-busy` while it runs, the outputs as
 * they come, the time limit, the closing summary and what screen readers hear.
 */
import { clearErrorLine, currentCode, markErrorLine, setState, type Cell } from './cell';
import { TIME_LIMIT_MS } from './protocol';
import { renderItem } from './render';
import {
  TIME_LIMIT_STOP,
  formatRunTime,
  lostAnnouncement,
  ranAnnouncement,
  runnerLost,
  timeLimitAnnouncement,
  type StopNotice,
} from './run-messages';
import type { RunnerSession } from './runner-session';

export interface RunContext {
  session: RunnerSession;
  cells: readonly Cell[];
  announce(text: string): void;
}

/** Says in the cell's output that the runner is gone, and marks the cells that ran before it. */
function showStopped(cell: Cell, notice: StopNotice, cells: readonly Cell[]): void {
  const box = document.createElement('div');
  box.className = 'nb-out nb-out--error';
  const head = document.createElement('p');
  head.className = 'nb-out__error-title';
  head.textContent = notice.title;
  const text = document.createElement('p');
  text.textContent = notice.more;
  box.append(head, text);
  cell.outEl.append(box);
  for (const other of cells)
    if (other !== cell && other.el.dataset.runState !== 'idle')
      setState(other, 'Not run since the runner restarted', 'stale');
}

/** Runs one cell; resolves true when it ran without error (and its check, if any, ran). */
export function runCell(cell: Cell, ctx: RunContext): Promise<boolean> {
  return new Promise((resolve) => {
    const code = currentCode(cell);
    cell.outEl.replaceChildren();
    clearErrorLine(cell);
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
    const stopped = (notice: StopNotice, announcement: string) => {
      showStopped(cell, notice, ctx.cells);
      ctx.announce(announcement);
      finish(false, notice.state, 'error');
    };
    const timer = window.setTimeout(() => {
      ctx.session.stop();
      stopped(TIME_LIMIT_STOP, timeLimitAnnouncement(cell.title));
    }, TIME_LIMIT_MS);
    ctx.session.run(
      { cellId: cell.id, code, check: cell.check },
      {
        onItem(item) {
          if (item.kind === 'error' && item.error.line) markErrorLine(cell, item.error.line);
          if (item.kind === 'check' && !item.ok) checkFailed = true;
          renderItem(cell.outEl, item, (line) => lines[line - 1]);
        },
        done(ok, ms, dropped, outputs) {
          const summary = outputs.summary(dropped);
          if (summary) renderItem(cell.outEl, { kind: 'text', level: 'warn', text: summary }, () => undefined);
          const time = formatRunTime(ms);
          if (!ok) {
            const err = cell.outEl.querySelector('.nb-out__error-title')?.textContent ?? 'an error';
            ctx.announce(`Cell “${cell.title}” failed: ${err}`);
            finish(false, 'Error', 'error');
          } else {
            ctx.announce(ranAnnouncement(cell.title, time, outputs.shown, checkFailed));
            finish(true, `Ran in ${time}`, 'ok');
          }
        },
        lost(reason, detail) {
          const notice = runnerLost(reason, detail);
          stopped(notice, lostAnnouncement(cell.title, notice));
        },
      },
    );
  });
}
