/**
 * Messages between the page and the runner worker. Everything is plain data.
 * page → worker: run a cell's code in the shared scope. (Restart is a new worker: the page terminates this one.)
 * worker → page: output items as they happen, then one `done` per run.
 */
import type { OutputItem } from './run-cell';

export type ToWorker = { type: 'run'; id: number; cellId: string; code: string; check?: string };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'output'; id: number; item: OutputItem }
  | { type: 'done'; id: number; ok: boolean; ms: number };

/** A cell that runs longer than this is stopped: the worker is terminated and a fresh one started. */
export const TIME_LIMIT_MS = 10_000;
