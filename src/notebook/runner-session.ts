/**
 * The page's side of running cells: one runner at a time (started on the first run, ended by the
 * time limit or Restart, replaced after a crash) and one run in progress, whose messages alone
 * are shown; anything else from the runner is dropped. Every message is checked by `./schema`.
 *
 * `generation` counts the runners that are gone: a queue of cells stops when it changes, since
 * the scope the cells above built went with the runner.
 */
import type { RunnerEvents } from './host';
import type { ToWorker } from './protocol';
import type { OutputItem } from './run-cell';
import { RunOutputs, parseFromWorker } from './schema';

/** What the session needs of a runner (`./host`'s RunnerHost; a fake in tests). */
export interface Runner {
  start(): void;
  send(message: ToWorker): void;
  watch(on: boolean): void;
  end(): void;
}

/** What one run reports, once it is started. Exactly one of `done` and `lost` is called. */
export interface RunWatcher {
  onItem(item: OutputItem): void;
  done(ok: boolean, ms: number, dropped: number, outputs: RunOutputs): void;
  lost(reason: 'failed' | 'crashed', detail: string): void;
}

export interface RunJob {
  cellId: string;
  code: string;
  check?: string | undefined;
}

export class RunnerSession {
  generation = 0;
  private runner: Runner | null = null;
  private nextId = 1;
  private current: { id: number; outputs: RunOutputs; watcher: RunWatcher } | null = null;

  constructor(private readonly createRunner: (events: RunnerEvents) => Runner) {}

  /** Sends a cell's code to the runner (starting one if needed); `watcher` hears how it goes. */
  run(job: RunJob, watcher: RunWatcher): void {
    const id = this.nextId++;
    const runner = this.start();
    this.current = { id, outputs: new RunOutputs(), watcher };
    runner.watch(true);
    runner.send({ type: 'run', id, cellId: job.cellId, code: job.code, ...(job.check ? { check: job.check } : {}) });
  }

  /** Ends the runner (time limit, Restart): the run in progress hears nothing more. */
  stop(): void {
    this.runner?.end();
    this.runner = null;
    this.current = null;
    this.generation++;
  }

  private start(): Runner {
    if (this.runner) return this.runner;
    const runner = this.createRunner({
      message: (data) => {
        if (runner === this.runner) this.receive(runner, data);
      },
      lost: (reason, detail) => {
        if (runner === this.runner) this.lose(reason, detail);
      },
    });
    this.runner = runner;
    runner.start();
    return runner;
  }

  private receive(runner: Runner, data: unknown): void {
    const msg = parseFromWorker(data);
    const run = this.current;
    if (!run) return;
    if (!msg) {
      run.outputs.rejected++;
      return;
    }
    if (msg.type === 'ready' || msg.id !== run.id) return;
    if (msg.type === 'output') {
      if (run.outputs.accept(msg.item)) run.watcher.onItem(msg.item);
    } else {
      this.current = null;
      runner.watch(false);
      run.watcher.done(msg.ok, msg.ms, msg.dropped, run.outputs);
    }
  }

  private lose(reason: 'failed' | 'crashed', detail: string): void {
    this.runner = null;
    this.generation++;
    const run = this.current;
    this.current = null;
    run?.watcher.lost(reason, detail);
  }
}
