/// <reference lib="webworker" />
/**
 * The notebook's runner: a Web Worker that owns the shared scope and runs cells in it with the
 * course engine (`lib/`) as `feedforward`. The page never runs a reader's code.
 *
 * Where it runs (host.ts): in the built site, started from a blob inside a sandboxed iframe with
 * an opaque origin, under that frame's CSP (`connect-src 'none'`, scripts only from the frame's own
 * hash and `eval`): no network from fetch, import(), WebSocket, caches or nested workers, no
 * storage of the site. That is the boundary. The functions below that refuse fetch & co. only give
 * a clearer message than the browser's refusal would.
 *
 * It talks to the page over one MessagePort, handed over by the frame in a `CONNECT` message before
 * any cell runs and kept in this closure: a cell cannot read the runs' ids or send the page
 * anything but its own output (its `postMessage` goes to the frame, which ignores it).
 */
// A relative import: Vite bundles workers without the site's tsconfig aliases.
import * as engine from '../../lib/index.ts';
import { NETWORK_APIS, globalRealm, installBuiltins, runCell } from './run-cell';
import { CHECKS } from './checks';
import { CONNECT, type FromWorker, type ToWorker } from './protocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;
// Taken before any cell runs, so that a cell that replaces a prototype's method or getter cannot
// see or change the traffic: the port's postMessage and the message's data getter, applied with
// the original Reflect.apply.
const apply = Reflect.apply;
const portPost = MessagePort.prototype.postMessage;
const dataOf = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')!.get!;
const portsOf = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'ports')!.get!;
let port: MessagePort | null = null;

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
  if (!port) return;
  try {
    apply(portPost, port, [message]);
  } catch (err) {
    if (message.type === 'output') {
      apply(portPost, port, [
        {
          type: 'output',
          id: message.id,
          item: {
            kind: 'text',
            level: 'error',
            text: `This output could not be sent to the page: ${(err as Error).message}`,
          },
        } satisfies FromWorker,
      ]);
    }
  }
}

function onRun(event: MessageEvent) {
  const msg = apply(dataOf, event, []) as ToWorker;
  if (!msg || msg.type !== 'run') return;
  const { id, code, cellId, check } = msg;
  queue = queue.then(async () => {
    const result = await runCell(
      String(code),
      realm,
      { emit: (item) => post({ type: 'output', id, item }) },
      {
        cellId: String(cellId),
        engine: engine as unknown as Record<string, unknown>,
        check: check ? CHECKS[check] : undefined,
        summariseDropped: false,
      },
    );
    post({ type: 'done', id, ok: result.ok, ms: result.ms, dropped: result.dropped });
  });
}

// The first message brings the port; everything after it on the worker's own channel is ignored.
ctx.onmessage = (event: MessageEvent) => {
  if (port) return;
  const data = apply(dataOf, event, []) as { type?: string } | null;
  const [given] = apply(portsOf, event, []) as readonly MessagePort[];
  if (data?.type !== CONNECT || !given) return;
  port = given;
  ctx.onmessage = null;
  port.onmessage = onRun;
  post({ type: 'ready' });
};
