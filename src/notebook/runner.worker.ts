/// <reference lib="webworker" />
/**
 * The notebook's runner: a module Web Worker that owns the shared scope and runs cells in it with
 * the course engine (`lib/`) as `feedforward`. The page never runs a reader's code.
 *
 * Network: fetch, XMLHttpRequest, WebSocket, EventSource and importScripts are replaced by functions
 * that throw, both here and in every cell's scope, and a cell's `import` of anything but the engine
 * (or a dynamic `import()`) is refused before it runs. That stops honest mistakes and the obvious
 * paths; it is not a security boundary (a determined cell could still build a dynamic import from
 * strings), which is acceptable for code the reader typed into their own browser.
 */
import * as engine from '@lib';
import { globalRealm, runCell } from './run-cell';
import { CHECKS } from './checks';
import type { FromWorker, ToWorker } from './protocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts']) {
  try {
    Object.defineProperty(ctx, name, {
      configurable: false,
      writable: false,
      value: () => {
        throw new Error(`${name} is not available in a notebook cell: cells have no network access.`);
      },
    });
  } catch {
    // A property the browser will not let us replace stays; the cell's own scope still shadows it.
  }
}

// Cells run at this worker's global level: their top-level names are its globals. A restart is a new worker.
const realm = globalRealm();
// Kept before any cell runs, so a cell that declares `postMessage` cannot cut the line to the page.
const postToPage = ctx.postMessage.bind(ctx);
let queue: Promise<void> = Promise.resolve();

function post(message: FromWorker) {
  try {
    postToPage(message);
  } catch (err) {
    if (message.type === 'output') {
      postToPage({
        type: 'output',
        id: message.id,
        item: { kind: 'text', level: 'error', text: `This output could not be sent to the page: ${(err as Error).message}` },
      } satisfies FromWorker);
    }
  }
}

ctx.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (msg.type === 'run') {
    queue = queue.then(async () => {
      const result = await runCell(msg.code, realm, { emit: (item) => post({ type: 'output', id: msg.id, item }) }, {
        cellId: msg.cellId,
        engine: engine as unknown as Record<string, unknown>,
        check: msg.check ? CHECKS[msg.check] : undefined,
      });
      post({ type: 'done', id: msg.id, ok: result.ok, ms: result.ms });
    });
  }
};

post({ type: 'ready' });
