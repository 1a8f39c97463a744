/**
 * Messages between the page and the runner. Everything is plain data.
 *
 * Where the runner lives (see host.ts): a Web Worker started from a blob inside a sandboxed iframe
 * (`sandbox="allow-scripts"`, an opaque origin, its own CSP with `connect-src 'none'`). The page
 * gives that frame the worker's code and two MessagePorts: the runner port (page ↔ worker) and
 * the control port (page ↔ frame: heartbeat, start-up failure). The worker takes its port before
 * any cell runs and keeps it private; a cell that calls `postMessage` talks to the frame, which
 * ignores it. Everything the page receives is checked by schema.ts before it is shown.
 *
 * page → worker: run a cell's code in the shared scope. (Restart is a new runner: the page removes
 * the frame, which ends the worker.)
 * worker → page: output items as they happen, then one `done` per run.
 */
import type { OutputItem } from './run-cell';

export type ToWorker = { type: 'run'; id: number; cellId: string; code: string; check?: string };

/**
 * The same values as in runner-frame.mjs (which the build uses; a unit test keeps them equal):
 * the frame's file in the site, the page's one message to the frame (the runner's code and two
 * ports), and the frame's one message to the worker (the runner port, its only transfer).
 */
export const FRAME_FILE = 'notebook-runner.html';
export const BOOT = 'feedforward:runner-boot';
export const CONNECT = 'feedforward:runner-connect';

export type FromWorker =
  | { type: 'ready' }
  | { type: 'output'; id: number; item: OutputItem }
  /** `dropped`: output items the worker did not send because the run reached the output cap. */
  | { type: 'done'; id: number; ok: boolean; ms: number; dropped: number };

/** Frame → page on the control port. */
export type FromFrame = { type: 'pong' } | { type: 'failed'; message: string };

/** A cell that runs longer than this is stopped: the runner is ended and a fresh one started. */
export const TIME_LIMIT_MS = 10_000;

/**
 * While a cell runs, the page pings the runner's frame this often; a frame that has not answered
 * for HEARTBEAT_DEAD_MS is gone (its process ran out of memory or crashed).
 */
export const HEARTBEAT_MS = 500;
export const HEARTBEAT_DEAD_MS = 3_000;
