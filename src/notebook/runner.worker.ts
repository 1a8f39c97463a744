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
// A relative import: Vite bundles workers without the site's tsconfig aliases.
import * as engine from '../../lib/index.ts';
import { NETWORK_APIS, globalRealm, installBuiltins, runCell } from './run-cell';
import { CHECKS } from './checks';
import type { FromWorker, ToWorker } from './protocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;
// Kept before any cell runs, so a cell that declares `postMessage` cannot cut the line to the page.
const postToPage = ctx.postMessage.bind(ctx);

// Cells run at this worker's global level: their top-level names are its globals. A restart is a new worker.
const realm = globalRealm();
installBuiltins(realm, engine as unknown as Record<string, unknown>);
// The built-ins shadow fetch & co. on the global object; replace them on its prototypes too, so that
// `delete fetch` in a cell does not bring the real one back.
for (
  let proto = Object.getPrototypeOf(ctx);
  proto && proto !== Object.prototype;
  proto = Object.getPrototypeOf(proto)
) {
  for (const name of NETWORK_APIS) {
    if (Object.prototype.hasOwnProperty.call(proto, name)) {
      try {
        Object.defineProperty(proto, name, { value: realm.global[name], configurable: true, writable: true });
      } catch {
        // left as it is; the own property on the global still refuses
      }
    }
  }
}
let queue: Promise<void> = Promise.resolve();

function post(message: FromWorker) {
  try {
    postToPage(message);
  } catch (err) {
    if (message.type === 'output') {
      postToPage({
        type: 'output',
        id: message.id,
        item: {
          kind: 'text',
          level: 'error',
          text: `This output could not be sent to the page: ${(err as Error).message}`,
        },
      } satisfies FromWorker);
    }
  }
}

ctx.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (msg.type === 'run') {
    queue = queue.then(async () => {
      const result = await runCell(
        msg.code,
        realm,
        { emit: (item) => post({ type: 'output', id: msg.id, item }) },
        {
          cellId: msg.cellId,
          engine: engine as unknown as Record<string, unknown>,
          check: msg.check ? CHECKS[msg.check] : undefined,
        },
      );
      post({ type: 'done', id: msg.id, ok: result.ok, ms: result.ms });
    });
  }
};

post({ type: 'ready' });
